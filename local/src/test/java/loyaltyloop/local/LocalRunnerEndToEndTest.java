package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.admin.Flags;
import loyaltyloop.admin.ShopsCommand;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The runner as a developer uses it: started in-process on a free port (it starts its own moto server) with the
 * project's template.yaml and the real handlers, driven over HTTP only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EndToEndTest
class LocalRunnerEndToEndTest {

    private static final String SECRET = "e2e-webhook-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** For the concurrent deliveries, sent asynchronously. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRunner runner;
    private static RunnerHttp http;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        return http.post(path, contentType, body, headers);
    }

    private static String sign(String body, String secret) throws Exception {
        return RunnerHttp.sign(body, secret);
    }

    private static final String ORDER = """
            {"id":820982911946154508,"order_number":1001,"name":"#1001","email":" Jane.Doe@Example.COM ",
             "created_at":"2026-11-28T10:15:30-05:00","currency":"USD","total_price":"59.90","subtotal_price":"45.00",
             "customer_locale":"en","test":false,"buyer_accepts_marketing":true,
             "customer":{"first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com"},
             "line_items":[{"title":"Café mug","quantity":2,"price":"22.50","product_id":632910392}]}""";

    private static HttpResponse<String> shopifyDelivery(String webhookId, String signature) throws Exception {
        return post("/webhooks/shopify", "application/json", ORDER,
                "X-Shopify-Topic", "orders/create",
                "X-Shopify-Shop-Domain", "demo.myshopify.com",
                "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-Hmac-Sha256", signature);
    }

    private static JsonNode outbox() throws Exception {
        return http.outbox();
    }

    @Test
    @Order(1)
    void isHealthyWithTheDemoShopsSeeded() throws Exception {
        HttpResponse<String> health = get("/_local/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        assertThat(runner.banner().get(0)).contains("ready").contains(runner.baseUrl());
        // The banner's example is its own order, placed now, not the README's sample with its fixed date.
        assertThat(String.join("\n", runner.banner())).doesNotContain("820982911946154508")
                .contains("\"created_at\":\"" + runner.clock().instant().toString().substring(0, 10));

        ShopStore shops = runner.applicationContext().getBean(ShopStore.class);
        assertThat(shops.find("demo.myshopify.com")).hasValueSatisfying(shop -> {
            assertThat(shop.platform()).isEqualTo(Platform.SHOPIFY);
            assertThat(shop.webhookSecretRef()).isEqualTo("/loyalty-loop/local/shops/demo.myshopify.com/webhook-secret");
            assertThat(shop.webhookSecretRef()).doesNotContain(SECRET);
        });
        assertThat(shops.find("woo.demo.local")).hasValueSatisfying(shop ->
                assertThat(shop.platform()).isEqualTo(Platform.WOOCOMMERCE));
    }

    @Test
    @Order(2)
    void aSignedOrderWebhookSendsExactlyOneThankYouEmail() throws Exception {
        String webhookId = UUID.randomUUID().toString();
        HttpResponse<String> first = shopifyDelivery(webhookId, sign(ORDER, SECRET));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();

        JsonNode emails = outbox();
        assertThat(emails).hasSize(1);
        JsonNode email = emails.get(0);
        assertThat(email.get("id").asLong()).isEqualTo(1);
        assertThat(email.get("kind").asText()).isEqualTo("affirmation");
        assertThat(email.get("to").asText()).isEqualTo("jane.doe@example.com");
        assertThat(email.get("from").asText()).isEqualTo("Demo Shop <shop@demo.example>");
        assertThat(email.get("html").asText()).contains(runner.baseUrl() + "/u/");
        assertThat(Instant.parse(email.get("sentAt").asText())).isNotNull();

        // Shopify retries the same delivery; a second delivery id for the same order is de-duplicated too.
        assertThat(shopifyDelivery(webhookId, sign(ORDER, SECRET)).statusCode()).isEqualTo(200);
        assertThat(shopifyDelivery(UUID.randomUUID().toString(), sign(ORDER, SECRET)).statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(outbox()).hasSize(1);
        assertThat(runner.eventBus().deadLetters()).isEmpty();

        // The loop counted it: one order taken, two repeated deliveries, one thank-you.
        JsonNode metrics = JSON.readTree(get("/_local/metrics").body());
        assertThat(metrics.get("OrdersAccepted").asLong()).isEqualTo(1);
        assertThat(metrics.get("OrderDuplicates").asLong()).isEqualTo(2);
        assertThat(metrics.get("EmailsSent Kind=affirmation").asLong()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void eightConcurrentDeliveriesOfOneOrderSendOneEmail() throws Exception {
        String body = ORDER.replace("820982911946154508", "9007199254740993")
                .replace(" Jane.Doe@Example.COM ", "concurrent@example.com");
        String signature = sign(body, SECRET);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/webhooks/shopify"))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", i % 2 == 0 ? "orders/create" : "orders/paid")
                    .header("X-Shopify-Shop-Domain", "demo.myshopify.com")
                    .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                    .header("X-Shopify-Hmac-Sha256", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        long toThisCustomer = 0;
        for (JsonNode email : outbox()) {
            if (email.get("to").asText().equals("concurrent@example.com")) {
                toThisCustomer++;
            }
        }
        assertThat(toThisCustomer).isEqualTo(1);
    }

    @Test
    @Order(3)
    void badSignaturesAndUnknownShopsAre401() throws Exception {
        assertThat(shopifyDelivery(UUID.randomUUID().toString(), sign(ORDER, "wrong-secret")).statusCode()).isEqualTo(401);
        HttpResponse<String> unknownShop = post("/webhooks/shopify", "application/json", ORDER,
                "X-Shopify-Topic", "orders/create", "X-Shopify-Shop-Domain", "nobody.myshopify.com",
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(), "X-Shopify-Hmac-Sha256", sign(ORDER, SECRET));
        assertThat(unknownShop.statusCode()).isEqualTo(401);
        assertThat(unknownShop.body()).doesNotContain("Exception");
    }

    @Test
    @Order(4)
    void theOutboxPagesShowTheEmailWithClickableLinks() throws Exception {
        HttpResponse<String> list = get("/_local/outbox.html");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(list.body()).contains("affirmation").contains("jane.doe@example.com").contains("/_local/outbox/1.html");

        HttpResponse<String> page = get("/_local/outbox/1.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<iframe sandbox=").contains("srcdoc=").contains("<pre>");
        assertThat(page.body()).contains("<a href=\"" + runner.baseUrl() + "/u/");
        assertThat(get("/_local/outbox/99.html").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void theUnsubscribeLinkInTheEmailWorks() throws Exception {
        String text = outbox().get(0).get("text").asText();
        Matcher link = Pattern.compile(Pattern.quote(runner.baseUrl()) + "(/u/[A-Za-z0-9._~-]+)").matcher(text);
        assertThat(link.find()).as("unsubscribe link in %s", text).isTrue();
        HttpResponse<String> page = get(link.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> oneClick = post(link.group(1), "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(get("/u/not-a-token").statusCode()).isBetween(400, 499);
    }

    @Test
    @Order(6)
    void theClockMovesForward() throws Exception {
        Instant before = Instant.parse(JSON.readTree(get("/_local/clock").body()).get("now").asText());
        HttpResponse<String> advanced = post("/_local/clock", "application/json", "{\"advance\":\"P45D\"}");
        assertThat(advanced.statusCode()).isEqualTo(200);
        Instant after = Instant.parse(JSON.readTree(advanced.body()).get("now").asText());
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(45), Duration.ofDays(45).plusMinutes(1));
        assertThat(runner.clock().instant()).isAfterOrEqualTo(after);
        assertThat(post("/_local/clock", "application/json", "{\"advance\":\"soon\"}").statusCode()).isEqualTo(400);
        assertThat(post("/_local/clock", "application/json", "{\"advance\":\"-P1D\"}").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(7)
    void schedulesAndUnknownRoutes() throws Exception {
        HttpResponse<String> unknown = post("/_local/schedules/NoSuchFunction", null, "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post("/_local/schedules/OrderIntakeFunction", null, "").statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = get("/nothing/here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"error\":\"not found\"}");
    }

    @Test
    @Order(8)
    void injectedEventsAreRoutedByTheTemplatesRules() throws Exception {
        // The clock moved 45 days: whatever the sweep owes (a survey) goes out now, not while this test counts.
        assertThat(post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        int emailsBefore = outbox().size();
        HttpResponse<String> ignored = post("/_local/events", "application/json",
                "{\"source\":\"loyalty-loop.orders\",\"detail-type\":\"OrderCancelled\",\"detail\":{\"shop\":\"demo.myshopify.com\"}}");
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(post("/_local/events", "application/json", "{\"source\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(outbox()).hasSize(emailsBefore);
    }

    @Test
    @Order(9)
    void shopsAddRegistersAShopOnTheRunnersEmulator() throws Exception {
        int exit = ShopsCommand.run(List.of("add", "--domain", "https://Shop.Example/", "--platform", "woocommerce",
                "--storefront", "https://shop.example", "--sender-address", "hello@shop.example", "--sender-name", "Shop",
                "--owner-email", "owner@shop.example", "--currency", "twd", "--webhook-secret", "s3cret-s3cret",
                "--aws-endpoint", runner.awsEndpoint()));
        assertThat(exit).isZero();
        ShopStore shops = runner.applicationContext().getBean(ShopStore.class);
        assertThat(shops.find("shop.example")).hasValueSatisfying(shop -> {
            assertThat(shop.currency()).isEqualTo("TWD");
            assertThat(shop.webhookSecretRef()).isEqualTo("/loyalty-loop/local/shops/shop.example/webhook-secret");
        });

        String body = "{\"id\":727,\"number\":\"727\",\"currency\":\"TWD\",\"total\":\"1200\",\"date_created_gmt\":\"2026-11-28T10:00:00\","
                + "\"billing\":{\"first_name\":\"Mei\",\"email\":\"mei@example.com\"},"
                + "\"line_items\":[{\"name\":\"Tea\",\"quantity\":1,\"total\":\"1200.00\",\"price\":1200,\"product_id\":5}]}";
        HttpResponse<String> woo = post("/webhooks/woocommerce", "application/json", body,
                "X-WC-Webhook-Source", "https://shop.example/", "X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Delivery-ID", "1", "X-WC-Webhook-Signature", sign(body, "s3cret-s3cret"));
        assertThat(woo.statusCode()).isEqualTo(200);
        // The thank-you is sent by the affirmation function the bus invokes after the webhook's answer.
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        // Found by recipient, not position: the runner's schedules may mail an owner digest meanwhile.
        List<JsonNode> toMei = new ArrayList<>();
        outbox().forEach(email -> {
            if (email.get("to").asText().equals("mei@example.com")) {
                toMei.add(email);
            }
        });
        assertThat(toMei).singleElement().satisfies(
                email -> assertThat(email.get("from").asText()).isEqualTo("Shop <hello@shop.example>"));
        assertThat(ShopsCommand.run(List.of("add", "--domain", "x"))).isEqualTo(Flags.EXIT_USAGE);
    }

    @Test
    @Order(10)
    void theDemoShopsIssueCouponsAtTheDemoCheckout() {
        ShopStore shops = runner.applicationContext().getBean(ShopStore.class);
        for (String domain : List.of("demo.myshopify.com", LocalRunner.WOO_DEMO_SHOP)) {
            assertThat(shops.find(domain)).hasValueSatisfying(shop -> assertThat(
                    shop.settings().coupons().provisioning()).isEqualTo(LoyaltySettings.Provisioning.DEMO));
        }
    }

    // --- the referral loop (docs/referrals.md) ---

    private static HttpResponse<String> getUrl(String url, String... headers) throws Exception {
        return http.get(url, headers);
    }

    private static void shopify(String topic, String body) throws Exception {
        http.shopify(topic, body);
    }

    private static String order(long id, String email, String firstName, long customerId, String total,
            String noteAttributes) {
        return """
                {"id":%d,"order_number":%d,"name":"#%d","email":"%s","created_at":"2026-11-28T10:15:30-05:00",
                 "currency":"USD","total_price":"%s","subtotal_price":"%s","customer_locale":"en","test":false,
                 "customer":{"id":%d,"first_name":"%s","last_name":"Doe","email":"%s"},
                 "note_attributes":[%s],
                 "line_items":[{"title":"Ceramic Mug","quantity":1,"price":"%s","product_id":632910392}]}"""
                .formatted(id, id % 10000, id % 10000, email, total, total, customerId, firstName, email, noteAttributes,
                        total);
    }

    private static JsonNode lastEmailTo(String to, String kind) throws Exception {
        JsonNode found = null;
        for (JsonNode email : outbox()) {
            if (email.path("to").asText().equals(to) && email.path("kind").asText().equals(kind)) {
                found = email;
            }
        }
        assertThat(found).as(kind + " email to " + to).isNotNull();
        return found;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /**
     * Rita's thank-you carries her link, the link redirects to the storefront with her code, Amy's first order with
     * the code credits Rita (a points email), the statement shows it as HTML and JSON, the points buy a coupon at the
     * demo checkout, and Amy's refund claws back what is left (nothing: the shortfall is recorded).
     */
    @Test
    @Order(12)
    void aReferredFirstOrderCreditsTheReferrerWhoSeesAndSpendsThePointsAndARefundClawsBack() throws Exception {
        shopify("orders/create", order(7_000_001, "rita@example.com", "Rita", 501, "42.00", ""));
        String code = find(lastEmailTo("rita@example.com", "affirmation").path("text").asText(), "/r/([A-Z2-9]{8})");

        HttpResponse<String> click = get("/r/" + code);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://demo.myshopify.com/?ref=" + code);

        shopify("orders/create", order(7_000_002, "amy@example.com", "Amy", 502, "59.90",
                "{\"name\":\"loyalty_ref\",\"value\":\"" + code + "\"}"));
        JsonNode points = lastEmailTo("rita@example.com", "points");
        assertThat(points.path("subject").asText()).contains("500 points");
        assertThat(points.path("text").asText()).contains("Amy placed their first order").doesNotContain("amy@");
        String statement = find(points.path("text").asText(), "(http://localhost:\\d+/p/[A-Za-z0-9_.-]+)");

        HttpResponse<String> html = getUrl(statement);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("500 points").contains("Referral: Amy");
        HttpResponse<String> json = getUrl(statement, "Accept", "application/json", "Origin", "https://demo.myshopify.com");
        assertThat(JSON.readTree(json.body()).path("balance").asLong()).isEqualTo(500);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://demo.myshopify.com");

        HttpResponse<String> redeemed = post(URI.create(statement).getPath() + "/redeem",
                "application/x-www-form-urlencoded", "points=500&rid=e2eRedemption000000001");
        assertThat(redeemed.statusCode()).isEqualTo(200);
        assertThat(redeemed.body()).contains("Your coupon").contains("10% off");
        assertThat(JSON.readTree(getUrl(statement, "Accept", "application/json").body()).path("balance").asLong()).isZero();

        // Amy returns everything: the points were spent, so the clawback records the shortfall, balance stays 0.
        shopify("refunds/create", """
                {"id":88001,"order_id":7000002,"transactions":[{"kind":"refund","status":"success","amount":"59.90",
                 "currency":"USD"}]}""");
        JsonNode after = JSON.readTree(getUrl(statement, "Accept", "application/json").body());
        assertThat(after.path("balance").asLong()).isZero();
        assertThat(after.path("entries")).extracting(e -> e.path("reason").asText())
                .containsExactlyInAnyOrder("referral", "redeem", "clawback");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }

    @Test
    @Order(13)
    void theRunnersLinkKeyIsMadeOnceAndAShopAddedLaterKeepsIt() {
        SsmClient ssm = runner.applicationContext().getBean(SsmClient.class);
        String localKey = LocalAwsResources.parameter(ssm, LocalRunner.LINK_KEY_SECRET).orElseThrow();
        assertThat(localKey).hasSize(64).matches("[A-Za-z0-9]+");

        assertThat(ShopsCommand.run(List.of("add", "--domain", "later.example", "--platform", "woocommerce",
                "--storefront", "https://later.example", "--sender-address", "hello@later.example", "--sender-name",
                "Shop", "--owner-email", "owner@later.example", "--webhook-secret", "s3cret-s3cret",
                "--aws-endpoint", runner.awsEndpoint()))).isZero();

        assertThat(LocalAwsResources.parameter(ssm, LocalRunner.LINK_KEY_SECRET)).as("kept").hasValue(localKey);
    }
}
