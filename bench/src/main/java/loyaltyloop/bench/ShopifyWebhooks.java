package loyaltyloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import loyaltyloop.intake.WebhookSignature;

/**
 * Signed Shopify deliveries shaped like the real ones: the sample bodies of {@code events/} (a 9 KB order, a refund)
 * with ids, customer, amounts and line items replaced.
 */
final class ShopifyWebhooks {

    /** One delivery: what Shopify POSTs. A retry of it has the same webhook id and body. */
    record Delivery(String topic, String webhookId, String body, String signature, String shop) {

        HttpRequest request(String baseUrl) {
            return HttpRequest.newBuilder(URI.create(baseUrl + "/webhooks/shopify"))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", topic)
                    .header("X-Shopify-Shop-Domain", shop)
                    .header("X-Shopify-Webhook-Id", webhookId)
                    .header("X-Shopify-Hmac-Sha256", signature)
                    .header("X-Shopify-Api-Version", loyaltyloop.platforms.ShopApiClient.SHOPIFY_API_VERSION)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        /** The same delivery again under a new webhook id (another topic about the same order, e.g. orders/paid). */
        Delivery asTopic(String otherTopic) {
            return new Delivery(otherTopic, UUID.randomUUID().toString(), body, signature, shop);
        }
    }

    /** A product line: title, unit price in cents, product id, quantity. */
    record Line(String title, long priceMinor, long productId, int quantity) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOPIFY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ObjectNode orderSample;
    private final ObjectNode refundSample;
    private final String secret;
    private final String shop;

    ShopifyWebhooks(Path repo, String shop, String secret) {
        this.orderSample = sampleBody(repo.resolve("events/shopify-orders-create.json"));
        this.refundSample = sampleBody(repo.resolve("events/shopify-refunds-create.json"));
        this.secret = secret;
        this.shop = shop;
    }

    private static ObjectNode sampleBody(Path event) {
        try {
            return (ObjectNode) JSON.readTree(JSON.readTree(event.toFile()).get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + event, e);
        }
    }

    /** An order webhook ({@code orders/create}, {@code orders/paid}, {@code orders/cancelled}, ...). */
    Delivery order(String topic, long orderId, String email, String firstName, List<Line> lines, boolean consent,
            Instant createdAt, boolean cancelled) {
        return order(topic, orderId, email, firstName, lines, consent, createdAt, cancelled, null, null);
    }

    /**
     * An order webhook carrying a discount code (a coupon used at checkout: 20% of the subtotal, as the survey
     * coupon's default) and/or the {@code loyalty_ref} cart attribute the theme snippet sets from a referral link;
     * either may be null.
     */
    Delivery order(String topic, long orderId, String email, String firstName, List<Line> lines, boolean consent,
            Instant createdAt, boolean cancelled, String discountCode, String loyaltyRef) {
        ObjectNode body = orderSample.deepCopy();
        long subtotal = lines.stream().mapToLong(l -> l.priceMinor() * l.quantity()).sum();
        long shipping = 995;
        String time = SHOPIFY_TIME.format(createdAt.atOffset(ZoneOffset.UTC));
        body.put("id", orderId);
        body.put("admin_graphql_api_id", "gid://shopify/Order/" + orderId);
        long number = 1000 + orderId % 1_000_000;
        body.put("order_number", number);
        body.put("number", number - 1000);
        body.put("name", "#" + number);
        body.put("email", email);
        body.put("contact_email", email);
        body.put("created_at", time);
        body.put("processed_at", time);
        body.put("updated_at", time);
        body.put("buyer_accepts_marketing", consent);
        body.set("discount_codes", JSON.createArrayNode());
        body.put("subtotal_price", money(subtotal));
        body.put("current_subtotal_price", money(subtotal));
        body.put("total_line_items_price", money(subtotal));
        body.put("total_price", money(subtotal + shipping));
        body.put("current_total_price", money(subtotal + shipping));
        body.put("total_discounts", "0.00");
        if (discountCode != null) {
            long discount = subtotal / 5;
            body.withArray("discount_codes").addObject().put("code", discountCode).put("amount", money(discount))
                    .put("type", "percentage");
            body.put("total_discounts", money(discount));
            body.put("total_price", money(subtotal - discount + shipping));
            body.put("current_total_price", money(subtotal - discount + shipping));
        }
        if (loyaltyRef != null) {
            body.withArray("note_attributes").addObject().put("name", "loyalty_ref").put("value", loyaltyRef);
        }
        if (cancelled) {
            body.put("cancelled_at", time);
            body.put("cancel_reason", "customer");
        }
        ObjectNode customer = (ObjectNode) body.get("customer");
        customer.put("id", 700_000_000_000L + Math.floorMod(email.hashCode(), 1_000_000_000));
        customer.put("email", email);
        customer.put("first_name", firstName);
        customer.put("last_name", "Customer");
        ((ObjectNode) customer.get("email_marketing_consent")).put("state", consent ? "subscribed" : "not_subscribed");
        ((ObjectNode) body.get("billing_address")).put("first_name", firstName);
        ArrayNode items = JSON.createArrayNode();
        JsonNode itemSample = body.get("line_items").get(0);
        long lineId = orderId * 10;
        for (Line line : lines) {
            ObjectNode item = itemSample.deepCopy();
            item.put("id", ++lineId);
            item.put("title", line.title());
            item.put("name", line.title());
            item.put("price", money(line.priceMinor()));
            item.put("product_id", line.productId());
            item.put("quantity", line.quantity());
            item.put("current_quantity", line.quantity());
            items.add(item);
        }
        body.set("line_items", items);
        return sign(topic, body);
    }

    /** A {@code refunds/create} of part of an order. */
    Delivery refund(long refundId, long orderId, long amountMinor, Instant at) {
        ObjectNode body = refundSample.deepCopy();
        String time = SHOPIFY_TIME.format(at.atOffset(ZoneOffset.UTC));
        body.put("id", refundId);
        body.put("order_id", orderId);
        body.put("created_at", time);
        body.put("processed_at", time);
        ObjectNode transaction = (ObjectNode) body.get("transactions").get(0);
        transaction.put("order_id", orderId);
        transaction.put("amount", money(amountMinor));
        transaction.put("created_at", time);
        ((ObjectNode) body.get("order_adjustments").get(0)).put("order_id", orderId).put("refund_id", refundId);
        return sign("refunds/create", body);
    }

    private Delivery sign(String topic, ObjectNode body) {
        try {
            String raw = JSON.writeValueAsString(body);
            return new Delivery(topic, UUID.randomUUID().toString(), raw,
                    WebhookSignature.sign(secret, raw.getBytes(StandardCharsets.UTF_8)), shop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String money(long minor) {
        return String.format("%d.%02d", minor / 100, minor % 100);
    }
}
