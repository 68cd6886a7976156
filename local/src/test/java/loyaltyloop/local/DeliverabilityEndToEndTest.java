package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SES's own bounce, complaint and delivery events (the samples in {@code events/}) replayed through the local
 * runner's {@code POST /_local/events} onto the default bus, as SES's configuration set publishes them: after a
 * permanent bounce nothing more goes to that address; after a complaint no marketing email does, the thank-you
 * loses its referral pitch, and the owner's digest counts the complaint beside SES's threshold.
 */
@EndToEndTest
class DeliverabilityEndToEndTest {

    private static final String SECRET = "deliverability-webhook-secret-0123456789";
    private static final String BOUNCED = "gone@mail.example";
    private static final String COMPLAINED = "angry@mail.example";
    private static final String FINE = "happy@mail.example";

    private static LocalRunner runner;
    private static RunnerHttp http;
    private static long orderNumber = 5000;

    @BeforeAll
    static void start() throws Exception {
        // The schedules only when this test fires them (as in FollowUpSimulationTest).
        String template = Files.readString(Path.of("../template.yaml"))
                .replace("Schedule: rate(1 hour)", "Schedule: rate(1000 days)")
                .replace("Schedule: cron(0 7 * * ? *)", "Schedule: rate(1000 days)");
        Path copy = Files.createTempFile("template-deliverability", ".yaml");
        copy.toFile().deleteOnExit();
        Files.writeString(copy, template);
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET)
                .withTemplate(copy.toString()));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void bouncesAndComplaintsFromSesStopTheMailTheyShould() throws Exception {
        order(BOUNCED, "Gus");
        order(COMPLAINED, "Cora");
        order(FINE, "Hana");
        JsonNode first = emailsTo(FINE).get(0);
        assertThat(first.path("tags").path("kind").asText()).isEqualTo("affirmation");
        assertThat(first.path("tags").path("shop").asText()).isEqualTo("demo.myshopify.com");

        ArrayNode entries = RunnerHttp.JSON.createArrayNode();
        entries.add(entry("Email Bounced", sesDetail("ses-bounce-permanent.json", BOUNCED), true));
        entries.add(entry("Email Complaint Received", sesDetail("ses-complaint.json", COMPLAINED), false));
        entries.add(entry("Email Delivered", sesDetail("ses-delivery.json", FINE), true));
        HttpResponse<String> put = http.post("/_local/events", "application/json", entries.toString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode answer = RunnerHttp.JSON.readTree(put.body());
        assertThat(answer.path("FailedEntryCount").asInt()).isZero();
        assertThat(answer.path("Entries")).hasSize(3);
        assertThat(runner.eventBus().deadLetters()).isEmpty();

        // The digest the same day counts the week's delivery, bounce and complaint.
        assertThat(http.post("/_local/schedules/OwnerDigestFunction", null, "").statusCode()).isEqualTo(200);
        JsonNode digest = last(http.outbox(), "owner@demo.example", "owner-digest");
        assertThat(digest).as("the owner's digest").isNotNull();
        String digestText = digest.path("text").asText();
        assertThat(digestText).contains("Spam complaint rate in the last 7 days (SES reviews accounts above 0.1%)")
                .contains("100.0% (1): above SES's threshold")
                .contains("Bounce rate in the last 7 days (SES reviews accounts above 5%)")
                .contains("Emails delivered in the last 7 days: 1");

        // Order emails: none to the bounced address; the complainer's thank-you is purely transactional.
        order(BOUNCED, "Gus");
        order(COMPLAINED, "Cora");
        assertThat(kinds(BOUNCED)).containsExactly("affirmation");
        List<JsonNode> thanks = emailsTo(COMPLAINED);
        assertThat(thanks).hasSize(2);
        assertThat(thanks.get(0).path("text").asText()).contains("/r/");
        assertThat(thanks.get(1).path("text").asText()).doesNotContain("/r/").doesNotContain("/u/");
        assertThat(thanks.get(1).path("headers").has("List-Unsubscribe")).isFalse();

        // Marketing: months later only the customer in good standing hears from the shop.
        // (The first sweep sends the survey of their order, the second the 90-day follow-up.)
        for (int run = 0; run < 2; run++) {
            http.post("/_local/clock", "application/json", "{\"advance\":\"P95D\"}");
            assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        }
        assertThat(kinds(FINE)).contains("survey", "follow-up");
        assertThat(kinds(BOUNCED)).containsExactly("affirmation");
        assertThat(kinds(COMPLAINED)).containsExactly("affirmation", "affirmation");
        JsonNode followUp = last(http.outbox(), FINE, "follow-up");
        assertThat(followUp.path("text").asText()).contains(LocalRunner.DEMO_POSTAL_ADDRESS);
        assertThat(followUp.path("tags").path("kind").asText()).isEqualTo("follow-up");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }

    @Test
    void putEventsRefusesBadEntriesWholeAndTakesDetailAsTextOrObject() throws Exception {
        assertThat(http.post("/_local/events", "application/json", "[]").statusCode()).isEqualTo(400);
        assertThat(http.post("/_local/events", "application/json", "[{\"Source\":\"aws.ses\"}]").statusCode())
                .isEqualTo(400);
        assertThat(http.post("/_local/events", "application/json",
                "[{\"Source\":\"aws.ses\",\"DetailType\":\"Email Delivered\",\"Detail\":\"not json\"}]").statusCode())
                .isEqualTo(400);
        // An event for the loop's own bus is not seen by the default bus's rules, and the other way round.
        int before = http.outbox().size();
        HttpResponse<String> onDefault = http.post("/_local/events", "application/json",
                "[{\"Source\":\"loyalty-loop.orders\",\"DetailType\":\"OrderCancelled\",\"Detail\":{\"shop\":\"x\"}}]");
        assertThat(onDefault.statusCode()).isEqualTo(200);
        assertThat(http.outbox()).hasSize(before);
    }

    private static ObjectNode entry(String detailType, ObjectNode detail, boolean asString) {
        ObjectNode entry = RunnerHttp.JSON.createObjectNode();
        entry.put("Source", "aws.ses");
        entry.put("DetailType", detailType);
        if (asString) {
            entry.put("Detail", detail.toString()); // as PutEvents takes it
        } else {
            entry.set("Detail", detail);
        }
        return entry;
    }

    /** The sample's detail, about {@code recipient} (SES names the recipient in mail.destination and the event). */
    private static ObjectNode sesDetail(String sample, String recipient) throws Exception {
        String json = Files.readString(Path.of("../events", sample)).replace("jane.doe@example.com", recipient);
        return (ObjectNode) RunnerHttp.JSON.readTree(json).path("detail");
    }

    private static void order(String email, String firstName) throws Exception {
        long number = ++orderNumber;
        String body = """
                {"id":%d,"order_number":%d,"name":"#%d","email":"%s","created_at":"2026-12-01T10:00:00Z",
                 "currency":"USD","total_price":"40.00","subtotal_price":"40.00","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true,
                 "customer":{"first_name":"%s","last_name":"Mail","email":"%s"},
                 "line_items":[{"title":"Tea sampler","quantity":1,"price":"40.00","product_id":632910392}]}"""
                .formatted(8_000_000_000_000L + number, number, number, email, firstName, email);
        http.shopify("orders/create", body);
    }

    private static List<JsonNode> emailsTo(String email) throws Exception {
        List<JsonNode> emails = new ArrayList<>();
        for (JsonNode m : http.outbox()) {
            if (m.path("to").asText().equals(email)) {
                emails.add(m);
            }
        }
        return emails;
    }

    private static List<String> kinds(String email) throws Exception {
        return emailsTo(email).stream().map(m -> m.path("kind").asText()).toList();
    }

    private static JsonNode last(JsonNode outbox, String to, String kind) {
        JsonNode found = null;
        for (JsonNode m : outbox) {
            if (m.path("to").asText().equals(to) && m.path("kind").asText().equals(kind)) {
                found = m;
            }
        }
        return found;
    }
}
