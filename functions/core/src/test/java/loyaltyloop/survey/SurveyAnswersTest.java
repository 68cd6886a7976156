package loyaltyloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponCodes;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.survey.SurveyAnswers.Submission;
import loyaltyloop.survey.SurveyOutcome.AnswerRefused;
import loyaltyloop.survey.SurveyOutcome.AnswerTooLarge;
import loyaltyloop.survey.SurveyOutcome.Answered;
import loyaltyloop.survey.SurveyOutcome.LinkRefused;
import loyaltyloop.survey.SurveyOutcome.SurveyToAnswer;
import loyaltyloop.survey.SurveyOutcome.TryLater;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Showing and answering the survey behind a survey link, on the moto server; its pages are SurveyPageResponsesTest's. */
@MotoTest
class SurveyAnswersTest {

    private static SurveyFixture loop;

    @BeforeAll
    static void start() {
        loop = SurveyFixture.start();
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static Submission form(String rating, String comment) {
        return Submission.of(rating, comment);
    }

    /** The code of the coupon the outcome shows, which must work at checkout. */
    private static String codeOn(SurveyOutcome outcome) {
        assertThat(outcome).isInstanceOf(Answered.class);
        Coupon coupon = ((Answered) outcome).coupon();
        assertThat(coupon.usable()).as("a coupon that works at checkout").isTrue();
        return coupon.code();
    }

    private static long answeredToday() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(loop.clock.instant(), java.time.ZoneOffset.UTC);
        return loop.loopStats.totals(loop.shop.domain(), today, today)
                .get(loyaltyloop.stats.LoopStats.Count.SURVEYS_ANSWERED);
    }

    private static List<JsonNode> events(String type) {
        return loop.bus.drain().stream().filter(e -> type.equals(e.path("detail-type").asText())).toList();
    }

    @Test
    void theLinkShowsTheSurveyAboutItsOrderInTheOrdersLanguage() {
        Order order = loop.place(loop.newEmail("form"), "Mei", "zh-TW");
        assertThat(loop.answers().show(loop.token(order)))
                .isEqualTo(new SurveyToAnswer(loop.shop, "zh-TW", order.orderName()));
    }

    @Test
    void answeringEarnsACouponThatExistsAtCheckout() {
        loop.bus.drain();
        Order order = loop.place(loop.newEmail("answer"), "Ana", "en");
        SurveyOutcome answered = loop.answers().submit(loop.token(order), form("4", "Lovely apron"));

        String code = codeOn(answered);
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
        String first = codeOn(loop.answers().submit(token, form("5", "Great")));
        loop.bus.drain();

        SurveyOutcome again = loop.answers().submit(token, form("1", "changed my mind"));
        SurveyOutcome revisit = loop.answers().show(token);

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

        List<SurveyOutcome> outcomes = Concurrently.run(6, () -> answers.submit(token, form("3", "ok")));

        Set<String> codes = outcomes.stream().map(SurveyAnswersTest::codeOn).collect(Collectors.toSet());
        assertThat(codes).hasSize(1);
        assertThat(events("SurveyCompleted")).hasSize(1);
        assertThat(answeredToday() - answeredBefore).as("counted once for the owner's digest").isEqualTo(1);
    }

    @Test
    void aMissingOrOutOfRangeRatingIsAskedForAgainKeepingTheCommentAndWritesNothing() {
        Order order = loop.place(loop.newEmail("bad"), "Di", "en");
        String token = loop.token(order);
        assertThat(loop.answers().submit(token, form(null, "  no rating ")))
                .isEqualTo(new AnswerRefused(loop.shop, "en", order.orderName(), null, "no rating",
                        SurveyEmails.Problem.RATING_MISSING));
        for (String rating : new String[] {null, "0", "6", "4.5", "abc", "", " 4", "１", "55"}) {
            assertThat(loop.answers().submit(token, form(rating, null))).as(rating)
                    .isEqualTo(new AnswerRefused(loop.shop, "en", order.orderName(), null, "",
                            SurveyEmails.Problem.RATING_MISSING));
        }
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void aCommentOverTwoThousandCharactersIsRefusedAndKeptInTheForm() {
        Order order = loop.place(loop.newEmail("long"), "Ed", "en");
        String comment = "é".repeat(2001);
        assertThat(loop.answers().submit(loop.token(order), form("2", comment)))
                .isEqualTo(new AnswerRefused(loop.shop, "en", order.orderName(), 2, comment,
                        SurveyEmails.Problem.COMMENT_TOO_LONG));
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();

        assertThat(loop.answers().submit(loop.token(order), form("2", "é".repeat(2000)))).isInstanceOf(Answered.class);
    }

    @Test
    void aScriptInTheCommentIsKeptAndStoredAsTyped() {
        Order order = loop.place(loop.newEmail("xss"), "<script>alert(1)</script>", "en");
        String script = "<script>alert('x')</script>";
        assertThat(loop.answers().submit(loop.token(order), form(null, script)))
                .isInstanceOfSatisfying(AnswerRefused.class, refused -> assertThat(refused.comment()).isEqualTo(script));

        loop.answers().submit(loop.token(order), form("1", script));
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().comment()).isEqualTo(script);
    }

