package loyaltyloop.intake;

import static loyaltyloop.intake.WebhookEvents.JSON;
import static loyaltyloop.intake.WebhookEvents.SHOPIFY_SECRET;
import static loyaltyloop.intake.WebhookEvents.WOO_SECRET;
import static loyaltyloop.intake.WebhookEvents.load;
import static loyaltyloop.intake.WebhookEvents.sampleBody;
import static loyaltyloop.intake.WebhookEvents.shopify;
import static loyaltyloop.intake.WebhookEvents.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderLimits;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.ShopifyOrders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.orders.ParsedOrder;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The intake handler with the sample events of {@code events/}, on the moto server's DynamoDB, SSM and EventBridge. */
@MotoTest
class OrderIntakeHandlerTest {

    private static final String ORDER_ID = "820982911946154508";
    /** The client secret that signs events/shopify-app-uninstalled.json. */
    private static final String APP_CLIENT_SECRET = "sample-app-client-secret";

    private ApplicationContext context;
    private OrderIntakeHandler handler;
    private TestAws.EventTap bus;
    private Shop shop;

    @BeforeEach
    void setUp() {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(), Map.of());
        handler = new OrderIntakeHandler(context);
        shop = TestShops.shopify(context, SHOPIFY_SECRET);
        TestShops.register(context, "woo.demo.local", Platform.WOOCOMMERCE, WOO_SECRET, "TWD", "zh-TW");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void sampleShopifyOrderIsStoredAndPublishedOnce() throws Exception {
        APIGatewayV2HTTPResponse response = handle(load("shopify-orders-create.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()).path("status").asText()).isEqualTo("accepted");
        List<JsonNode> events = bus.drain();
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("source").asText()).isEqualTo("loyalty-loop.orders");
        assertThat(event.path("detail-type").asText()).isEqualTo("OrderPlaced");
        assertThat(event.path("detail").path("orderId").asText()).isEqualTo(ORDER_ID);
        assertThat(event.path("detail").path("customerOrderNumber").asInt()).isEqualTo(1);
        assertThat(event.path("detail").path("linkBaseUrl").asText())
                .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com");
        assertThat(event.path("detail").path("order").path("email").asText()).isEqualTo("jane.doe@example.com");
        assertThat(event.path("detail").path("order").path("totalMinor").asLong()).isEqualTo(5990);
        assertThat(event.path("detail").toString()).doesNotContain(SHOPIFY_SECRET);
        StoredOrder stored = context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow();
        assertThat(stored.order().orderId()).isEqualTo(ORDER_ID);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com"))
                .hasValueSatisfying(c -> assertThat(c.orderCount()).isEqualTo(1));
    }

    @Test
    void base64EncodedBodyIsVerifiedOnItsDecodedBytes() throws Exception {
        APIGatewayV2HTTPResponse response = handle(load("shopify-orders-create-base64.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(bus.drain()).hasSize(1);
    }

    @Test
    void sameDeliveryTwiceStoresOneOrderAndPublishesOneEvent() throws Exception {
        assertThat(handle(load("shopify-orders-create.json")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse again = handle(load("shopify-orders-create.json"));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.getBody()).path("status").asText()).isEqualTo("duplicate");
        assertThat(bus.drain()).hasSize(1);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .orderCount()).isEqualTo(1);
    }

    @Test
    void eightConcurrentDeliveriesOfOneOrderPublishOneEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> handle(load("shopify-orders-create.json")));
            }
            for (Future<APIGatewayV2HTTPResponse> f : pool.invokeAll(calls)) {
                // The same delivery while its first call is still publishing: 503, "not yet, try again".
                assertThat(f.get().getStatusCode()).isIn(200, 503);
            }
        } finally {
            pool.shutdownNow();
        }
        // Once the first call is done, the shop's retry of the same delivery is a duplicate.
        assertThat(status(handle(load("shopify-orders-create.json")))).isEqualTo("duplicate");
        assertThat(bus.drain()).hasSize(1);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .orderCount()).isEqualTo(1);
    }

    @Test
    void ordersPaidArrivingBeforeOrdersCreateCreatesTheOrderOnce() throws Exception {
        assertThat(handle(load("shopify-orders-paid.json")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse create = handle(load("shopify-orders-create.json"));

        assertThat(JSON.readTree(create.getBody()).path("status").asText()).isEqualTo("duplicate");
        List<JsonNode> events = bus.drain();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("detail").path("orderId").asText()).isEqualTo(ORDER_ID);
    }

    @Test
    void secondOrderOfTheSameCustomerIsTheirSecond() throws Exception {
        handle(load("shopify-orders-create.json"));
        String second = withField(withField(sampleBody("shopify-orders-create.json"), "id", 820982911946154999L),
                "name", "#1002");
        handle(shopify("orders/create", second));

        List<JsonNode> events = bus.drain();
        assertThat(events).extracting(e -> e.path("detail").path("customerOrderNumber").asInt())
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void wrongSignatureAndUnknownShopGetTheSameAnswerAndWriteNothing() throws Exception {
        String body = sampleBody("shopify-orders-create.json");
        APIGatewayV2HTTPResponse badSignature = handle(shopify("orders/create", body, "w-1", "not-the-secret"));
        APIGatewayV2HTTPEvent unknown = shopify("orders/create", body, "w-2", SHOPIFY_SECRET);
        unknown.getHeaders().put("x-shopify-shop-domain", "unknown.myshopify.com");
        APIGatewayV2HTTPResponse unknownShop = handle(unknown);
        APIGatewayV2HTTPEvent unsigned = shopify("orders/create", body, "w-3", SHOPIFY_SECRET);
        unsigned.getHeaders().remove("x-shopify-hmac-sha256");
        APIGatewayV2HTTPResponse missing = handle(unsigned);

        assertThat(badSignature.getStatusCode()).isEqualTo(401);
        assertThat(unknownShop.getStatusCode()).isEqualTo(401);
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(unknownShop.getBody()).isEqualTo(badSignature.getBody());
        assertThat(JSON.readTree(badSignature.getBody()).has("error")).isTrue();
        assertThat(bus.drain()).isEmpty();
        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID)).isEmpty();
        assertThat(context.getBean(OrderStore.class).findDelivery(shop.domain(), "w-1")).isEmpty();
    }

    /** The demo shop connected as a Dev Dashboard app, its client secret in SSM like every secret. */
    private Shop connectAsApp(String clientSecret) {
        String reference = "/loyalty-loop/test/" + TestAws.unique("shops") + "/" + shop.domain() + "/client-secret";
        TestAws.putSecureString(reference, clientSecret);
        Shop app = shop.withConnection(new ShopConnection("3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f", reference, null));
        context.getBean(ShopStore.class).save(app);
        return app;
    }

    @Test
    void aShopConnectedAsAnAppIsVerifiedWithTheAppsClientSecretOnly() throws Exception {
        connectAsApp(APP_CLIENT_SECRET);
        String body = sampleBody("shopify-orders-create.json");

        APIGatewayV2HTTPResponse withItsOldWebhookSecret = handle(shopify("orders/create", body, "w-a1", SHOPIFY_SECRET));
        APIGatewayV2HTTPResponse withTheClientSecret = handle(shopify("orders/create", body, "w-a2", APP_CLIENT_SECRET));

        assertThat(withItsOldWebhookSecret.getStatusCode()).isEqualTo(401);
        assertThat(withTheClientSecret.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withTheClientSecret.getBody()).path("status").asText()).isEqualTo("accepted");
        assertThat(bus.drain()).hasSize(1);
    }

    @Test
    void aShopConnectedThroughAdminMadeWebhooksKeepsItsOwnSecret() throws Exception {
        String body = sampleBody("shopify-orders-create.json");

        APIGatewayV2HTTPResponse withAnAppsSecret = handle(shopify("orders/create", body, "w-b1", APP_CLIENT_SECRET));
        APIGatewayV2HTTPResponse withItsWebhookSecret = handle(shopify("orders/create", body, "w-b2", SHOPIFY_SECRET));

        assertThat(withAnAppsSecret.getStatusCode()).isEqualTo(401);
        assertThat(withItsWebhookSecret.getStatusCode()).isEqualTo(200);
        assertThat(bus.drain()).hasSize(1);
    }

    @Test
    void appUninstalledStopsMailForTheShopAndKeepsItsData() throws Exception {
        connectAsApp(APP_CLIENT_SECRET);
        assertThat(handle(shopify("orders/create", sampleBody("shopify-orders-create.json"), "w-c1", APP_CLIENT_SECRET))
                .getStatusCode()).isEqualTo(200);
        bus.drain();

        APIGatewayV2HTTPResponse response = handle(load("shopify-app-uninstalled.json"));
        APIGatewayV2HTTPResponse again = handle(load("shopify-app-uninstalled.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.getBody()).path("status").asText()).isEqualTo("accepted");
        assertThat(JSON.readTree(again.getBody()).path("status").asText()).isEqualTo("duplicate");
        ShopStore shops = context.getBean(ShopStore.class);
        assertThat(shops.find(shop.domain())).hasValueSatisfying(
                s -> assertThat(s.connection().uninstalledAt()).isNotNull());
        assertThat(shops.findForMail(shop.domain())).isEmpty();
        assertThat(shops.allForMail()).extracting(Shop::domain).doesNotContain(shop.domain());
        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID)).isPresent();
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com")).isPresent();
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void signedBodyThatIsNotJsonIsBadRequest() throws Exception {
        APIGatewayV2HTTPResponse response = handle(shopify("orders/create", "{not json", "w-4", SHOPIFY_SECRET));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).path("error").asText()).isEqualTo("body is not JSON");
        assertThat(context.getBean(OrderStore.class).findDelivery(shop.domain(), "w-4")).isEmpty();
    }

    @Test
    void bodyOverFiveMebibytesIsRefusedBeforeAnythingElse() throws Exception {
        String huge = "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        APIGatewayV2HTTPResponse response = handle(shopify("orders/create", huge));

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.getBody()).has("error")).isTrue();
    }

    @Test
    void unusableOrdersAreAnsweredOkAndRecordedAsIgnoredWithTheirReason() throws Exception {
        String body = sampleBody("shopify-orders-create.json");
        String noEmail = withField(withField(withField(body, "email", null), "contact_email", null), "customer", Map.of());
        String testOrder = withField(body, "test", true);

        JsonNode shapeless = JSON.readTree(handle(shopify("orders/create", "[1,2,3]", "w-5", SHOPIFY_SECRET)).getBody());
        JsonNode withoutEmail = JSON.readTree(handle(shopify("orders/create", noEmail, "w-6", SHOPIFY_SECRET)).getBody());
        JsonNode test = JSON.readTree(handle(shopify("orders/create", testOrder, "w-7", SHOPIFY_SECRET)).getBody());

        assertThat(shapeless.path("status").asText()).isEqualTo("ignored");
        assertThat(withoutEmail.path("reason").asText()).isEqualTo("order has no usable email address");
        assertThat(test.path("reason").asText()).isEqualTo("test order");
        OrderStore orders = context.getBean(OrderStore.class);
        assertThat(orders.findDelivery(shop.domain(), "w-6")).hasValueSatisfying(d -> {
            assertThat(d.outcome()).isEqualTo("ignored");
            assertThat(d.reason()).isEqualTo("order has no usable email address");
        });
        assertThat(orders.findOrder(shop.domain(), ORDER_ID)).isEmpty();
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void unhandledTopicIsIgnoredNotFailed() throws Exception {
        JsonNode body = JSON.readTree(handle(shopify("products/create", "{\"id\":1}")).getBody());

        assertThat(body.path("status").asText()).isEqualTo("ignored");
    }

    @Test
    void wooCommercePingIsAnsweredOkSoTheShopCanSaveTheWebhook() {
        APIGatewayV2HTTPResponse response = handle(load("woocommerce-ping.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void sampleWooCommerceOrderIsPublishedWithExactTaiwanDollars() {
        APIGatewayV2HTTPResponse response = handle(load("woocommerce-order-created.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<JsonNode> events = bus.drain();
        assertThat(events).hasSize(1);
        JsonNode order = events.get(0).path("detail").path("order");
        assertThat(order.path("currency").asText()).isEqualTo("TWD");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(128000);
        assertThat(order.path("locale").asText()).isEqualTo("zh-TW");
        assertThat(order.path("attributes").path("loyalty_ref").asText()).isEqualTo("K7QH2MZP");
    }

    @Test
    void refundIsPublishedOnceAndReducesNetSpend() throws Exception {
        handle(load("shopify-orders-create.json"));
        bus.drain();

        assertThat(handle(load("shopify-refunds-create.json")).getStatusCode()).isEqualTo(200);
        handle(load("shopify-refunds-create.json"));

        List<JsonNode> events = bus.drain();
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactly("OrderRefunded");
        assertThat(events.get(0).path("detail").path("amountMinor").asLong()).isEqualTo(1995);
        // Names the refund, so referral clawbacks apply each refund once.
        assertThat(events.get(0).path("detail").path("refundId").asText()).isEqualTo("509562969");
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .netSpend().minor()).isEqualTo(5990 - 1995);
    }

    @Test
    void cancellationIsPublishedOnceAndNoOrderPlacedFollowsIt() throws Exception {
        String body = sampleBody("shopify-orders-create.json");
        handle(shopify("orders/cancelled", withField(body, "cancelled_at", "2026-11-28T16:00:00-05:00")));
        handle(shopify("orders/create", body));

        assertThat(bus.drain()).extracting(e -> e.path("detail-type").asText()).containsExactly("OrderCancelled");
        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancellingAPlacedOrderTakesItsSpendBackOnceEvenWithARefundBeforeIt() throws Exception {
        String body = sampleBody("shopify-orders-create.json");
        handle(load("shopify-orders-create.json"));
        handle(load("shopify-refunds-create.json"));
        String cancelled = withField(body, "cancelled_at", "2026-11-28T16:00:00-05:00");
        handle(shopify("orders/cancelled", cancelled, "cancel-1", SHOPIFY_SECRET));
        handle(shopify("orders/cancelled", cancelled, "cancel-1", SHOPIFY_SECRET));

        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .netSpend().minor()).isZero();
        assertThat(bus.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactly("OrderPlaced", "OrderRefunded", "OrderCancelled");
    }

    @Test
    void laterDeliveryUpdatesTheStoredOrderWithoutPublishingAgain() throws Exception {
        handle(load("shopify-orders-create.json"));
        String updated = withField(withField(sampleBody("shopify-orders-create.json"), "customer_locale", "zh-TW"),
                "updated_at", "2026-11-28T11:00:00-05:00");

        handle(shopify("orders/updated", updated));

        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow().order().locale())
                .isEqualTo("zh-TW");
        assertThat(bus.drain()).hasSize(1);
    }

    @Test
    void wooCommerceRefundRepeatedInLaterUpdatesIsPublishedAndCountedOnce() throws Exception {
        handle(load("woocommerce-order-created.json"));
        String body = load("woocommerce-order-created.json").getBody();
        com.fasterxml.jackson.databind.node.ObjectNode order = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
        order.put("status", "processing");
        order.putArray("refunds").addObject().put("id", 901).put("total", "-280.00");
        String withRefund = JSON.writeValueAsString(order);

        handle(wooUpdate(withRefund, "d-1"));
        handle(wooUpdate(withRefund, "d-2"));

        assertThat(bus.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactly("OrderPlaced", "OrderRefunded");
        assertThat(context.getBean(CustomerStore.class).find("woo.demo.local", "ming@example.tw").orElseThrow()
                .netSpend().minor()).isEqualTo(128000 - 28000);
    }

    private static APIGatewayV2HTTPEvent wooUpdate(String body, String deliveryId) {
        APIGatewayV2HTTPEvent event = load("woocommerce-order-created.json");
        java.util.Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.put("x-wc-webhook-topic", "order.updated");
        headers.put("x-wc-webhook-delivery-id", deliveryId);
        headers.put("x-wc-webhook-signature", loyaltyloop.intake.WebhookSignature.sign(WOO_SECRET,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    @Test
    void orderStoredByACallThatDiedIsPublishedByTheNextDeliveryAfterTheLease() throws Exception {
        // As if a call stored the order, then died before publishing: no delivery record, an old storedAt.
        Order order = ((ParsedOrder.Usable) ShopifyOrders.parse(JSON.readTree(sampleBody("shopify-orders-create.json")),
                shop)).order();
        context.getBean(OrderStore.class).createOrder(new StoredOrder(order, OrderStatus.PLACED, "died-delivery",
                Instant.now().minusSeconds(120)));

        APIGatewayV2HTTPResponse response = handle(load("shopify-orders-paid.json"));

        assertThat(JSON.readTree(response.getBody()).path("status").asText()).isEqualTo("accepted");
        assertThat(bus.drain()).hasSize(1);
        handle(load("shopify-orders-create.json"));
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void unknownRouteIsNotFound() {
        APIGatewayV2HTTPEvent event = load("shopify-orders-create.json");
        event.setRawPath("/webhooks/magento");

        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    @Test
    void storageFailureIsA500WithoutDetails() throws Exception {
        try (ApplicationContext broken = TestAws.context("no-such-table-" + UUID.randomUUID(), bus.bus(),
                TestAws.createLinkKey(), Map.of())) {
            APIGatewayV2HTTPResponse response = new OrderIntakeHandler(broken)
                    .handleRequest(load("shopify-orders-create.json"), null);

            assertThat(response.getStatusCode()).isEqualTo(500);
            assertThat(response.getBody()).isEqualTo("{\"error\":\"internal error\"}");
        }
    }

    // --- hostile and faulty orders (issue 16) ---

    private static String status(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).path("status").asText();
    }

    private static String reason(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).path("reason").asText();
    }

    private static String withLine(String body, String field, Object value) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode order = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.path("line_items").get(0)).set(field, JSON.valueToTree(value));
        return JSON.writeValueAsString(order);
    }

    @Test
    void negativeAndOverflowingAmountsAreIgnoredWithTheirReasonAnsweredOkAndChangeNothing() throws Exception {
        String body = sampleBody("shopify-orders-create.json");

        APIGatewayV2HTTPResponse negativeTotal = handle(shopify("orders/create", withField(body, "total_price", "-10.00")));
        APIGatewayV2HTTPResponse negativeLine = handle(shopify("orders/create", withLine(body, "price", "-1.00")));
        APIGatewayV2HTTPResponse negativeQuantity = handle(shopify("orders/create", withLine(body, "quantity", -3)));
        APIGatewayV2HTTPResponse overflow = handle(shopify("orders/create",
                withLine(withLine(body, "quantity", 2147483647), "price", "99999999.99")));
        APIGatewayV2HTTPResponse hugeQuantity = handle(shopify("orders/create",
                withLine(body, "quantity", new java.math.BigInteger("99999999999999999999999"))));
        APIGatewayV2HTTPResponse hugeTotal = handle(shopify("orders/create", withField(body, "total_price", "9999999999999999.99")));

        for (APIGatewayV2HTTPResponse r : List.of(negativeTotal, negativeLine, negativeQuantity, overflow, hugeQuantity, hugeTotal)) {
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(status(r)).isEqualTo("ignored");
        }
        assertThat(reason(negativeTotal)).isEqualTo("order total is negative");
        assertThat(reason(negativeLine)).isEqualTo("a line item is negative");
        assertThat(reason(negativeQuantity)).isEqualTo("a line item is negative");
        assertThat(reason(overflow)).isEqualTo("order amounts are too large");
        assertThat(reason(hugeQuantity)).isEqualTo("order amounts are too large");
        assertThat(reason(hugeTotal)).isEqualTo("order amounts are too large");
        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID)).isEmpty();
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com")).isEmpty();
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void theLargestOrderIntakeTakesIsStoredBoundedAndItsEventStaysFarBelowEventBridgesLimit() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode order =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sampleBody("shopify-orders-create.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.path("customer")).put("first_name", "名".repeat(300_000));
        com.fasterxml.jackson.databind.node.ArrayNode lines = order.putArray("line_items");
        String title = "Ceramic mug — hand-thrown, glazed 釉 ".repeat(8);
        int i = 0;
        while (JSON.writeValueAsBytes(order).length < OrderIntake.MAX_BODY_BYTES - 2_000) {
            lines.addObject().put("id", ++i).put("title", title + i).put("quantity", 1).put("price", "0.01")
                    .put("product_id", 632910392L + i);
        }
        order.put("total_price", "59.90").put("subtotal_price", "45.00");
        String body = JSON.writeValueAsString(order);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(OrderIntake.MAX_BODY_BYTES - 4_000,
                OrderIntake.MAX_BODY_BYTES);

        APIGatewayV2HTTPResponse response = handle(shopify("orders/create", body));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(status(response)).isEqualTo("accepted");
        Order stored = context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow().order();
        assertThat(stored.lineItems()).hasSize(OrderLimits.MAX_LINE_ITEMS);
        assertThat(stored.omittedLineItems()).isEqualTo(i - OrderLimits.MAX_LINE_ITEMS);
        assertThat(stored.firstName().codePointCount(0, stored.firstName().length())).isLessThanOrEqualTo(100);
        assertThat(stored.cuts()).contains((i - OrderLimits.MAX_LINE_ITEMS) + " line items not kept",
                "firstName shortened to 100 characters");
        List<JsonNode> events = bus.drain();
        assertThat(events).hasSize(1);
        int eventBytes = JSON.writeValueAsBytes(events.get(0)).length;
        assertThat(eventBytes).as("OrderPlaced as EventBridge delivers it").isLessThan(64 * 1024);
    }

    @Test
    void aLoneSurrogateIsStoredAsTheReplacementCharacter() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode order =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sampleBody("shopify-orders-create.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.path("customer")).put("first_name", "SURROGATE");
        ((com.fasterxml.jackson.databind.node.ObjectNode) order.path("line_items").get(0)).put("title", "Mug SURROGATE");
        String body = JSON.writeValueAsString(order).replace("SURROGATE", "\\ud800x\\udfff");

        APIGatewayV2HTTPResponse response = handle(shopify("orders/create", body));

        assertThat(status(response)).isEqualTo("accepted");
        Order stored = context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow().order();
        assertThat(stored.firstName()).isEqualTo("\uFFFDx\uFFFD");
        assertThat(stored.lineItems().get(0).title()).isEqualTo("Mug \uFFFDx\uFFFD");
        assertThat(bus.drain()).hasSize(1);
    }

    @Test
    void refundsAndTheCancellationOfAnOrderWhoseEmailChangedStillApplyToTheCustomerWhoPlacedIt() throws Exception {
        handle(load("shopify-orders-create.json"));
        String moved = withField(withField(withField(sampleBody("shopify-orders-create.json"), "email", "new.home@example.com"),
                "contact_email", "new.home@example.com"), "updated_at", "2026-11-29T09:00:00-05:00");
        handle(shopify("orders/updated", moved));

        handle(load("shopify-refunds-create.json"));

        CustomerStore customers = context.getBean(CustomerStore.class);
        assertThat(customers.find(shop.domain(), "jane.doe@example.com").orElseThrow().netSpend().minor())
                .isEqualTo(5990 - 1995);
        assertThat(customers.find(shop.domain(), "new.home@example.com")).isEmpty();
        handle(shopify("orders/cancelled", withField(moved, "cancelled_at", "2026-11-29T10:00:00-05:00")));
        assertThat(customers.find(shop.domain(), "jane.doe@example.com").orElseThrow().netSpend().minor()).isZero();
        assertThat(bus.drain()).filteredOn(e -> !e.path("detail-type").asText().equals("OrderPlaced"))
                .extracting(e -> e.path("detail-type").asText() + " " + e.path("detail").path("email").asText())
                .containsExactly("OrderRefunded jane.doe@example.com", "OrderCancelled jane.doe@example.com");
    }

    @Test
    void anOlderOrdersUpdatedDeliveredLateNeverOverwritesANewerOne() throws Exception {
        handle(load("shopify-orders-create.json"));
        String body = sampleBody("shopify-orders-create.json");
        String newer = withField(withField(body, "customer_locale", "zh-TW"), "updated_at", "2026-11-28T12:00:00-05:00");
        String older = withField(withField(body, "customer_locale", "zh-CN"), "updated_at", "2026-11-28T11:00:00-05:00");

        handle(shopify("orders/updated", newer));
        handle(shopify("orders/updated", older));

        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow().order().locale())
                .isEqualTo("zh-TW");
    }

    @Test
    void aRefundThatComesBeforeItsOrderIsKeptAndAppliedOnceWhenTheOrderArrives() throws Exception {
        APIGatewayV2HTTPResponse early = handle(load("shopify-refunds-create.json"));

        assertThat(early.getStatusCode()).isEqualTo(200);
        assertThat(status(early)).isEqualTo("accepted");
        assertThat(bus.drain()).isEmpty();

        handle(load("shopify-orders-create.json"));
        handle(load("shopify-orders-paid.json"));
        handle(shopify("refunds/create", sampleBody("shopify-refunds-create.json")));

        List<JsonNode> events = bus.drain();
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactly("OrderPlaced", "OrderRefunded");
        assertThat(events.get(1).path("detail").path("amountMinor").asLong()).isEqualTo(1995);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .netSpend().minor()).isEqualTo(5990 - 1995);
    }

    @Test
    void aRefundWhoseOrderIsStoredWhileTheRefundIsBeingKeptIsRetriedAndThenAppliedOnce() throws Exception {
        // The order's own call stores it in the moment between the refund's look-up (no order yet) and its mark on
        // the order's item: the order's write saw no mark, so it is the refund's retry that must apply it.
        OrderStore real = context.getBean(OrderStore.class);
        OrderStore interleaved = (OrderStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OrderStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("markRefundsWaiting")) {
                        assertThat(status(handle(load("shopify-orders-create.json")))).isEqualTo("accepted");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OrderIntakeHandler racing = new OrderIntakeHandler(context);
        racing.intake = new OrderIntake(context.getBean(ShopStore.class),
                context.getBean(loyaltyloop.secrets.SecretSource.class), interleaved,
                context.getBean(loyaltyloop.customers.CustomerAccounts.class),
                context.getBean(loyaltyloop.events.EventPublisher.class), context.getBean(java.time.Clock.class),
                context.getBean(loyaltyloop.metrics.LoopMetrics.class));

        APIGatewayV2HTTPResponse kept = racing.handleRequest(load("shopify-refunds-create.json"), null);

        assertThat(kept.getStatusCode()).isEqualTo(503);
        assertThat(kept.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(bus.drain()).extracting(e -> e.path("detail-type").asText()).containsExactly("OrderPlaced");
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .netSpend().minor()).isEqualTo(5990);

        assertThat(status(handle(load("shopify-refunds-create.json")))).isEqualTo("accepted");
        assertThat(status(handle(load("shopify-refunds-create.json")))).isEqualTo("duplicate");
        handle(shopify("refunds/create", sampleBody("shopify-refunds-create.json")));

        List<JsonNode> events = bus.drain();
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactly("OrderRefunded");
        assertThat(events.get(0).path("detail").path("amountMinor").asLong()).isEqualTo(1995);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .netSpend().minor()).isEqualTo(5990 - 1995);
    }

    @Test
    void aRepeatedOrderDeliveryIsAnsweredFromTheOrdersOwnWriteWithoutWritingAgain() throws Exception {
        handle(load("shopify-orders-create.json"));
        handle(load("shopify-orders-paid.json"));
        bus.drain();
        StoredOrder before = context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID).orElseThrow();

        assertThat(status(handle(load("shopify-orders-create.json")))).isEqualTo("duplicate");
        assertThat(status(handle(load("shopify-orders-paid.json")))).isEqualTo("duplicate");

        assertThat(bus.drain()).isEmpty();
        assertThat(context.getBean(OrderStore.class).findOrder(shop.domain(), ORDER_ID)).contains(before);
        assertThat(context.getBean(CustomerStore.class).find(shop.domain(), "jane.doe@example.com").orElseThrow()
                .orderCount()).isEqualTo(1);
    }

    @Test
    void aStalledAwsIsA503WithRetryAfterAndTheShortErrorBody() {
        // A budget already spent: what the intake sees when AWS has not answered for its whole budget.
        try (ApplicationContext stalled = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.intake.budget", "0s"))) {
            APIGatewayV2HTTPResponse response = new OrderIntakeHandler(stalled)
                    .handleRequest(load("shopify-orders-create.json"), null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
            assertThat(response.getBody()).isEqualTo("{\"error\":\"temporarily unavailable, try again\"}");
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }
}
