package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history-import bar through the local runner: a couple of thousand Shopify orders posted to
 * {@code POST /_local/import} send no email; their webhooks arriving afterwards send none either; a customer with
 * history who orders again is thanked for their next order number; and the customers whose last order is past 90
 * days (45 for the top 10%) get their follow-ups over the 14 days after the import, never on its day.
 */
@EndToEndTest
class HistoryImportLoopTest {

    private static final String SECRET = "history-import-secret-0123456789abcdef";
    private static final int CUSTOMERS = 800;
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

    private static String order(long id, String email, Instant createdAt, String total, boolean consent) {
        return ("{\"id\":%d,\"name\":\"#%d\",\"email\":\"%s\",\"created_at\":\"%s\",\"currency\":\"USD\","
                + "\"total_price\":\"%s\",\"subtotal_price\":\"%s\",\"customer_locale\":\"en\",\"test\":false,"
                + "\"buyer_accepts_marketing\":%s,\"customer\":{\"first_name\":\"Kim\",\"last_name\":\"Ng\"},"
                + "\"line_items\":[{\"title\":\"Walnut board\",\"quantity\":1,\"price\":\"%s\",\"product_id\":9911}]}")
                .formatted(id, id, email, createdAt, total, total, consent, total);
    }

    private static List<JsonNode> emails(String kind) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind)) {
                found.add(email);
            }
        }
        return found;
    }

    @Test
    void aHistoryOfThousandsOfOrdersSendsNothingThenTheOverdueAreFollowedUpOverTwoWeeks() throws Exception {
        Instant now = runner.clock().instant();
        LocalDate importDay = now.atZone(ZoneOffset.UTC).toLocalDate();
        Random random = new Random(14);
        StringBuilder body = new StringBuilder();
        Set<String> expected = new HashSet<>();
        List<String> recentWithThreeOrders = new ArrayList<>();
        String oneImportedOrder = null;
        long id = 7_000_000_000L;
        int orders = 0;
        for (int i = 0; i < CUSTOMERS; i++) {
            String email = "customer" + i + "@example.com";
            boolean top = i % 10 == 0; // exactly the top 10%: they spent far more than anyone else
            boolean consent = i % 7 != 3;
            int lastDaysAgo = top ? 50 + random.nextInt(30)
                    : switch (i % 10) {
                        case 1 -> 120 + random.nextInt(600); // long overdue
                        case 2 -> 46 + random.nextInt(14);   // past 45 days, not past 90: not yet
                        default -> 1 + random.nextInt(20);   // recent: due well after the two weeks
                    };
            int count = 3;
            for (int n = count - 1; n >= 0; n--) {
                Instant at = now.minus(Duration.ofDays(lastDaysAgo + n * (30L + random.nextInt(200))))
                        .minusSeconds(random.nextInt(80_000));
                String total = top ? "1000.00" : (20 + random.nextInt(60)) + ".00";
                String line = order(++id, email, at, total, consent);
                body.append(line).append('\n');
                orders++;
                if (oneImportedOrder == null) {
                    oneImportedOrder = line;
                }
            }
            if (consent && (top || i % 10 == 1)) {
                expected.add(email);
            }
            if (!top && consent && i % 10 > 2) {
                recentWithThreeOrders.add(email);
            }
        }

        HttpResponse<String> imported = http.post("/_local/import?shop=demo.myshopify.com", "application/x-ndjson",
                body.toString());

        assertThat(imported.statusCode()).isEqualTo(200);
        JsonNode counts = RunnerHttp.JSON.readTree(imported.body());
        assertThat(counts.get("ordersRead").asInt()).isEqualTo(orders);
        assertThat(counts.get("ordersImported").asInt()).isEqualTo(orders);
        assertThat(counts.get("customers").asInt()).isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(http.outbox()).isEmpty();

        // The webhook of an imported order, arriving late, thanks for nothing.
        http.shopify("orders/updated", oneImportedOrder);
        // Posting the history again changes nothing and sends nothing.
        JsonNode again = RunnerHttp.JSON.readTree(http.post("/_local/import?shop=demo.myshopify.com",
                "application/x-ndjson", body.toString()).body());
        assertThat(again.get("ordersKnown").asInt()).isEqualTo(orders);
        assertThat(again.get("ordersImported").asInt()).isZero();
        http.post("/_local/schedules/FollowUpSweepFunction", null, "");
        assertThat(http.outbox()).isEmpty();

        // A customer with three orders of history orders again: their fourth, not a welcome.
        String returning = recentWithThreeOrders.get(0);
        http.shopify("orders/create", order(++id, returning, runner.clock().instant(), "42.00", true));
        List<JsonNode> thanks = emails("affirmation");
        assertThat(thanks).hasSize(1);
        assertThat(thanks.get(0).get("to").asText()).isEqualTo(returning);
        assertThat(thanks.get(0).get("subject").asText()).contains("4th order").doesNotContain("Welcome");

        for (int day = 1; day <= 15; day++) {
            http.post("/_local/clock", "application/json", "{\"advance\":\"P1D\"}");
            http.post("/_local/schedules/FollowUpSweepFunction", null, "");
        }

        Map<LocalDate, Integer> perDay = new HashMap<>();
        Set<String> followedUp = new HashSet<>();
        for (JsonNode email : emails("follow-up")) {
            assertThat(followedUp.add(email.get("to").asText())).as("one follow-up each").isTrue();
            perDay.merge(Instant.parse(email.get("sentAt").asText()).atZone(ZoneOffset.UTC).toLocalDate(), 1,
                    Integer::sum);
        }
        assertThat(followedUp).isEqualTo(expected);
        assertThat(perDay).doesNotContainKey(importDay);
        assertThat(perDay.keySet()).allSatisfy(d -> assertThat(d).isBetween(importDay.plusDays(1),
                importDay.plusDays(15)));
        assertThat(perDay).hasSizeGreaterThanOrEqualTo(10);
        // About a fourteenth a day, never a big share at once.
        assertThat(perDay.values()).allSatisfy(n -> assertThat(n).isLessThan(expected.size() / 4));
        // The only survey is about the returning customer's new order, not about any history.
        assertThat(emails("survey")).allSatisfy(survey -> assertThat(survey.get("to").asText()).isEqualTo(returning));
    }
}