    @Test
    void aPostTooLargeToReadIsRefusedOnceTheLinkIsGoodAndTheSurveyOpenAndWritesNothing() {
        Order order = loop.place(loop.newEmail("large"), "Lu", "zh-TW");
        String token = loop.token(order);

        assertThat(loop.answers().submit(token, Submission.tooLargeToRead()))
                .isEqualTo(new AnswerTooLarge(EmailLocale.ZH_HANT));
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();

        String code = codeOn(loop.answers().submit(token, form("5", null)));
        assertThat(codeOn(loop.answers().submit(token, Submission.tooLargeToRead()))).isEqualTo(code);
    }

    @Test
    void aTamperedTokenIsRefusedAndWritesNothing() {
        Order order = loop.place(loop.newEmail("tamper"), "Flo", "en");
        String token = loop.token(order);
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        for (String bad : new String[] {tampered, "", "x.y", token + "x", null}) {
            assertThat(loop.answers().submit(bad, form("5", "hi")))
                    .isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN));
            assertThat(loop.answers().submit(bad, Submission.tooLargeToRead()))
                    .as("the link is checked first").isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN));
        }
        // An unsubscribe link is signed for another purpose: worthless here.
        String ref = loop.customers.find(loop.shop.domain(), order.email()).orElseThrow().referralCode();
        String unsubscribe = loop.links.unsubscribeUrl(SurveyFixture.BASE_URL, loop.shop.domain(), ref);
        assertThat(loop.answers().show(unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1)))
                .isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN));
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefusedAndWritesNothing() {
        Order order = loop.place(loop.newEmail("expired"), "Gus", "en");
        String token = loop.token(order);
        loop.clock.advance(Duration.ofDays(30));
        try {
            assertThat(loop.answers().submit(token, form("5", "late")))
                    .isEqualTo(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN));
            assertThat(loop.answers().show(token)).isEqualTo(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN));
        } finally {
            loop.clock.advance(Duration.ofDays(-30));
        }
        assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();
    }

    @Test
    void aLinkForAnOrderThatIsNotTheCustomersIsRefusedAsNotFound() {
        Order mine = loop.place(loop.newEmail("mine"), "Hal", "en");
        Order theirs = loop.place(loop.newEmail("theirs"), "Ivy", "en");
        String ref = loop.customers.find(loop.shop.domain(), mine.email()).orElseThrow().referralCode();
        String url = loop.links.surveyUrl(SurveyFixture.BASE_URL, loop.shop.domain(), ref, theirs.orderId(),
                Duration.ofDays(30));
        assertThat(loop.answers().show(url.substring(url.lastIndexOf('/') + 1)))
                .isEqualTo(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.EN));
    }

    @Test
    void aPoolShopWithAnEmptyPoolStoresNothingAndAsksToTryAgainLaterThenAnUploadLetsTheAnswerThrough() {
        Order order = loop.place(loop.newEmail("pool"), "Kai", "en");
        loyaltyloop.dynamodb.DynamoCouponPool pool = loop.context.getBean(loyaltyloop.dynamodb.DynamoCouponPool.class);
        Shop poolShop = loop.shop.withCouponProvisioning(loyaltyloop.shops.LoyaltySettings.Provisioning.POOL);
        loop.saveShop(poolShop);
        try {
            SurveyAnswers answers = loop.answers(loop.issuer(List.of(pool)));
            assertThat(answers.submit(loop.token(order), form("5", "great"))).isEqualTo(new TryLater(EmailLocale.EN));
            assertThat(loop.responses.find(loop.shop.domain(), order.orderId())).isEmpty();

            pool.upload(loop.shop.domain(), List.of("SHOP-POOL-0001"));
            assertThat(codeOn(answers.submit(loop.token(order), form("5", "great")))).isEqualTo("SHOP-POOL-0001");
        } finally {
            loop.saveShop(poolShop.withCouponProvisioning(loyaltyloop.shops.LoyaltySettings.Provisioning.DEMO));
        }
    }

    @Test
    void whileTheShopCannotBeReachedTheAnswerIsTakenWithACouponStillPending() {
        Order order = loop.place(loop.newEmail("down"), "Jo", "en");
        CouponProvisioner down = SurveyFixture.unreachableShop();
        SurveyOutcome answered = loop.answers(loop.issuer(List.of(down))).submit(loop.token(order), form("5", ""));
        String code = loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().couponCode();
        assertThat(answered).isInstanceOfSatisfying(Answered.class, a -> {
            assertThat(a.coupon().code()).isEqualTo(code);
            assertThat(a.coupon().state()).as("shown as on its way, not as a code").isEqualTo(Coupon.State.PENDING);
        });
        assertThat(loop.coupons.find(loop.shop.domain(), code).orElseThrow().state()).isEqualTo(Coupon.State.PENDING);

        // The next visit, with the shop back, finishes it.
        assertThat(codeOn(loop.answers().show(loop.token(order)))).isEqualTo(code);
        assertThat(loop.checkout.exists(loop.shop.domain(), code)).isTrue();
    }
}
