package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Privacy through the local runner, as a shop lives it: Shopify's compliance requests on the webhook route (a data
 * export mailed to the owner, a customer erased) and the retention run after the local clock moved on. After an
 * erasure a Scan of the whole table finds neither the address nor the name anywhere.
 */
@EndToEndTest
class PrivacyLoopTest {

    private static final String SECRET = "privacy-loop-secret-0123456789abcdef";
    private static final String SHOP = "demo.myshopify.com";

    private LocalRunner runner;
    private RunnerHttp http;

    @BeforeEach
    void start() {
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private void order(String id, String email, String first, String last, String referralCode) throws Exception {
        String attributes = referralCode == null ? "[]"
                : "[{\"name\":\"loyalty_ref\",\"value\":\"" + referralCode + "\"}]";
        http.shopify("orders/create", """
                {"id":%s,"order_number":%s,"name":"#%s","email":"%s","created_at":"%s",
                 "currency":"USD","total_price":"42.00","subtotal_price":"42.00","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true,"discount_codes":[],"note_attributes":%s,
                 "customer":{"id":%s9,"first_name":"%s","last_name":"%s","email":"%s"},
                 "billing_address":{"first_name":"%s","last_name":"%s","address1":"12 Quill Lane","city":"Hobbiton"},
                 "line_items":[{"title":"Walnut board","quantity":1,"price":"42.00","product_id":9911}]}"""
                .formatted(id, id, id, email, runner.clock().instant(), attributes, id, first, last, email, first, last));
    }

    /** A signed compliance delivery; answers its HTTP status after everything it set off is handled. */
    private int compliance(String topic, String body, String webhookId) throws Exception {
        HttpResponse<String> response = http.post("/webhooks/shopify", "application/json", body,
                "X-Shopify-Topic", topic, "X-Shopify-Shop-Domain", SHOP, "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-Hmac-Sha256", RunnerHttp.sign(body, SECRET));
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(60))).isTrue();
        return response.statusCode();
    }

    private List<JsonNode> outbox(String kind, String to) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind) && (to == null || email.get("to").asText().equals(to))) {
                found.add(email);
            }
        }
        return found;
    }

    private List<JsonNode> outboxTo(String to) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        http.outbox().forEach(e -> {
            if (e.get("to").asText().equalsIgnoreCase(to)) {
                found.add(e);
            }
        });
        return found;
    }

    private static List<String> links(JsonNode email, String base, String route) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(base) + route + "[A-Za-z0-9._~-]+").matcher(email.get("text").asText());
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }

    /**
     * Every item of the table, each as its attributes' text, from a Scan of the whole table (a test may). Items whose
     * TTL ({@code expiresAt}, epoch seconds) passed at the local clock's now are left out: DynamoDB deletes them
     * (digest notes live 14 days), the emulator does not.
     */
    private List<String> wholeTable() {
        ApplicationContext context = runner.applicationContext();
        String table = context.getProperty("loyalty.table", String.class).orElseThrow();
        long now = runner.clock().instant().getEpochSecond();
        List<String> items = new ArrayList<>();
        context.getBean(DynamoDbClient.class).scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
            AttributeValue ttl = item.get("expiresAt");
            if (ttl == null || ttl.n() == null || Long.parseLong(ttl.n()) > now) {
                items.add(text(item));
            }
        });
        return items;
    }

    /** The table without the webhook delivery records (a new delivery id is a new record, by design). */
    private List<String> wholeTableButDeliveries() {
        return wholeTable().stream().filter(i -> !i.contains("pk=attributevalue(s=delivery#")).toList();
    }

    private static String text(Map<String, AttributeValue> item) {
        return item.toString().toLowerCase(Locale.ROOT);
    }

    private void assertNowhere(String... needles) {
        List<String> items = wholeTable();
        assertThat(items).isNotEmpty();
        for (String needle : needles) {
            assertThat(items).as("items holding " + needle)
                    .noneMatch(item -> item.contains(needle.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void aDataRequestMailsOneExportAndARedactLeavesNothingOfTheCustomer() throws Exception {
        String base = runner.baseUrl();
        // Kim refers Samwise; Samwise refers Amy; Samwise orders twice and answers a survey.
        order("5000", "kim@example.com", "Kim", "Baker", null);
        String kimCode = links(outbox("affirmation", "kim@example.com").get(0), base, "/r/").get(0)
                .substring((base + "/r/").length());
        order("5001", "samwise@example.com", "Samwise", "Quillfeather", kimCode);
        JsonNode samThanks = outbox("affirmation", "samwise@example.com").get(0);
        String samCode = links(samThanks, base, "/r/").get(0).substring((base + "/r/").length());
        order("5002", "amy@example.com", "Amy", "Zhou", samCode);
        order("5003", "samwise@example.com", "Samwise", "Quillfeather", null);
        assertThat(wholeTable()).anyMatch(i -> i.contains("quillfeather"));

        http.post("/_local/clock", "application/json", "{\"advance\":\"P14D\"}");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        List<JsonNode> surveys = outbox("survey", "samwise@example.com");
        assertThat(surveys).hasSize(1);
        String surveyUrl = links(surveys.get(0), base, "/s/").get(0);
        String answer = "rating=2&comment=" + URLEncoder.encode("Samwise here: it cracked", StandardCharsets.UTF_8);
        assertThat(http.post(surveyUrl, "application/x-www-form-urlencoded", answer).statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<String> samLinks = new ArrayList<>();
        for (JsonNode email : outboxTo("samwise@example.com")) {
            samLinks.addAll(links(email, base, "/p/"));
            samLinks.addAll(links(email, base, "/s/"));
            samLinks.addAll(links(email, base, "/u/"));
        }
        assertThat(samLinks).anyMatch(l -> l.contains("/p/")).anyMatch(l -> l.contains("/s/"))
                .anyMatch(l -> l.contains("/u/"));
        for (String link : samLinks) {
            assertThat(http.get(link).statusCode()).as(link).isEqualTo(200);
        }

        // customers/data_request, delivered twice (Shopify's retry), then once more under a new webhook id.
        String dataRequest = """
                {"shop_id":954889,"shop_domain":"demo.myshopify.com","orders_requested":[5001,5003],
                 "customer":{"id":50019,"email":"Samwise@Example.com","phone":"555-625-1199"},
                 "data_request":{"id":7001}}""";
        String webhookId = UUID.randomUUID().toString();
        assertThat(compliance("customers/data_request", dataRequest, webhookId)).isEqualTo(200);
        assertThat(compliance("customers/data_request", dataRequest, webhookId)).isEqualTo(200);
        assertThat(compliance("customers/data_request", dataRequest, UUID.randomUUID().toString())).isEqualTo(200);
        List<JsonNode> exports = outbox("data-export", null);
        assertThat(exports).singleElement().satisfies(e -> {
            assertThat(e.get("to").asText()).isEqualTo("owner@demo.example");
            assertThat(e.get("text").asText()).contains("samwise@example.com", "5001", "5003");
            JsonNode attachment = e.get("attachments").get(0);
            assertThat(attachment.get("fileName").asText()).isEqualTo("customer-data-7001.json");
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/json");
            JsonNode doc = RunnerHttp.JSON.readTree(attachment.get("content").asText());
            List<String> orderIds = new ArrayList<>();
            doc.get("orders").forEach(o -> orderIds.add(o.get("orderId").asText()));
            assertThat(orderIds).containsExactlyInAnyOrder("5001", "5003");
            assertThat(doc.get("profile").get("name").asText()).isEqualTo("Samwise Quillfeather");
            assertThat(doc.get("surveyAnswers").get(0).get("comment").asText()).isEqualTo("Samwise here: it cracked");
            assertThat(doc.get("coupons")).hasSize(1);
            assertThat(doc.get("points").get("balance").asLong()).isPositive();
            assertThat(doc.get("referrals").get("made").get(0).get("orderId").asText()).isEqualTo("5002");
            assertThat(doc.get("referrals").get("received").get(0).get("orderId").asText()).isEqualTo("5001");
            assertThat(doc.get("emailsSent").toString()).contains("affirmation", "survey", "points");
        });

        // customers/redact, twice: one effect.
        String redact = """
                {"shop_id":954889,"shop_domain":"demo.myshopify.com",
                 "customer":{"id":50019,"email":"samwise@example.com","phone":"555-625-1199"},
                 "orders_to_redact":[5001,5003]}""";
        assertThat(compliance("customers/redact", redact, UUID.randomUUID().toString())).isEqualTo(200);
        List<String> afterFirst = wholeTableButDeliveries();
        assertThat(compliance("customers/redact", redact, UUID.randomUUID().toString())).isEqualTo(200);
        assertThat(wholeTableButDeliveries()).containsExactlyInAnyOrderElementsOf(afterFirst);

        assertNowhere("samwise@example.com", "Samwise", "Quillfeather", "Hobbiton", "cracked");
        // The others keep theirs, the orders their amounts.
        assertThat(wholeTable()).anyMatch(i -> i.contains("kim@example.com")).anyMatch(i -> i.contains("amy@example.com"))
                .anyMatch(i -> i.contains("\"orderid\":\"5001\"") && i.contains("\"totalminor\":4200"));
        for (String link : samLinks) {
            int status = link.contains("/u/") ? http.post(link, "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click").statusCode() : http.get(link).statusCode();
            assertThat(status).as(link).isBetween(400, 499);
            assertThat(http.get(link).statusCode()).as(link).isBetween(400, 499);
        }

        // The next sweeps send them nothing; a later order starts a new customer.
        int before = outboxTo("samwise@example.com").size();
        http.post("/_local/clock", "application/json", "{\"advance\":\"P100D\"}");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(outboxTo("samwise@example.com")).hasSize(before);
        order("5004", "samwise@example.com", "Samwise", "Quillfeather", null);
        List<JsonNode> sent = outboxTo("samwise@example.com");
        assertThat(sent).hasSize(before + 1);
        assertThat(sent.get(sent.size() - 1).get("subject").asText()).doesNotContainIgnoringCase("order #2");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }

    @Test
    void aCustomerIdlePastTheRetentionPeriodIsErasedAndOldOrdersLoseThePerson() throws Exception {
        order("6001", "idle@example.com", "Ida", "Lethe", null);
        order("6002", "loyal@example.com", "Lou", "Keeper", null);
        http.post("/_local/clock", "application/json", "{\"advance\":\"P900D\"}");
        order("6003", "loyal@example.com", "Lou", "Keeper", null);
        // 36 months (the default) after the first orders, 7 months after Lou's second.
        http.post("/_local/clock", "application/json", "{\"advance\":\"P222D\"}");
        assertThat(http.post("/_local/schedules/RetentionFunction", null, "").statusCode()).isEqualTo(200);

        assertNowhere("idle@example.com", "Lethe");
        List<String> items = wholeTable();
        assertThat(items).filteredOn(i -> i.contains("\"orderid\":\"6002\"")).singleElement()
                .satisfies(i -> assertThat(i).doesNotContain("loyal@example.com", "keeper"));
        assertThat(items).filteredOn(i -> i.contains("\"orderid\":\"6003\"")).singleElement()
                .satisfies(i -> assertThat(i).contains("loyal@example.com", "keeper"));
        int before = outboxTo("idle@example.com").size();
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(outboxTo("idle@example.com")).hasSize(before);
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }
}
