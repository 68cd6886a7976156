package loyaltyloop.affirmation;

import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/**
 * What the thank-you email shows.
 *
 * @param customerOrderNumber 1 for the customer's first order at this shop (welcome), N for the Nth
 * @param referralUrl the customer's personal referral link ({@code <base>/r/<code>})
 * @param unsubscribeUrl the signed {@code <base>/u/<token>} link
 */
public record AffirmationView(Shop shop, Order order, int customerOrderNumber, String referralUrl, String unsubscribeUrl) {
}
