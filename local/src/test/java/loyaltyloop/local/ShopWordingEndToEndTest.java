package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.admin.Flags;
import loyaltyloop.admin.ShopsCommand;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The wording bar of issue 17, as an owner meets it: {@code shops add --settings} with the issue's own example
 * ({@code {"messages": {"en": {"followUpSubject": "…"}}}}) against the local runner, orders through the webhook, the
 * clock moved past 90 days. The replaced subject heads that shop's English follow-ups and nothing else (not its
 * Chinese ones, not its other emails, not another shop's); a replacement that breaks the rule is refused with its
 * name and nothing is stored.
 */
@EndToEndTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopWordingEndToEndTest {

    private static final String SECRET = "wording-secret-0123456789abcdef";
    private static final String SHOP = "words.myshopify.com";
    private static final String OWN = "A note from us at Words & Co";
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

    /** {@code shops add} for {@link #SHOP} with these settings; answers the exit code and what it printed to stderr. */
    private static Result add(String settingsJson) throws Exception {
        Path settings = Files.createTempFile("wording-settings", ".json");
        Files.writeString(settings, settingsJson);
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int exit = ShopsCommand.run(List.of("add", "--domain", SHOP, "--platform", "shopify",
                    "--storefront", "https://" + SHOP, "--sender-address", "hello@words.example",
                    "--sender-name", "Words & Co", "--owner-email", "owner@words.example", "--webhook-secret", SECRET,
                    "--settings", settings.toString(), "--aws-endpoint", runner.awsEndpoint()));
            return new Result(exit, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
            Files.deleteIfExists(settings);
        }
    }

    private record Result(int exit, String stderr) {
    }

    private static void order(String shop, String id, String email, String locale) throws Exception {
        http.shopify(shop, "orders/create", """
                {"id":%s,"order_number":%s,"name":"#%s","email":"%s","created_at":"%s","currency":"USD",
                 "total_price":"24.00","subtotal_price":"24.00","customer_locale":"%s","test":false,
                 "buyer_accepts_marketing":true,
                 "customer":{"first_name":"Mei","email":"%s"},
                 "line_items":[{"title":"Linen apron","quantity":1,"price":"24.00","product_id":4411}]}"""
                .formatted(id, id, id, email, runner.clock().instant(), locale, email));
    }

    private static void advanceAndSweep(String duration) throws Exception {
        assertThat(http.post("/_local/clock", "application/json", "{\"advance\":\"" + duration + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    @Order(1)
    void aReplacementThatBreaksTheRuleIsRefusedWithItsNameAndNothingIsStored() throws Exception {
        Result unknown = add("{\"messages\": {\"en\": {\"followUpSubjekt\": \"Hello\"}}}");
        assertThat(unknown.exit()).isEqualTo(Flags.EXIT_USAGE);
        assertThat(unknown.stderr()).contains("messages.en.followUpSubjekt", "no such sentence");

        // The follow-up subject is said about a product only in some variants: {1} cannot stand for all of them.
        Result dropped = add("{\"messages\": {\"zh-TW\": {\"followUpSubject\": \"您的 {1} 還好嗎？\"}}}");
        assertThat(dropped.exit()).isEqualTo(Flags.EXIT_USAGE);
        assertThat(dropped.stderr()).contains("messages.zh-TW.followUpSubject", "uses {1}", "followUpSubjectProduct");

        Result unparsable = add("{\"messages\": {\"en\": {\"surveySubject\": \"How was {1?\"}}}");
        assertThat(unparsable.stderr()).contains("messages.en.surveySubject", "not a valid pattern");

        assertThat(runner.applicationContext().getBean(ShopStore.class).find(SHOP)).isEmpty();
    }

    @Test
    @Order(2)
    void aShopsReplacedSubjectIsInItsFollowUpsInThatLanguageAndNowhereElse() throws Exception {
        Result added = add("{\"messages\": {\"en\": {\"followUpSubject\": \"" + OWN + "\"}},"
                + " \"brand\": {\"colour\": \"#0f766e\", \"logoUrl\": \"https://cdn.words.example/logo.png\"}}");
        assertThat(added.exit()).as(added.stderr()).isZero();

        order(SHOP, "7001", "ann@example.com", "en");
        order(SHOP, "7002", "mei@example.com", "zh-TW");
        order("demo.myshopify.com", "7003", "bob@example.com", "en");
        advanceAndSweep("P14D");   // the surveys
        advanceAndSweep("P91D");   // 90 days after the survey, the last contact: the follow-ups

        List<JsonNode> followUps = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            String to = email.get("to").asText();
            String all = email.get("subject").asText() + email.get("text").asText() + email.get("html").asText();
            if (email.get("kind").asText().equals("follow-up")) {
                followUps.add(email);
                if (to.equals("ann@example.com")) {
                    assertThat(email.get("subject").asText()).isEqualTo(OWN);
                    // The brand heads it as the shop set it.
                    assertThat(email.get("html").asText()).contains("background-color:#0f766e",
                            "src=\"https://cdn.words.example/logo.png\"");
                    continue;
                }
            }
            assertThat(all).as(email.get("kind").asText() + " to " + to).doesNotContain("A note from us");
        }
        assertThat(followUps).extracting(e -> e.get("to").asText())
                .contains("ann@example.com", "mei@example.com", "bob@example.com");
        assertThat(followUps).filteredOn(e -> e.get("to").asText().equals("mei@example.com"))
                .allSatisfy(e -> assertThat(e.get("subject").asText()).contains("Linen apron").contains("還"));
    }

    /** Issue 17 part 3: the preview shows every kind, the points email and the owner's digest too, in the brand. */
    @Test
    @Order(3)
    void thePreviewOfTheShopShowsEveryKindInEveryLanguageUnderItsBrand() throws Exception {
        java.net.http.HttpResponse<String> page = http.get("/_local/preview?shop=" + SHOP);
        assertThat(page.statusCode()).isEqualTo(200);
        for (String kind : loyaltyloop.preview.EmailPreviews.KINDS) {
            for (String language : loyaltyloop.preview.EmailPreviews.LANGUAGES) {
                assertThat(page.body()).contains("id=\"" + kind + "-" + language + "\"");
            }
        }
        assertThat(page.body().split("background-color:#0f766e", -1)).hasSize(
                loyaltyloop.preview.EmailPreviews.KINDS.size() * loyaltyloop.preview.EmailPreviews.LANGUAGES.size() + 1);
        assertThat(page.body()).contains("A note from us at Words").doesNotContain("<script");
        assertThat(http.get("/_local/preview").body()).doesNotContain("#0f766e", "A note from us");
        assertThat(http.get("/_local/preview?shop=nowhere.example").statusCode()).isEqualTo(404);
    }
}
