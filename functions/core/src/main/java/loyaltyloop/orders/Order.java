package loyaltyloop.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.shops.Platform;

/**
 * An order normalised from either platform. The id is a string: Shopify ids exceed 2^53 and must never pass
 * through a double.
 *
 * @param shop normalised shop domain
 * @param email trimmed, lower-cased
 * @param locale the customer's locale tag, or the shop default where the platform has none
 * @param attributes Shopify {@code note_attributes} / WooCommerce {@code meta_data}
 * @param omittedLineItems how many of the platform's line items were not kept ({@link OrderLimits})
 * @param cuts what {@link OrderLimits} cut to keep the order small, one note each ("customerName shortened")
 * @param updatedAt when the platform last changed the order ({@code updated_at}, {@code date_modified_gmt}); null
 *     when it did not say. An older version never replaces a newer one
 * @param presentment what the customer saw and paid in another currency than the shop's; null when the same
 */
public record Order(
        String shop,
        Platform platform,
        String orderId,
        String orderName,
        Instant createdAt,
        String email,
        String customerName,
        String firstName,
        String customerId,
        String locale,
        String currency,
        Money total,
        Money subtotal,
        List<LineItem> lineItems,
        List<String> discountCodes,
        Map<String, String> attributes,
        String landingSite,
        boolean test,
        MarketingConsent marketingConsent,
        int omittedLineItems,
        List<String> cuts,
        Instant updatedAt,
        Presentment presentment) {

    public Order {
        lineItems = List.copyOf(lineItems);
        discountCodes = List.copyOf(discountCodes);
        attributes = Map.copyOf(attributes);
        cuts = cuts == null ? List.of() : List.copyOf(cuts);
    }

    /** An order as the platform sent it: nothing cut, no update time, in the shop's currency. */
    public Order(String shop, Platform platform, String orderId, String orderName, Instant createdAt, String email,
            String customerName, String firstName, String customerId, String locale, String currency, Money total,
            Money subtotal, List<LineItem> lineItems, List<String> discountCodes, Map<String, String> attributes,
            String landingSite, boolean test, MarketingConsent marketingConsent) {
        this(shop, platform, orderId, orderName, createdAt, email, customerName, firstName, customerId, locale, currency,
                total, subtotal, lineItems, discountCodes, attributes, landingSite, test, marketingConsent, 0, List.of(),
                null, null);
    }

    /** The same order under another address: a later version keeps the address of the customer who placed it. */
    public Order withEmail(String newEmail) {
        return new Order(shop, platform, orderId, orderName, createdAt, newEmail, customerName, firstName, customerId,
                locale, currency, total, subtotal, lineItems, discountCodes, attributes, landingSite, test,
                marketingConsent, omittedLineItems, cuts, updatedAt, presentment);
    }

    /**
     * The amounts as the customer paid them, in their currency, where Shopify's multi-currency checkout charged
     * another currency than the shop's ({@code presentment_currency}, {@code *_set.presentment_money}).
     *
     * @param linePrices the unit price of each of the order's kept line items, in the same order
     */
    public record Presentment(String currency, Money total, Money subtotal, List<Money> linePrices) {

        public Presentment {
            linePrices = List.copyOf(linePrices);
        }
    }
}
