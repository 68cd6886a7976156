package loyaltyloop.orders;

import static loyaltyloop.orders.JsonFields.array;
import static loyaltyloop.orders.JsonFields.decimal;
import static loyaltyloop.orders.JsonFields.id;
import static loyaltyloop.orders.JsonFields.text;
import static loyaltyloop.orders.ShopifyOrders.firstNonNull;
import static loyaltyloop.orders.ShopifyOrders.fullName;
import static loyaltyloop.orders.ShopifyOrders.money;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * Normalises a WooCommerce REST v3 order webhook body. WooCommerce sends no customer locale and no marketing
 * consent: the shop's defaults apply.
 */
public final class WooCommerceOrders {

    /** Statuses that never were a real purchase. */
    static final Set<String> NOT_A_SALE = Set.of("checkout-draft", "trash");

    private WooCommerceOrders() {
    }

    public static String status(JsonNode body) {
        String status = text(body, "status");
        return status == null ? "" : status.toLowerCase(Locale.ROOT);
    }

    public static ParsedOrder parse(JsonNode body, Shop shop) {
        if (body == null || !body.isObject()) {
            return new ParsedOrder.Unusable("body is not an order object");
        }
        String orderId = id(body, "id");
        if (orderId == null) {
            return new ParsedOrder.Unusable("order has no id");
        }
        if (NOT_A_SALE.contains(status(body))) {
            return new ParsedOrder.Unusable("order status " + status(body) + " is not a sale");
        }
        JsonNode billing = body.get("billing");
        var email = CustomerEmails.normalise(text(billing, "email"));
        if (email.isEmpty()) {
            return new ParsedOrder.Unusable("order has no usable email address");
        }
        String currency = firstNonNull(text(body, "currency"), shop.currency());
        try {
            currency = currency.toUpperCase(Locale.ROOT);
            Money total = money(decimal(body, "total"), currency);
            List<LineItem> items = new ArrayList<>();
            Money subtotal = Money.zero(currency);
            JsonNode lines = array(body, "line_items");
            if (lines != null) {
                for (JsonNode line : lines) {
                    int quantity = JsonFields.quantity(line);
                    Money unit = unitPrice(line, Math.max(quantity, 0), currency);
                    items.add(new LineItem(HtmlEntities.decode(firstNonNull(text(line, "name"), "Item")), quantity, unit,
                            id(line, "product_id")));
                    BigDecimal lineSubtotal = decimal(line, "subtotal");
                    subtotal = subtotal.plus(lineSubtotal != null ? money(lineSubtotal, currency) : unit.times(quantity));
                }
            }
            List<String> codes = JsonFields.texts(body, "coupon_lines", "code");
            // Keys starting with "_" are WooCommerce's and plugins' private fields.
            Map<String, String> attributes = JsonFields.pairs(body, "meta_data", "key", "value", key -> !key.startsWith("_"));
            String firstName = text(billing, "first_name");
            String orderName = "#" + firstNonNull(text(body, "number"), orderId);
            return OrderLimits.apply(new Order(shop.domain(), Platform.WOOCOMMERCE, orderId, orderName,
                    created(body), email.get(), fullName(firstName, text(billing, "last_name")), firstName,
                    nonZero(id(body, "customer_id")), shop.defaultLocale(), currency, total, subtotal, items, codes,
                    attributes, null, false, MarketingConsent.UNKNOWN, 0, List.of(), modified(body), null));
        } catch (ArithmeticException overflow) {
            return new ParsedOrder.Unusable("order amounts are too large");
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new ParsedOrder.Unusable("order has an unreadable field: " + OrderLimits.shortText(e.getMessage(), 120));
        }
    }

    /** WooCommerce's {@code price} is a float; take it when exact in the currency, else subtotal ÷ quantity. */
    private static Money unitPrice(JsonNode line, int quantity, String currency) {
        BigDecimal price = decimal(line, "price");
        if (price != null) {
            try {
                return Money.of(price, currency);
            } catch (IllegalArgumentException inexact) {
                // fall through to the subtotal
            }
        }
        BigDecimal subtotal = decimal(line, "subtotal");
        if (subtotal == null) {
            throw new IllegalArgumentException("line item has no price");
        }
        BigDecimal unit = quantity == 0 ? subtotal
                : subtotal.divide(BigDecimal.valueOf(quantity), Money.exponent(currency), RoundingMode.HALF_EVEN);
        return Money.of(unit, currency);
    }

    private static Instant created(JsonNode body) {
        String gmt = text(body, "date_created_gmt");
        if (gmt != null) {
            return LocalDateTime.parse(gmt).toInstant(ZoneOffset.UTC);
        }
        String local = text(body, "date_created");
        if (local == null) {
            throw new IllegalArgumentException("date_created is missing");
        }
        return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
    }

    /** When WooCommerce last changed the order ({@code date_modified_gmt}); null when absent or unreadable. */
    private static Instant modified(JsonNode body) {
        String gmt = text(body, "date_modified_gmt");
        try {
            return gmt == null ? null : LocalDateTime.parse(gmt).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nonZero(String id) {
        return id == null || "0".equals(id) ? null : id;
    }
}
