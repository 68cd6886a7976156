package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 simulated days of one shop through the local runner, over HTTP only, as a developer would drive it: Shopify
 * orders, a thank-you's unsubscribe link, a repeat order, and every day the clock one day on and the scheduled
 * functions fired. The outbox's {@code sentAt} is the runner's clock, so it tells when each customer heard from
 * the shop: nobody reachable waits more than 90 days, the top 10% not more than 45.
 */
@EndToEndTest
class FollowUpSimulationTest {

    private static final String SECRET = "simulation-webhook-secret-0123456789";
    private static final String SHOP = "demo.myshopify.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int DAYS = 200;
    /** The sweep runs once per simulated day here (hourly in AWS), so a due follow-up can wait up to a day. */
    private static final Duration SLACK = Duration.ofDays(1).plusHours(1);

    private static final String VIP = "vip@sim.example";
    private static final String LEAVER = "leaver@sim.example";
    private static final String RETURNING = "returning@sim.example";

    private static LocalRunner runner;
    private static long orderNumber = 2000;

    /**
     * The project's template.yaml with its two schedules slowed to {@code rate(1000 days)}: the runner's ticker would
     * otherwise fire them after every simulated day as well, doubling the test's runtime; here the test fires them.
     */
    @BeforeAll
    static void start() throws Exception {
        String template = Files.readString(Path.of("../template.yaml"));
        String quiet = template.replace("Schedule: rate(1 hour)", "Schedule: rate(1000 days)")
                .replace("Schedule: cron(0 7 * * ? *)", "Schedule: rate(1000 days)");
        assertThat(quiet).doesNotContain("rate(1 hour)").doesNotContain("cron(0 7 * * ? *)");
        Path copy = Files.createTempFile("template-quiet-schedules", ".yaml");
        copy.toFile().deleteOnExit();
        Files.writeString(copy, quiet);
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET)
                .withTemplate(copy.toString()));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void overTwoHundredDaysNoReachableCustomerWaitsMoreThanNinetyDaysAndTheTopTenPercentNotMoreThanFortyFive()
            throws Exception {
        // Thirteen customers, so the top 10% is two slots; the VIP spends far more than anyone.
        Map<String, List<Instant>> orders = new TreeMap<>();
        order(orders, VIP, "Vivian", "900.00");
        for (int i = 0; i < 10; i++) {
            order(orders, "regular" + i + "@sim.example", "Reg" + i, (30 + 4 * i) + ".00");
        }
        order(orders, LEAVER, "Leo", "40.00");
        order(orders, RETURNING, "Rita", "35.00");
        Instant unsubscribedAt = null;

        for (int day = 1; day <= DAYS; day++) {
            post("/_local/clock", "{\"advance\":\"P1D\"}");
            if (day == 20) {
                unsubscribedAt = now();
                unsubscribeThroughTheThankYou(LEAVER);
            }
            if (day == 60) {
                order(orders, RETURNING, "Rita", "35.00");
            }
            post("/_local/schedules/FollowUpSweepFunction", "");
            // Weekly rather than daily keeps the runtime down: a digest run is ~70 moto calls at ~7 ms each.
            if (day % 7 == 0) {
                post("/_local/schedules/OwnerDigestFunction", "");
            }
        }
        Instant end = now();
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(runner.eventBus().deadLetters()).isEmpty();

        JsonNode outbox = outbox();
        Map<String, List<JsonNode>> byCustomer = new LinkedHashMap<>();
        List<JsonNode> digests = new ArrayList<>();
        for (JsonNode email : outbox) {
            String kind = email.get("kind").asText();
            if (kind.equals("owner-digest")) {
                digests.add(email);
                continue;
            }
            assertThat(kind).as("email to %s", email.get("to").asText()).isIn("affirmation", "follow-up", "survey");
            byCustomer.computeIfAbsent(email.get("to").asText(), to -> new ArrayList<>()).add(email);
        }

        for (Map.Entry<String, List<Instant>> customer : orders.entrySet()) {
            String email = customer.getKey();
            List<JsonNode> mail = byCustomer.getOrDefault(email, List.of());
            List<Instant> followUps = mail.stream().filter(m -> m.get("kind").asText().equals("follow-up"))
                    .map(m -> Instant.parse(m.get("sentAt").asText())).toList();
            List<Instant> surveys = mail.stream().filter(m -> m.get("kind").asText().equals("survey"))
                    .map(m -> Instant.parse(m.get("sentAt").asText())).sorted().toList();
            for (int i = 1; i < surveys.size(); i++) {
                assertThat(Duration.between(surveys.get(i - 1), surveys.get(i))).as("surveys to %s", email)
                        .isGreaterThanOrEqualTo(Duration.ofDays(60));
            }
            if (email.equals(LEAVER)) {
                Instant since = unsubscribedAt;
                assertThat(followUps).as("follow-ups after unsubscribing").noneMatch(at -> at.isAfter(since));
                continue;
            }
            List<Instant> contacts = new ArrayList<>(customer.getValue());
            mail.forEach(m -> contacts.add(Instant.parse(m.get("sentAt").asText())));
            contacts.add(end);
            contacts.sort(null);
            Duration limit = email.equals(VIP) ? Duration.ofDays(45) : Duration.ofDays(90);
            Duration longest = longestGap(contacts);
            assertThat(longest).as("longest silence for %s (contacts %s)", email, contacts)
                    .isLessThanOrEqualTo(limit.plus(SLACK));
            assertThat(followUps).as("follow-ups to %s", email).isNotEmpty();
        }
        // The VIP heard from the shop about every 45 days: at least four follow-ups in 200 days.
        assertThat(byCustomer.get(VIP).stream().filter(m -> m.get("kind").asText().equals("follow-up")).count())
                .isGreaterThanOrEqualTo(4);
        // Regulars get theirs at 90 days, not at 45.
        List<Instant> regularFollowUps = byCustomer.get("regular0@sim.example").stream()
                .filter(m -> m.get("kind").asText().equals("follow-up"))
                .map(m -> Instant.parse(m.get("sentAt").asText())).toList();
        Instant firstOrder = orders.get("regular0@sim.example").get(0);
        assertThat(Duration.between(firstOrder, regularFollowUps.get(0))).isGreaterThan(Duration.ofDays(89));
        assertThat(digests).isNotEmpty();
        assertThat(digests).allSatisfy(d -> assertThat(d.get("to").asText()).isEqualTo("owner@demo.example"));
    }

    private static Duration longestGap(List<Instant> sorted) {
        Duration longest = Duration.ZERO;
        for (int i = 1; i < sorted.size(); i++) {
            Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
        }
        return longest;
    }

    // --- driving the runner over HTTP ---

    /** A signed Shopify {@code orders/create} placed at the runner's now; waits until its events were handled. */
    private static void order(Map<String, List<Instant>> orders, String email, String firstName, String total)
            throws Exception {
        long number = ++orderNumber;
        Instant at = now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = """
                {"id":%d,"order_number":%d,"name":"#%d","email":"%s","created_at":"%s","currency":"USD",
                 "total_price":"%s","subtotal_price":"%s","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true,
                 "customer":{"first_name":"%s","last_name":"Sim","email":"%s"},
                 "line_items":[{"title":"Tea sampler","quantity":1,"price":"%s","product_id":632910392}]}"""
                .formatted(9_000_000_000_000L + number, number, number, email, at, total, total, firstName, email,
                        total);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", SHOP)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", sign(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        orders.computeIfAbsent(email, e -> new ArrayList<>()).add(at);
    }

    /** Finds the unsubscribe link in the customer's thank-you and uses it the way a mail client does (RFC 8058). */
    private static void unsubscribeThroughTheThankYou(String email) throws Exception {
        String text = null;
        for (JsonNode m : outbox()) {
            if (m.get("to").asText().equals(email) && m.get("kind").asText().equals("affirmation")) {
                text = m.get("text").asText();
            }
        }
        assertThat(text).as("thank-you to %s", email).isNotNull();
        Matcher link = Pattern.compile(Pattern.quote(runner.baseUrl()) + "(/u/[A-Za-z0-9._~-]+)").matcher(text);
        assertThat(link.find()).as("unsubscribe link in %s", text).isTrue();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + link.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Instant now() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/_local/clock"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Instant.parse(JSON.readTree(response.body()).get("now").asText());
    }

    private static JsonNode outbox() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runner.baseUrl() + "/_local/outbox"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
