package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;

/**
 * The wire form of a normalised order, in the table and in event details. Written by hand so the format is
 * explicit and stable (money as minor units, ids as strings), and no reflection runs in a cold start.
 */
public final class OrderJson {

    private OrderJson() {
    }

    public static ObjectNode toJson(Order o) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("shop", o.shop());
        n.put("platform", o.platform().wireName());
        n.put("orderId", o.orderId());
        n.put("orderName", o.orderName());
        n.put("createdAt", o.createdAt().toString());
        n.put("email", o.email());
        putIfPresent(n, "customerName", o.customerName());
        putIfPresent(n, "firstName", o.firstName());
        putIfPresent(n, "customerId", o.customerId());
        putIfPresent(n, "locale", o.locale());
        n.put("currency", o.currency());
        n.put("totalMinor", o.total().minor());
        n.put("subtotalMinor", o.subtotal().minor());
        ArrayNode items = n.putArray("lineItems");
        for (LineItem item : o.lineItems()) {
            ObjectNode i = items.addObject();
            i.put("title", item.title());
            i.put("quantity", item.quantity());
            i.put("priceMinor", item.price().minor());
            putIfPresent(i, "productId", item.productId());
        }
        ArrayNode codes = n.putArray("discountCodes");
        o.discountCodes().forEach(codes::add);
        ObjectNode attributes = n.putObject("attributes");
        o.attributes().forEach(attributes::put);
        putIfPresent(n, "landingSite", o.landingSite());
        n.put("test", o.test());
        n.put("marketingConsent", o.marketingConsent().name().toLowerCase(java.util.Locale.ROOT));
        if (o.omittedLineItems() > 0) {
            n.put("omittedLineItems", o.omittedLineItems());
        }
        if (!o.cuts().isEmpty()) {
            ArrayNode cuts = n.putArray("cuts");
            o.cuts().forEach(cuts::add);
        }
        if (o.updatedAt() != null) {
            n.put("updatedAt", o.updatedAt().toString());
        }
        Order.Presentment shown = o.presentment();
        if (shown != null) {
            ObjectNode p = n.putObject("presentment");
            p.put("currency", shown.currency());
            p.put("totalMinor", shown.total().minor());
            p.put("subtotalMinor", shown.subtotal().minor());
            ArrayNode prices = p.putArray("linePricesMinor");
            shown.linePrices().forEach(m -> prices.add(m.minor()));
        }
        return n;
    }

    public static Order fromJson(JsonNode n) {
        String currency = n.path("currency").asText();
        List<LineItem> items = new ArrayList<>();
        for (JsonNode i : n.path("lineItems")) {
            items.add(new LineItem(i.path("title").asText(), i.path("quantity").asInt(),
                    new Money(i.path("priceMinor").asLong(), currency), textOrNull(i, "productId")));
        }
        List<String> codes = new ArrayList<>();
        n.path("discountCodes").forEach(c -> codes.add(c.asText()));
        Map<String, String> attributes = new LinkedHashMap<>();
        n.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        List<String> cuts = new ArrayList<>();
        n.path("cuts").forEach(c -> cuts.add(c.asText()));
        String updatedAt = textOrNull(n, "updatedAt");
        return new Order(n.path("shop").asText(), Platform.fromWireName(n.path("platform").asText()),
                n.path("orderId").asText(), n.path("orderName").asText(), Instant.parse(n.path("createdAt").asText()),
                n.path("email").asText(), textOrNull(n, "customerName"), textOrNull(n, "firstName"),
                textOrNull(n, "customerId"), textOrNull(n, "locale"), currency,
                new Money(n.path("totalMinor").asLong(), currency), new Money(n.path("subtotalMinor").asLong(), currency),
                items, codes, attributes, textOrNull(n, "landingSite"), n.path("test").asBoolean(),
                MarketingConsent.valueOf(n.path("marketingConsent").asText("unknown").toUpperCase(java.util.Locale.ROOT)),
                n.path("omittedLineItems").asInt(0), cuts, updatedAt == null ? null : Instant.parse(updatedAt),
                presentment(n.get("presentment")));
    }

    private static Order.Presentment presentment(JsonNode p) {
        if (p == null || !p.isObject()) {
            return null;
        }
        String currency = p.path("currency").asText();
        List<Money> prices = new ArrayList<>();
        p.path("linePricesMinor").forEach(m -> prices.add(new Money(m.asLong(), currency)));
        return new Order.Presentment(currency, new Money(p.path("totalMinor").asLong(), currency),
                new Money(p.path("subtotalMinor").asLong(), currency), prices);
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
