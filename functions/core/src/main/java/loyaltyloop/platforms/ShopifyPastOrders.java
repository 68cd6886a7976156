package loyaltyloop.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * A Shopify shop's orders through the GraphQL Admin API {@code orders} query (through {@link ShopApiClient}, so
 * with the shop's app token or static token; scopes {@code read_orders},
 * {@code read_all_orders} for orders older than 60 days, {@code read_customers} for consent), a page at a time
 * with its cursor, each order mapped into the shape of the {@code orders/create} webhook (the REST order
 * resource) so {@code ShopifyOrders} normalises it, refunds as {@code refunds[].transactions} like REST's.
 *
 * <p>Cost-based throttling: each answer's {@code extensions.cost.throttleStatus} says how many points are left and
 * how fast they come back. When fewer are left than the next page costs, it waits for them before asking; a
 * {@code THROTTLED} answer is waited out and asked again, at most {@link #THROTTLED_RETRIES} times.
 */
@Singleton
public class ShopifyPastOrders implements PastOrders {

    /** 25 orders with 20 line items each stay well under the 1,000-point single-query limit. */
    static final int PAGE_SIZE = 25;
    static final int THROTTLED_RETRIES = 8;

    static final String QUERY = """
            query LoyaltyLoopOrders($first: Int!, $after: String, $query: String, $sortKey: OrderSortKeys) {
              orders(first: $first, after: $after, query: $query, sortKey: $sortKey) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  legacyResourceId name createdAt updatedAt cancelledAt test email customerLocale currencyCode
                  totalPriceSet { shopMoney { amount } }
                  subtotalPriceSet { shopMoney { amount } }
                  discountCodes
                  customAttributes { key value }
                  customerJourneySummary { firstVisit { landingPage } }
                  customer { legacyResourceId firstName lastName
                             defaultEmailAddress { emailAddress marketingState } }
                  lineItems(first: 20) { nodes { title quantity
                             originalUnitPriceSet { shopMoney { amount } } product { legacyResourceId } } }
                  refunds(first: 20) { legacyResourceId createdAt
                             totalRefundedSet { shopMoney { amount currencyCode } } }
                }
              }
            }""";

    /** Waits; a test passes one that records instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration);
    }

    private final ShopApiClient api;
    private final Pause pause;

    @Inject
    public ShopifyPastOrders(ShopApiClient api) {
        this(api, ShopifyPastOrders::sleep);
    }

    ShopifyPastOrders(ShopApiClient api, Pause pause) {
        this.api = api;
        this.pause = pause;
    }

    @Override
    public boolean serves(Shop shop) {
        return shop.platform() == Platform.SHOPIFY && PlatformReads.hasCredentials(shop);
    }

    @Override
    public Page page(Shop shop, Window window, String cursor) {
        ObjectNode variables = Json.MAPPER.createObjectNode().put("first", PAGE_SIZE);
        variables.put("after", cursor);
        if (window.createdSince() != null) {
            variables.put("query", "created_at:>='" + window.createdSince() + "'");
            variables.put("sortKey", "CREATED_AT");
        } else if (window.updatedSince() != null) {
            variables.put("query", "updated_at:>='" + window.updatedSince() + "'");
            variables.put("sortKey", "UPDATED_AT");
        } else {
            variables.put("sortKey", "CREATED_AT");
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", QUERY);
        body.set("variables", variables);
        String what = "reading orders of " + shop.domain();
        for (int attempt = 0; attempt <= THROTTLED_RETRIES; attempt++) {
            ShopApiClient.PagedAnswer answer;
            try {
                answer = api.shopifyGraphqlAnswer(shop, Json.write(body), what);
            } catch (ShopApiException e) {
                throw PlatformReads.failed(e);
            }
            if (!answer.ok()) {
                throw PlatformReads.refused(what, answer.status());
            }
            JsonNode response;
            try {
                response = Json.MAPPER.readTree(answer.body());
            } catch (JsonProcessingException e) {
                throw new PastOrdersException(what + ": the answer was not JSON", PastOrdersException.Kind.RETRYABLE);
            }
            JsonNode cost = response.path("extensions").path("cost");
            JsonNode errors = response.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                if (hasCode(errors, "THROTTLED")) {
                    pause.sleep(refill(cost));
                    continue;
                }
                List<String> messages = new ArrayList<>();
                errors.forEach(e -> messages.add(e.path("message").asText()));
                throw new PastOrdersException(what + " failed: " + String.join("; ", messages), hasCode(errors,
                        "ACCESS_DENIED") ? PastOrdersException.Kind.CREDENTIALS_REFUSED : PastOrdersException.Kind.FAILED);
            }
            JsonNode connection = response.path("data").path("orders");
            List<JsonNode> orders = new ArrayList<>();
            for (JsonNode node : connection.path("nodes")) {
                orders.add(webhookShape(node));
            }
            JsonNode pageInfo = connection.path("pageInfo");
            String next = pageInfo.path("hasNextPage").asBoolean(false) && pageInfo.hasNonNull("endCursor")
                    ? pageInfo.path("endCursor").asText() : null;
            Duration wait = refill(cost);
            if (next != null && !wait.isZero()) {
                pause.sleep(wait); // the next page would be throttled: wait for the points it needs
            }
            return new Page(orders, next, -1);
        }
        throw new PastOrdersException(what + " stayed throttled after " + THROTTLED_RETRIES + " waits; try again later",
                PastOrdersException.Kind.RETRYABLE);
    }

    /** How long until the bucket holds what this query asked for; zero when it does. */
    static Duration refill(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        double requested = cost.path("requestedQueryCost").asDouble(0);
        double available = status.path("currentlyAvailable").asDouble(Double.MAX_VALUE);
        double restoreRate = status.path("restoreRate").asDouble(0);
        if (available >= requested) {
            return Duration.ZERO;
        }
        if (restoreRate <= 0) {
            return Duration.ofSeconds(1);
        }
        return Duration.ofMillis((long) Math.ceil((requested - available) / restoreRate * 1000));
    }

    private static boolean hasCode(JsonNode errors, String code) {
        for (JsonNode error : errors) {
            if (code.equals(error.path("extensions").path("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A GraphQL order node as the REST order resource of the {@code orders/create} webhook spells it. */
    static ObjectNode webhookShape(JsonNode node) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        String id = node.path("legacyResourceId").asText(null);
        o.put("id", id);
        o.put("name", text(node, "name"));
        o.put("created_at", text(node, "createdAt"));
        o.put("updated_at", text(node, "updatedAt"));
        o.put("cancelled_at", text(node, "cancelledAt"));
        o.put("test", node.path("test").asBoolean(false));
        o.put("email", text(node, "email"));
        o.put("customer_locale", text(node, "customerLocale"));
        o.put("currency", text(node, "currencyCode"));
        o.put("total_price", text(node.path("totalPriceSet").path("shopMoney"), "amount"));
        o.put("subtotal_price", text(node.path("subtotalPriceSet").path("shopMoney"), "amount"));
        ArrayNode codes = o.putArray("discount_codes");
        node.path("discountCodes").forEach(code -> codes.addObject().put("code", code.asText()));
        ArrayNode attributes = o.putArray("note_attributes");
        node.path("customAttributes").forEach(a -> attributes.addObject().put("name", text(a, "key"))
                .put("value", text(a, "value")));
        o.put("landing_site", text(node.path("customerJourneySummary").path("firstVisit"), "landingPage"));
        JsonNode customer = node.path("customer");
        if (customer.isObject()) {
            ObjectNode c = o.putObject("customer");
            c.put("id", text(customer, "legacyResourceId"));
            c.put("first_name", text(customer, "firstName"));
            c.put("last_name", text(customer, "lastName"));
            JsonNode address = customer.path("defaultEmailAddress");
            c.put("email", text(address, "emailAddress"));
            String state = text(address, "marketingState");
            if (state != null) {
                c.putObject("email_marketing_consent").put("state", state.toLowerCase(Locale.ROOT));
            }
        }
        ArrayNode lines = o.putArray("line_items");
        for (JsonNode line : node.path("lineItems").path("nodes")) {
            ObjectNode l = lines.addObject();
            l.put("title", text(line, "title"));
            l.put("quantity", line.path("quantity").asInt(1));
            l.put("price", text(line.path("originalUnitPriceSet").path("shopMoney"), "amount"));
            l.put("product_id", text(line.path("product"), "legacyResourceId"));
        }
        ArrayNode refunds = o.putArray("refunds");
        for (JsonNode refund : node.path("refunds")) {
            ObjectNode r = refunds.addObject();
            r.put("id", text(refund, "legacyResourceId"));
            r.put("order_id", id);
            r.put("created_at", text(refund, "createdAt"));
            JsonNode money = refund.path("totalRefundedSet").path("shopMoney");
            r.putArray("transactions").addObject().put("kind", "refund").put("status", "success")
                    .put("amount", text(money, "amount")).put("currency", text(money, "currencyCode"));
        }
        return o;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.min(duration.toMillis(), 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PastOrdersException("interrupted while waiting out Shopify's throttling",
                    PastOrdersException.Kind.RETRYABLE);
        }
    }
}
