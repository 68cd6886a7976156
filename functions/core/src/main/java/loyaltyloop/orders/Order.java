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
        MarketingConsent marketingConsent) {

    public Order {
        lineItems = List.copyOf(lineItems);
        discountCodes = List.copyOf(discountCodes);
        attributes = Map.copyOf(attributes);
    }
}
