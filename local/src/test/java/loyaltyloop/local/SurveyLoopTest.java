package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.dynamodb.DemoCheckoutProvisioner;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The survey loop through the local runner, as a customer and a shop live it: an order, the survey email two weeks
 * later, the page behind its link, a low rating, the coupon on the page and by email, the apology and the owner's
 * alert, and the coupon redeemed on the next order.
 */
@EndToEndTest
class SurveyLoopTest {

    private static final String SECRET = "survey-loop-secret-0123456789abcdef";
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

    private static void order(String id, String discountCodes) throws Exception {
        http.shopify("orders/create", """
                {"id":%s,"order_number":%s,"name":"#%s","email":"sam@example.com","created_at":"%s",
                 "currency":"USD","total_price":"42.00","subtotal_price":"42.00","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true,"discount_codes":%s,
                 "customer":{"first_name":"Sam","last_name":"<b>Lee</b>","email":"sam@example.com"},
                 "line_items":[{"title":"Walnut board","quantity":1,"price":"42.00","product_id":9911}]}"""
                .formatted(id, id, id, runner.clock().instant(), discountCodes));
    }

    private static List<JsonNode> outbox(String kind) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind)) {
                found.add(email);
            }
        }
        return found;
    }

    @Test
    void anOrderItsSurveyALowRatingTheCouponTheApologyTheAlertAndTheRedemption() throws Exception {
        order("3001", "[]");
        assertThat(outbox("affirmation")).hasSize(1);

        http.post("/_local/clock", "application/json", "{\"advance\":\"P14D\"}");
        assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
        List<JsonNode> surveys = outbox("survey");
        assertThat(surveys).hasSize(1);
        Matcher link = Pattern.compile(Pattern.quote(runner.baseUrl()) + "/s/[A-Za-z0-9._~-]+")
                .matcher(surveys.get(0).get("text").asText());
        assertThat(link.find()).isTrue();
        String surveyUrl = link.group();

        HttpResponse<String> form = http.get(surveyUrl);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"rating\"", "#3001");
        HttpResponse<String> refused = http.post(surveyUrl, "application/x-www-form-urlencoded", "rating=9");
        assertThat(refused.statusCode()).isEqualTo(400);

        String answer = "rating=2&comment=" + URLEncoder.encode("Cracked on arrival <script>x()</script>",
                StandardCharsets.UTF_8);
        HttpResponse<String> thanks = http.post(surveyUrl, "application/x-www-form-urlencoded", answer);
        assertThat(thanks.statusCode()).isEqualTo(200);
        Matcher shown = Pattern.compile("class=\"code\">([A-Z0-9-]+)<").matcher(thanks.body());
        assertThat(shown.find()).isTrue();
        String code = shown.group(1);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(outbox("coupon")).singleElement().satisfies(e -> assertThat(e.get("text").asText()).contains(code));
        assertThat(outbox("service-recovery")).singleElement()
                .satisfies(e -> assertThat(e.get("to").asText()).isEqualTo("sam@example.com"));
        assertThat(outbox("owner-alert")).singleElement().satisfies(e -> {
            assertThat(e.get("text").asText()).contains("Cracked on arrival <script>x()</script>", "2/5");
            assertThat(e.get("html").asText()).doesNotContain("<script>x()");
        });
        assertThat(runner.applicationContext().getBean(DemoCheckoutProvisioner.class)
                .exists("demo.myshopify.com", code)).isTrue();

        // Answering again shows the same code and sends nothing more.
        HttpResponse<String> again = http.post(surveyUrl, "application/x-www-form-urlencoded", "rating=5");
        assertThat(again.body()).contains(code);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(outbox("coupon")).hasSize(1);

        // The customer comes back with the code: the coupon is redeemed.
        order("3002", "[{\"code\":\"" + code.toLowerCase() + "\",\"amount\":\"8.40\",\"type\":\"percentage\"}]");
        Coupon coupon = runner.applicationContext().getBean(CouponStore.class).find("demo.myshopify.com", code)
                .orElseThrow();
        assertThat(coupon.state()).isEqualTo(Coupon.State.REDEEMED);
        assertThat(coupon.redeemedOrderId()).isEqualTo("3002");
        assertThat(runner.eventBus().deadLetters()).isEmpty();
    }
}
