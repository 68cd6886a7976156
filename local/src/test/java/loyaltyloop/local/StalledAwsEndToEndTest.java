package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import loyaltyloop.testing.EndToEndTest;
import loyaltyloop.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local runner on a moto server of this test's own, which the test pauses (SIGSTOP: connections are taken,
 * nothing answers) as a stalled AWS would be. A shop gives a delivery 5 s: the intake must answer within 4 s, with
 * 503 and Retry-After so the shop retries, and the shop's retries after AWS is back must give exactly one thank-you
 * per order.
 */
@EndToEndTest
class StalledAwsEndToEndTest {

    private static final String SECRET = "stalled-aws-secret-0123456789abcdef";
    private static MotoServer moto;
    private static LocalRunner runner;
    private static RunnerHttp http;

    private static String testBudget;

    @BeforeAll
    static void start() {
        // The production budget: the local module's tests otherwise run with long ones (local/pom.xml).
        testBudget = System.getProperty("loyalty.intake.budget");
        System.setProperty("loyalty.intake.budget", "3s");
        moto = MotoServer.start();
        RunnerOptions defaults = RunnerOptions.defaults();
        runner = LocalRunner.start(new RunnerOptions(0, moto.endpoint(), defaults.shop(), SECRET, defaults.template()));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterAll
    static void stop() {
        if (testBudget == null) {
            System.clearProperty("loyalty.intake.budget");
        } else {
            System.setProperty("loyalty.intake.budget", testBudget);
        }
        if (moto != null) {
            moto.resume();
        }
        if (runner != null) {
            runner.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static String order(long id, String email) {
        return """
                {"id":%d,"order_number":%d,"name":"#%d","email":"%s","created_at":"%s","updated_at":"%s",
                 "currency":"USD","total_price":"45.00","subtotal_price":"45.00","customer_locale":"en","test":false,
                 "customer":{"first_name":"Sam","last_name":"Stall","email":"%s"},
                 "line_items":[{"title":"Café mug","quantity":2,"price":"22.50","product_id":632910392}]}"""
                .formatted(id, id % 100_000, id % 100_000, email, Instant.now(), Instant.now(), email);
    }

    private static HttpResponse<String> deliver(String webhookId, String body) throws Exception {
        return http.post("/webhooks/shopify", "application/json", body, "X-Shopify-Topic", "orders/create",
                "X-Shopify-Shop-Domain", "demo.myshopify.com", "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-Hmac-Sha256", RunnerHttp.sign(body, SECRET));
    }

    private static long affirmationsTo(JsonNode outbox, String email) {
        long n = 0;
        for (JsonNode e : outbox) {
            if ("affirmation".equals(e.path("kind").asText()) && e.path("to").toString().contains(email)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void whileAwsIsStalledIntakeAnswers503WithinFourSecondsAndTheShopsRetriesGiveOneThankYouPerOrder() throws Exception {
        // Before the stall: an ordinary order, so every table and parameter has been read once. A cold JVM on a busy
        // machine may take longer than the budget for it: the shop's retry then gets it through, as in production.
        String first = UUID.randomUUID().toString();
        String firstOrder = order(940_001, "before@stall.test");
        int status = 0;
        for (int attempt = 0; attempt < 5 && status != 200; attempt++) {
            status = deliver(first, firstOrder).statusCode();
        }
        assertThat(status).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(60))).isTrue();

        Map<String, String> pending = new LinkedHashMap<>();
        for (int i = 2; i <= 4; i++) {
            pending.put(UUID.randomUUID().toString(), order(940_000 + i, "order" + i + "@stall.test"));
        }
        List<Long> millis = new ArrayList<>();
        moto.pause();
        try {
            for (Map.Entry<String, String> delivery : pending.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<String> answer = deliver(delivery.getKey(), delivery.getValue());
                millis.add((System.nanoTime() - start) / 1_000_000);

                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(answer.body()).isEqualTo("{\"error\":\"temporarily unavailable, try again\"}");
            }
        } finally {
            moto.resume();
        }
        assertThat(millis).as("milliseconds to answer while AWS is stalled").allSatisfy(ms -> assertThat(ms).isLessThanOrEqualTo(4_000L));

        // The shop retries each delivery (same webhook id, same body) until it is answered 200. Its retries are spaced
        // (Shopify: seconds, then minutes): the shared clock moves a minute between rounds, as the wait would.
        for (int round = 0; round < 10 && !pending.isEmpty(); round++) {
            pending.entrySet().removeIf(delivery -> {
                try {
                    return deliver(delivery.getKey(), delivery.getValue()).statusCode() == 200;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if (!pending.isEmpty()) {
                http.post("/_local/clock", "application/json", "{\"advance\":\"PT1M\"}");
            }
        }
        assertThat(pending).as("deliveries the shop still retries").isEmpty();
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(60))).isTrue();

        JsonNode outbox = http.outbox();
        for (String email : List.of("before@stall.test", "order2@stall.test", "order3@stall.test", "order4@stall.test")) {
            assertThat(affirmationsTo(outbox, email)).as("thank-you emails to " + email).isEqualTo(1);
        }
    }
}
