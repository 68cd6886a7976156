package loyaltyloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponCodes;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MotoTest
class SurveyAnswersTest {

    private static final Pattern CODE = Pattern.compile("class=\"code\">([A-Z0-9-]+)<");
    private static SurveyFixture loop;

    @BeforeAll
    static void start() {
        loop = SurveyFixture.start();
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static byte[] form(String rating, String comment) {
        StringBuilder body = new StringBuilder();
        if (rating != null) {
            body.append("rating=").append(URLEncoder.encode(rating, StandardCharsets.UTF_8));
        }
        if (comment != null) {
            body.append(body.length() > 0 ? "&" : "").append("comment=")
                    .append(URLEncoder.encode(comment, StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String codeOn(SurveyAnswers.Page page) {
        Matcher m = CODE.matcher(page.html());
        assertThat(m.find()).as("a coupon code on the page").isTrue();
        return m.group(1);
    }

    private static long answeredToday() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(loop.clock.instant(), java.time.ZoneOffset.UTC);
        return loop.loopStats.totals(loop.shop.domain(), today, today)
                .get(loyaltyloop.followup.LoopStats.Count.SURVEYS_ANSWERED);
    }

    private static List<JsonNode> events(String type) {
        return loop.bus.drain().stream().filter(e -> type.equals(e.path("detail-type").asText())).toList();
    }

    @Test
    void theLinkShowsALocalizedFormWithFiveRatingsAndTheOpenQuestion() {
        Order order = loop.place(loop.newEmail("form"), "Mei", "zh-TW");
        SurveyAnswers.Page page = loop.answers().show(loop.token(order), "/s/x");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("lang=\"zh-TW\"", "name=\"rating\"", "value=\"1\"", "value=\"5\"",
                "name=\"comment\"", "maxlength=\"2000\"", "8 折優惠", order.orderName());
        assertThat(page.html()).doesNotContain("NPS", "<script");
    }

    @Test
    void answeringEarnsACouponThatExistsAtCheckoutAndIsShownOnTheThankYouPage() {
        loop.bus.drain();
        Order order = loop.place(loop.newEmail("answer"), "Ana", "en");
        SurveyAnswers.Page page = loop.answers().submit(loop.token(order), form("4", "Lovely apron"), "/s/x");

        assertThat(page.status()).isEqualTo(200);
        String code = codeOn(page);
        assertThat(code).hasSize(CouponCodes.LENGTH).matches("[" + CouponCodes.ALPHABET + "]+");
        Coupon coupon = loop.coupons.find(loop.shop.domain(), code).orElseThrow();
        assertThat(coupon.state()).isEqualTo(Coupon.State.ISSUED);
        assertThat(coupon.terms().value()).isEqualTo(20);
        assertThat(coupon.expiresAt()).isEqualTo(loop.clock.instant().plus(Duration.ofDays(60)));
        assertThat(loop.checkout.exists(loop.shop.domain(), code)).isTrue();
        SurveyResponse stored = loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow();
        assertThat(stored.rating()).isEqualTo(4);
        assertThat(stored.comment()).isEqualTo("Lovely apron");
        assertThat(stored.couponCode()).isEqualTo(code);
        assertThat(stored.publishedAt()).isNotNull();
        List<JsonNode> all = loop.bus.drain();
        assertThat(all).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("SurveyCompleted", "CouponIssued");
    }

    @Test
    void submittingAgainShowsTheSameCouponAndChangesNothing() {
        Order order = loop.place(loop.newEmail("again"), "Bo", "en");
        String token = loop.token(order);
        String first = codeOn(loop.answers().submit(token, form("5", "Great"), "/s/x"));
        loop.bus.drain();

        SurveyAnswers.Page again = loop.answers().submit(token, form("1", "changed my mind"), "/s/x");
        SurveyAnswers.Page revisit = loop.answers().show(token, "/s/x");

        assertThat(codeOn(again)).isEqualTo(first);
        assertThat(codeOn(revisit)).isEqualTo(first);
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().rating()).isEqualTo(5);
        assertThat(loop.bus.drain()).isEmpty();
    }

    @Test
    void sixSubmitsAtOnceStoreOneAnswerAndShowOneCoupon() throws Exception {
        loop.bus.drain();
        Order order = loop.place(loop.newEmail("race"), "Cy", "en");
        String token = loop.token(order);
        SurveyAnswers answers = loop.answers();
        long answeredBefore = answeredToday();

        List<SurveyAnswers.Page> pages = Concurrently.run(6, () -> answers.submit(token, form("3", "ok"), "/s/x"));

        Set<String> codes = pages.stream().map(SurveyAnswersTest::codeOn).collect(Collectors.toSet());
        assertThat(codes).hasSize(1);
        assertThat(events("SurveyCompleted")).hasSize(1);
        assertThat(answeredToday() - answeredBefore).as("counted once for the owner's digest").isEqualTo(1);
    }

    @Test
    void aMissingOrOutOfRangeRatingShowsTheFormAgainWithA400AndWritesNothing() {
        Order order = loop.place(loop.newEmail("bad"), "Di", "en");
        String token = loop.token(order);
        for (byte[] body : List.of(form(null, "no rating"), form("0", null), form("6", null), form("4.5", null),
                form("abc", null), form("", null), "rating=%zz".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            SurveyAnswers.Page page = loop.answers().submit(token, body, "/s/x");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.html()).contains("Please choose a rating from 1 to 5.", "name=\"rating\"");
        }
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void aCommentOverTwoThousandCharactersIsRefusedAndKeptInTheForm() {
        Order order = loop.place(loop.newEmail("long"), "Ed", "en");
        String comment = "é".repeat(2001);
        SurveyAnswers.Page page = loop.answers().submit(loop.token(order), form("2", comment), "/s/x");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html()).contains("under 2000 characters", comment, "value=\"2\" required checked");
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();

        assertThat(loop.answers().submit(loop.token(order), form("2", "é".repeat(2000)), "/s/x").status())
                .isEqualTo(200);
    }

    @Test
    void aScriptInTheCommentIsStoredAsTypedAndEscapedOnThePage() {
        Order order = loop.place(loop.newEmail("xss"), "<script>alert(1)</script>", "en");
        String script = "<script>alert('x')</script>";
        SurveyAnswers.Page refused = loop.answers().submit(loop.token(order), form(null, script), "/s/x");
        assertThat(refused.html()).doesNotContain("<script").contains("&lt;script&gt;");

        loop.answers().submit(loop.token(order), form("1", script), "/s/x");
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().comment()).isEqualTo(script);
    }

    @Test
    void aTamperedTokenGetsAFriendlyPageAndWritesNothing() {
        Order order = loop.place(loop.newEmail("tamper"), "Flo", "en");
        String token = loop.token(order);
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        for (String bad : new String[] {tampered, "", "x.y", token + "x", null}) {
            SurveyAnswers.Page page = loop.answers().submit(bad, form("5", "hi"), "/s/x");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.html()).doesNotContain("Exception");
        }
        // An unsubscribe link is signed for another purpose: worthless here.
        String ref = loop.customers.find(loop.shop.domain(), order.email()).orElseThrow().referralCode();
        String unsubscribe = loop.links.unsubscribeUrl(SurveyFixture.BASE_URL, loop.shop.domain(), ref);
        assertThat(loop.answers().show(unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1), "/s/x").status())
                .isEqualTo(400);
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void anExpiredLinkIs410AndWritesNothing() {
        Order order = loop.place(loop.newEmail("expired"), "Gus", "en");
        String token = loop.token(order);
        loop.clock.advance(Duration.ofDays(30));
        try {
            SurveyAnswers.Page page = loop.answers().submit(token, form("5", "late"), "/s/x");
            assertThat(page.status()).isEqualTo(410);
            assertThat(loop.answers().show(token, "/s/x").status()).isEqualTo(410);
        } finally {
            loop.clock.advance(Duration.ofDays(-30));
        }
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void aLinkForAnOrderThatIsNotTheCustomersIs404() {
        Order mine = loop.place(loop.newEmail("mine"), "Hal", "en");
        Order theirs = loop.place(loop.newEmail("theirs"), "Ivy", "en");
        String ref = loop.customers.find(loop.shop.domain(), mine.email()).orElseThrow().referralCode();
        String url = loop.links.surveyUrl(SurveyFixture.BASE_URL, loop.shop.domain(), ref, theirs.orderId(),
                Duration.ofDays(30));
        assertThat(loop.answers().show(url.substring(url.lastIndexOf('/') + 1), "/s/x").status()).isEqualTo(404);
    }

    @Test
    void aPoolShopWithAnEmptyPoolStoresNothingAndAsksToTryAgainLaterThenAnUploadLetsTheAnswerThrough() {
        Order order = loop.place(loop.newEmail("pool"), "Kai", "en");
        loyaltyloop.dynamodb.DynamoCouponPool pool = loop.context.getBean(loyaltyloop.dynamodb.DynamoCouponPool.class);
        Shop poolShop = loop.shop.withCouponProvisioning(loyaltyloop.shops.LoyaltySettings.Provisioning.POOL);
        loop.saveShop(poolShop);
        try {
            SurveyAnswers answers = loop.answers(loop.issuer(List.of(pool)));
            SurveyAnswers.Page page = answers.submit(loop.token(order), form("5", "great"), "/s/x");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.html()).contains("try the link again");
            assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();

            pool.upload(loop.shop.domain(), List.of("SHOP-POOL-0001"));
            assertThat(codeOn(answers.submit(loop.token(order), form("5", "great"), "/s/x"))).isEqualTo("SHOP-POOL-0001");
        } finally {
            loop.saveShop(poolShop.withCouponProvisioning(loyaltyloop.shops.LoyaltySettings.Provisioning.DEMO));
        }
    }

    @Test
    void whileTheShopCannotBeReachedThePageSaysTheCodeIsOnItsWayAndShowsNoCode() {
        Order order = loop.place(loop.newEmail("down"), "Jo", "en");
        CouponProvisioner down = SurveyFixture.unreachableShop();
        SurveyAnswers.Page page = loop.answers(loop.issuer(List.of(down))).submit(loop.token(order), form("5", ""),
                "/s/x");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("being set up").doesNotContain("class=\"code\"");
        String code = loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().couponCode();
        assertThat(loop.coupons.find(loop.shop.domain(), code).orElseThrow().state()).isEqualTo(Coupon.State.PENDING);

        // The next visit, with the shop back, finishes it.
        assertThat(codeOn(loop.answers().show(loop.token(order), "/s/x"))).isEqualTo(code);
        assertThat(loop.checkout.exists(loop.shop.domain(), code)).isTrue();
    }
}
