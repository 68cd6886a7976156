package loyaltyloop.orders;

import static loyaltyloop.orders.JsonFields.array;
import static loyaltyloop.orders.JsonFields.bool;
import static loyaltyloop.orders.JsonFields.decimal;
import static loyaltyloop.orders.JsonFields.id;
import static loyaltyloop.orders.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/** Normalises a Shopify order webhook body (REST order resource) into an {@link Order}. */
public final class ShopifyOrders {

    private ShopifyOrders() {
    }

    public static ParsedOrder parse(JsonNode body, Shop shop) {
        if (body == null || !body.isObject()) {
            return new ParsedOrder.Unusable("body is not an order object");
        }
        String orderId = id(body, "id");
        if (orderId == null) {
            return new ParsedOrder.Unusable("order has no id");
        }
        if (bool(body, "test")) {
            return new ParsedOrder.Unusable("test order");
        }
        JsonNode customer = body.get("customer");
        String rawEmail = firstNonNull(text(body, "email"), text(body, "contact_email"), text(customer, "email"));
        var email = CustomerEmails.normalise(rawEmail);
        if (email.isEmpty()) {
            return new ParsedOrder.Unusable("order has no usable email address");
        }
        String currency = firstNonNull(text(body, "currency"), shop.currency());
        try {
            currency = currency.toUpperCase(Locale.ROOT);
            Money total = money(decimal(body, "total_price"), currency);
            Money subtotal = money(firstNonNullDecimal(decimal(body, "subtotal_price"), decimal(body, "total_price")), currency);
            List<LineItem> items = new ArrayList<>();
            JsonNode lines = array(body, "line_items");
            if (lines != null) {
                for (JsonNode line : lines) {
                    items.add(new LineItem(firstNonNull(text(line, "title"), text(line, "name"), "Item"),
                            JsonFields.quantity(line), money(decimal(line, "price"), currency), id(line, "product_id")));
                }
            }
            List<String> codes = JsonFields.texts(body, "discount_codes", "code");
            Map<String, String> attributes = JsonFields.pairs(body, "note_attributes", "name", "value", name -> true);
            JsonNode billing = body.get("billing_address");
            String firstName = firstNonNull(text(customer, "first_name"), text(billing, "first_name"));
            String lastName = firstNonNull(text(customer, "last_name"), text(billing, "last_name"));
            String orderName = firstNonNull(text(body, "name"), text(body, "order_number"), orderId);
            return OrderLimits.apply(new Order(shop.domain(), Platform.SHOPIFY, orderId, orderName,
                    instant(text(body, "created_at")), email.get(), fullName(firstName, lastName), firstName,
                    id(customer, "id"), firstNonNull(text(body, "customer_locale"), shop.defaultLocale()), currency,
                    total, subtotal, items, codes, attributes, text(body, "landing_site"), false,
                    consent(body, customer), 0, List.of(), updatedAt(text(body, "updated_at")),
                    presentment(body, currency, lines)));
        } catch (ArithmeticException overflow) {
            return new ParsedOrder.Unusable("order amounts are too large");
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new ParsedOrder.Unusable("order has an unreadable field: " + OrderLimits.shortText(e.getMessage(), 120));
        }
    }

    /**
     * What the customer paid in their own currency, when Shopify's multi-currency checkout charged another one than
     * the shop's: from {@code presentment_currency} and each amount's {@code *_set.presentment_money}. Null when the
     * currencies are the same, or any amount is missing (the shop's amounts are shown then).
     */
    private static Order.Presentment presentment(JsonNode body, String shopCurrency, JsonNode lines) {
        String shown = text(body, "presentment_currency");
        if (shown == null || shown.equalsIgnoreCase(shopCurrency)) {
            return null;
        }
        shown = shown.toUpperCase(Locale.ROOT);
        BigDecimal total = presentmentAmount(body.get("total_price_set"), shown);
        BigDecimal subtotal = presentmentAmount(body.get("subtotal_price_set"), shown);
        if (total == null) {
            return null;
        }
        List<Money> prices = new ArrayList<>();
        if (lines != null) {
            for (JsonNode line : lines) {
                if (prices.size() == OrderLimits.MAX_LINE_ITEMS) {
                    break;
                }
                BigDecimal price = presentmentAmount(line.get("price_set"), shown);
                if (price == null) {
                    return null;
                }
                prices.add(Money.of(price, shown));
            }
        }
        Money shownTotal = Money.of(total, shown);
        return new Order.Presentment(shown, shownTotal, subtotal == null ? shownTotal : Money.of(subtotal, shown), prices);
    }

    private static BigDecimal presentmentAmount(JsonNode set, String currency) {
        JsonNode money = set == null ? null : set.get("presentment_money");
        String code = text(money, "currency_code");
        return code == null || code.equalsIgnoreCase(currency) ? decimal(money, "amount") : null;
    }

    /** When Shopify last changed the order; null when absent or unreadable (the order is still usable). */
    private static Instant updatedAt(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static MarketingConsent consent(JsonNode body, JsonNode customer) {
        JsonNode consent = customer == null ? null : customer.get("email_marketing_consent");
        String state = text(consent, "state");
        if (state != null) {
            return "subscribed".equalsIgnoreCase(state) ? MarketingConsent.GRANTED : MarketingConsent.DENIED;
        }
        JsonNode accepts = body.get("buyer_accepts_marketing");
        if (accepts != null && accepts.isBoolean()) {
            return accepts.booleanValue() ? MarketingConsent.GRANTED : MarketingConsent.DENIED;
        }
        return MarketingConsent.UNKNOWN;
    }

    static Instant instant(String value) {
        if (value == null) {
            throw new IllegalArgumentException("created_at is missing");
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    static Money money(BigDecimal amount, String currency) {
        if (amount == null) {
            throw new IllegalArgumentException("an amount is missing");
        }
        return Money.of(amount, currency);
    }

    static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static BigDecimal firstNonNullDecimal(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }
}
