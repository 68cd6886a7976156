package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.orders.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The referral loop through the local runner, over HTTP only: Rita's thank-you carries her link, the link
 * redirects to the storefront with her code, Amy's first order with the code credits Rita (a points email), the
 * statement shows it as HTML and JSON, the points buy a coupon at the demo checkout, and Amy's refund claws back.
 */
class ReferralEndToEndTest {

    private static final String SECRET = "referral-e2e-secret-0123456789abcd";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRunner runner;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static void shopify(String topic, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/webhooks/shopify"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", "demo.myshopify.com")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
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
        for (JsonNode email : JSON.readTree(get(runner.baseUrl() + "/_local/outbox").body())) {
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

    @Test
    void aReferredFirstOrderCreditsTheReferrerWhoSeesAndSpendsThePointsAndARefundClawsBack() throws Exception {
        shopify("orders/create", order(7_000_001, "rita@example.com", "Rita", 501, "42.00", ""));
        String code = find(lastEmailTo("rita@example.com", "affirmation").path("text").asText(), "/r/([A-Z2-9]{8})");

        HttpResponse<String> click = get(runner.baseUrl() + "/r/" + code);
        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://demo.myshopify.com/?ref=" + code);

        shopify("orders/create", order(7_000_002, "amy@example.com", "Amy", 502, "59.90",
                "{\"name\":\"loyalty_ref\",\"value\":\"" + code + "\"}"));
        JsonNode points = lastEmailTo("rita@example.com", "points");
        assertThat(points.path("subject").asText()).contains("500 points");
        assertThat(points.path("text").asText()).contains("Amy placed their first order").doesNotContain("amy@");
        String statement = find(points.path("text").asText(), "(http://localhost:\\d+/p/[A-Za-z0-9_.-]+)");

        HttpResponse<String> html = get(statement);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("500 points").contains("Referral: Amy");
        HttpResponse<String> json = get(statement, "Accept", "application/json", "Origin", "https://demo.myshopify.com");
        assertThat(JSON.readTree(json.body()).path("balance").asLong()).isEqualTo(500);
        assertThat(json.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://demo.myshopify.com");

        HttpResponse<String> redeemed = send(HttpRequest.newBuilder(URI.create(statement + "/redeem"))
                .POST(HttpRequest.BodyPublishers.ofString("points=500&rid=e2eRedemption000000001"))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(redeemed.statusCode()).isEqualTo(200);
        assertThat(redeemed.body()).contains("Your coupon").contains("10% off");
        assertThat(JSON.readTree(get(statement, "Accept", "application/json").body()).path("balance").asLong()).isZero();

        // Amy returns everything: the points were spent, so the clawback records the shortfall, balance stays 0.
        shopify("refunds/create", """
                {"id":88001,"order_id":7000002,"transactions":[{"kind":"refund","status":"success","amount":"59.90",
                 "currency":"USD"}]}""");
        JsonNode after = JSON.readTree(get(statement, "Accept", "application/json").body());
        assertThat(after.path("balance").asLong()).isZero();
        assertThat(after.path("entries")).extracting(e -> e.path("reason").asText())
                .containsExactlyInAnyOrder("referral", "redeem", "clawback");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }
}
