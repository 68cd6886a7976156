package loyaltyloop.orders;

/** What the shop platform told us about the customer's marketing consent on this order. */
public enum MarketingConsent {
    /** The customer opted in (Shopify {@code email_marketing_consent.state = subscribed}). */
    GRANTED,
    /** The customer explicitly did not opt in or unsubscribed at the shop. */
    DENIED,
    /** The platform sends nothing (WooCommerce). The shop's consent mode decides. */
    UNKNOWN
}
