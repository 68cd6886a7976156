package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bar of issue 17: a scripted history through the local runner (orders, a repeat order, a referral, surveys with
 * a low rating, a coupon used, a refund, the clock moved half a year), then the owner page behind the digest's link.
 * Every count in its JSON is what the script did, and the stages sum to the customers.
 */
@EndToEndTest
class OwnerPageTest {

    private static final String SECRET = "owner-page-secret-0123456789abcdef";
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

    static void order(String id, String email, String total, String extra) throws Exception {
        http.shopify("orders/create", """
                {"id":%s,"order_number":%s,"name":"#%s","email":"%s","created_at":"%s","currency":"USD",
                 "total_price":"%s","subtotal_price":"%s","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true%s,
                 "customer":{"first_name":"<b>%s</b>","email":"%s"},
                 "line_items":[{"title":"Walnut board","quantity":1,"price":"%s","product_id":9911}]}"""
                .formatted(id, id, id, email, runner.clock().instant(), total, total, extra, email.substring(0, 3),
                        email, total));
    }

    static void advance(String duration) throws Exception {
        assertThat(http.post("/_local/clock", "application/json", "{\"advance\":\"" + duration + "\"}").statusCode())
                .isEqualTo(200);
    }

    static JsonNode lastTo(String to, String kind) throws Exception {
        JsonNode found = null;
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind) && email.get("to").asText().equals(to)) {
                found = email;
            }
        }
        assertThat(found).as(kind + " to " + to).isNotNull();
        return found;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    /** Answers the customer's survey; returns the coupon code the thank-you page shows. */
    static String answerSurvey(String to, int rating) throws Exception {
        String url = find(lastTo(to, "survey").get("text").asText(), Pattern.quote(runner.baseUrl()) + "/s/[A-Za-z0-9._~-]+");
        HttpResponse<String> thanks = http.post(url, "application/x-www-form-urlencoded", "rating=" + rating
                + "&comment=" + URLEncoder.encode("<script>alert(1)</script> meh", StandardCharsets.UTF_8));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        return find(thanks.body(), "class=\"code\">([A-Z0-9-]+)<");
    }

    @Test
    void afterAScriptedHistoryEveryCountOnTheOwnerPageIsWhatHappened() throws Exception {
        // Day 0: Dan's big order first (the only customer, so in the top 10%: loyal), then three smaller ones; Cat
        // comes through Ann's referral link, which makes Ann an advocate.
        order("5001", "dan@example.com", "1000.00", "");
        order("5002", "ann@example.com", "40.00", "");
        order("5003", "bob@example.com", "30.00", "");
        String annCode = find(lastTo("ann@example.com", "affirmation").get("text").asText(), "/r/([A-Z2-9]{8})");
        assertThat(http.get("/r/" + annCode).statusCode()).isEqualTo(302);
        order("5004", "cat@example.com", "35.00",
                ",\"note_attributes\":[{\"name\":\"loyalty_ref\",\"value\":\"" + annCode + "\"}]");

        // Day 10: Bob comes back (repeat).
        advance("P10D");
        order("5005", "bob@example.com", "30.00", "");

        // Day 14: the surveys go out; Ann is happy, Cat is not (service recovery).
        advance("P4D");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        answerSurvey("ann@example.com", 5);
        String catCoupon = answerSurvey("cat@example.com", 2);

        // Day 20: Cat orders again with her coupon (recovered, repeat; loop revenue).
        advance("P6D");
        order("5006", "cat@example.com", "28.00",
                ",\"discount_codes\":[{\"code\":\"" + catCoupon + "\",\"amount\":\"7.00\",\"type\":\"percentage\"}]");

        // Day 25: most of Dan's order is refunded: out of the top 10%, so down to first-time.
        advance("P5D");
        http.shopify("refunds/create", """
                {"id":99001,"order_id":5001,"transactions":[{"kind":"refund","status":"success","amount":"990.00",
                 "currency":"USD"}]}""");

        // Day 185: nobody heard from the shop for months; Dan and Ann (last orders on day 0) lapsed on day 180.
        advance("P160D");
        JsonNode before = ownerJson();
        assertThat(before.path("promise").path("overdue").asLong()).isEqualTo(4);
        assertThat(before.path("promise").path("withinWindow").asLong()).isZero();

        // The sweep keeps the promise again, and the digest carries the owner's link.
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(http.post("/_local/schedules/OwnerDigestFunction", null, "").statusCode()).isEqualTo(200);
        String digest = lastTo("owner@demo.example", "owner-digest").get("text").asText();
        assertThat(digest).contains("4 customers: 0 first-time, 2 repeat, 0 loyal, 0 advocates, 2 lapsed.",
                "90-45 promise: 100% within their window, 0 overdue.");
        String ownerUrl = find(digest, Pattern.quote(runner.baseUrl()) + "/o/[A-Za-z0-9._~-]+");
        JsonNode owner = ownerJson(ownerUrl);

        assertThat(owner.path("customers").asLong()).isEqualTo(4);
        JsonNode stages = owner.path("stages");
        assertThat(stages.path("firstTime").asLong()).isZero();
        assertThat(stages.path("repeat").asLong()).as("Bob and Cat").isEqualTo(2);
        assertThat(stages.path("loyal").asLong()).isZero();
        assertThat(stages.path("advocate").asLong()).isZero();
        assertThat(stages.path("lapsed").asLong()).as("Dan and Ann").isEqualTo(2);
        long sum = 0;
        for (JsonNode n : stages) {
            sum += n.asLong();
        }
        assertThat(sum).isEqualTo(owner.path("customers").asLong());
        // Days 179-185 and 156-185: only the two lapses.
        for (String period : new String[] {"last7Days", "last30Days"}) {
            JsonNode moves = owner.path("moves").path(period);
            assertThat(moves.path("joined").asLong()).isZero();
            assertThat(moves.path("up").asLong()).isZero();
            assertThat(moves.path("down").asLong()).isEqualTo(2);
            assertThat(moves.path("lapsed").asLong()).isEqualTo(2);
        }
        assertThat(owner.path("promise").path("overdue").asLong()).isZero();
        assertThat(owner.path("promise").path("withinWindow").asLong()).isEqualTo(4);
        assertThat(owner.path("surveys").path("answered").asLong()).isEqualTo(2);
        assertThat(owner.path("surveys").path("averageRating").asDouble()).isEqualTo(3.5);
        assertThat(owner.path("referrals").path("clicks").asLong()).isEqualTo(1);
        assertThat(owner.path("referrals").path("conversions").asLong()).isEqualTo(1);
        assertThat(owner.path("coupons").path("issued").asLong()).isEqualTo(2);
        assertThat(owner.path("coupons").path("redeemed").asLong()).isEqualTo(1);
        assertThat(owner.path("loopRevenue").path("amount").asText()).as("Cat's referred 35.00 and coupon 28.00")
                .isEqualTo("63.00");
        assertThat(owner.path("loopRevenue").path("currency").asText()).isEqualTo("USD");

        // The page: the same numbers in its charts, the recovery outcome, and no script.
        HttpResponse<String> page = http.get(ownerUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "data-stage=\"repeat\" data-count=\"2\"",
                "data-stage=\"lapsed\" data-count=\"2\"", "data-rating=\"2\" data-count=\"1\"",
                "data-rating=\"5\" data-count=\"1\"").doesNotContain("<script", "http://", "https://");
        assertThat(find(page.body(), "data-result=\"orderedAgain\"><td>[^<]*</td><td class=\"n\">([0-9]+)<"))
                .as("Cat ordered again after her low rating").isEqualTo("1");
        assertThat(find(page.body(), "data-result=\"recoveryCases\"><td>[^<]*</td><td class=\"n\">([0-9]+)<"))
                .isEqualTo("1");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }

    @Test
    void aTamperedOwnerLinkIsRefusedAndShowsNothing() throws Exception {
        String url = signedOwnerUrl();
        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        HttpResponse<String> json = http.get(tampered, "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).doesNotContain("customers");
        assertThat(http.get(tampered).statusCode()).isEqualTo(400);
    }

    static JsonNode ownerJson() throws Exception {
        return ownerJson(signedOwnerUrl());
    }

    static JsonNode ownerJson(String url) throws Exception {
        HttpResponse<String> response = http.get(url, "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return RunnerHttp.JSON.readTree(response.body());
    }

    /** The owner link signed by the runner's own key, as the digest signs it. */
    static String signedOwnerUrl() {
        return runner.applicationContext().getBean(loyaltyloop.links.Links.class)
                .ownerUrl(runner.baseUrl(), "demo.myshopify.com");
    }
}
