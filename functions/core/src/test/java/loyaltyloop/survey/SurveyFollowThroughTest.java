package loyaltyloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MotoTest
class SurveyFollowThroughTest {

    private static SurveyFixture loop;

    @BeforeAll
    static void start() {
        loop = SurveyFixture.start();
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static Order answered(String who, String firstName, int rating, String comment, String locale) {
        Order order = loop.place(loop.newEmail(who), firstName, locale);
        loop.answers().submit(loop.token(order), SurveyAnswers.Submission.of(String.valueOf(rating), comment));
        return order;
    }

    private static List<EmailKind> kindsTo(String email) {
        return loop.sentTo(email).stream().map(EmailMessage::kind).toList();
    }

    private static String code(Order order) {
        return loop.responses.find(loop.shop.domain(), order.orderId()).orElseThrow().couponCode();
    }

    @Test
    void aHappyAnswerGetsTheCouponByEmailAndNothingElse() {
        Order order = answered("happy", "Ana", 5, "Perfect", "en");

        loop.followThrough().handle(loop.shop.domain(), order.orderId());

        assertThat(kindsTo(order.email())).containsExactly(EmailKind.COUPON);
        EmailMessage coupon = loop.sentTo(order.email()).get(0);
        assertThat(coupon.subject()).isEqualTo("Your code for 20% off at Demo Shop");
        assertThat(coupon.text()).contains(code(order), "20% off one order", "single use");
        assertThat(coupon.html()).contains(code(order));
        assertThat(loop.sentTo(loop.shop.ownerEmail())).isEmpty();
        // The email is a contact: the 90-45 clock starts again from it.
        assertThat(loop.customers.find(loop.shop.domain(), order.email()).orElseThrow().lastContactAt())
                .isEqualTo(loop.clock.instant());
    }

    @Test
    void aRatingOfTwoApologisesToTheCustomerAlertsTheOwnerAndMakesThemADigestPick() {
        Order order = answered("unhappy", "Bo", 2, "Arrived <b>broken</b>", "en");
        LocalDate today = loop.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();

        loop.followThrough().handle(loop.shop.domain(), order.orderId());

        assertThat(kindsTo(order.email())).containsExactlyInAnyOrder(EmailKind.COUPON, EmailKind.SERVICE_RECOVERY);
        EmailMessage apology = loop.sentTo(order.email()).stream()
                .filter(m -> m.kind() == EmailKind.SERVICE_RECOVERY).findFirst().orElseThrow();
        assertThat(apology.subject()).isEqualTo("We're sorry about your order " + order.orderName());
        assertThat(apology.text()).contains("will get in touch", code(order));
        assertThat(apology.replyTo()).isEqualTo(loop.shop.ownerEmail());

        EmailMessage alert = loop.sent.stream().filter(m -> m.kind() == EmailKind.OWNER_ALERT
                && m.replyTo().equals(order.email())).findFirst().orElseThrow();
        assertThat(alert.to()).isEqualTo(loop.shop.ownerEmail());
        assertThat(alert.subject()).contains("2/5", order.orderName());
        assertThat(alert.text()).contains("Arrived <b>broken</b>", order.email(), "$49.90");
        assertThat(alert.html()).contains("Arrived &lt;b&gt;broken&lt;/b&gt;").doesNotContain("<b>broken");
        assertThat(loop.loopStats.notes(loop.shop.domain(), today))
                .contains(new LoopStats.DigestNote(LoopStats.DigestNote.LOW_RATING, order.email(), order.orderId()));
    }

    @Test
    void theSameEventTwiceOrSixTimesAtOnceSendsEachEmailOnce() throws Exception {
        Order order = answered("twice", "Cy", 1, "", "en");
        SurveyFollowThrough followThrough = loop.followThrough();

        followThrough.handle(loop.shop.domain(), order.orderId());
        followThrough.handle(loop.shop.domain(), order.orderId());
        Order raced = answered("raced", "Di", 1, "", "en");
        Concurrently.run(6, () -> followThrough.handle(loop.shop.domain(), raced.orderId()));

        assertThat(kindsTo(order.email())).containsExactlyInAnyOrder(EmailKind.COUPON, EmailKind.SERVICE_RECOVERY);
        assertThat(kindsTo(raced.email())).containsExactlyInAnyOrder(EmailKind.COUPON, EmailKind.SERVICE_RECOVERY);
        assertThat(loop.sent.stream().filter(m -> m.kind() == EmailKind.OWNER_ALERT
                && (m.replyTo().equals(order.email()) || m.replyTo().equals(raced.email())))).hasSize(2);
    }

    @Test
    void noCouponEmailGoesOutBeforeTheCodeWorksAtCheckoutAndTheRetrySendsIt() {
        CouponProvisioner flaky = SurveyFixture.unreachableShop();
        Order order = loop.place(loop.newEmail("flaky"), "Ed", "en");
        loop.answers(loop.issuer(List.of(flaky))).submit(loop.token(order), SurveyAnswers.Submission.of("5", null));

        assertThatThrownBy(() -> loop.followThrough(loop.issuer(List.of(flaky)), loop.ses)
                .handle(loop.shop.domain(), order.orderId())).isInstanceOf(ProvisioningException.class);
        assertThat(loop.sentTo(order.email())).isEmpty();

        loop.followThrough().handle(loop.shop.domain(), order.orderId());
        assertThat(kindsTo(order.email())).containsExactly(EmailKind.COUPON);
        assertThat(loop.checkout.exists(loop.shop.domain(), code(order))).isTrue();
    }

    @Test
    void aFailedSendGivesItsClaimBackSoTheRetrySendsIt() {
        Order order = answered("retry", "Flo", 4, "", "en");
        assertThatThrownBy(() -> loop.followThrough(loop.issuer(), m -> {
            throw new IllegalStateException("SES throttled");
        }).handle(loop.shop.domain(), order.orderId())).isInstanceOf(IllegalStateException.class);

        loop.followThrough().handle(loop.shop.domain(), order.orderId());
        assertThat(kindsTo(order.email())).containsExactly(EmailKind.COUPON);
    }

    @Test
    void theEmailsSpeakTheCustomersLanguageAndTheAlertTheShops() {
        Order order = answered("zh", "美玲", 1, "包裝破損", "zh-CN");
        loop.followThrough().handle(loop.shop.domain(), order.orderId());
        List<EmailMessage> mine = loop.sentTo(order.email());
        assertThat(mine).extracting(EmailMessage::subject).anyMatch(s -> s.contains("8 折优惠"))
                .anyMatch(s -> s.contains("我们很抱歉"));
        EmailMessage alert = loop.sent.stream().filter(m -> m.kind() == EmailKind.OWNER_ALERT
                && m.replyTo().equals(order.email())).findFirst().orElseThrow();
        assertThat(alert.subject()).contains("rated order"); // the shop's default locale is English
        assertThat(alert.text()).contains("包裝破損");
    }

    @Test
    void anUnknownSurveyChangesNothing() {
        assertThat(loop.followThrough().handle(loop.shop.domain(), "no-such-order"))
                .isEqualTo(SurveyFollowThrough.Outcome.UNKNOWN);
        assertThat(loop.followThrough().handle("nowhere.myshopify.com", "1"))
                .isEqualTo(SurveyFollowThrough.Outcome.UNKNOWN);
    }
}
