package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.customers.Customer;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.followup.FollowUpSweep.Visit;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkSigner;
import loyaltyloop.orders.Order;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.customers.FollowUpState;

/** The survey as the sweep sends it: 14 days after the order, once, as a marketing email that counts as contact. */
@MotoTest
class SurveySweepTest {

    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");

    private LoopFixture loop;

    @BeforeEach
    void start() {
        loop = LoopFixture.start(T0);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private FollowUpSweep.Report sweep() {
        return loop.sweep().run(() -> true);
    }

    @Test
    void theSurveyGoesOutFourteenDaysAfterTheOrderWithASignedLinkAndUnsubscribe() {
        String ana = loop.newEmail("ana");
        Order order = loop.placeWithSurvey(ana, "Ana", 3_000);
        assertThat(loop.customer(ana).followUp().dueAt()).isEqualTo(T0.plus(Duration.ofDays(14)));

        loop.clock.advance(Duration.ofDays(13));
        assertThat(sweep().count(Visit.SURVEY_SENT)).isZero();
        loop.clock.advance(Duration.ofDays(1));
        Instant now = loop.clock.instant();
        assertThat(sweep().count(Visit.SURVEY_SENT)).isEqualTo(1);

        EmailMessage survey = loop.sentTo(ana).get(0);
        assertThat(survey.kind()).isEqualTo(EmailKind.SURVEY);
        assertThat(survey.kind().marketing()).isTrue();
        assertThat(survey.subject()).isEqualTo("Ana, how did your order " + order.orderName() + " go?");
        assertThat(survey.text()).contains("20% off your next order", "for 14 days");
        assertThat(survey.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String link = survey.text().lines().filter(l -> l.contains(LoopFixture.BASE_URL + "/s/")).findFirst()
                .orElseThrow();
        String token = link.substring(link.indexOf("/s/") + 3).trim();
        LinkSigner.Verification v = loop.links.signer().verify(token, LinkPurpose.SURVEY);
        assertThat(v.valid()).isTrue();
        assertThat(v.token().subject()).isEqualTo(order.orderId());
        assertThat(v.token().expiresAt()).isEqualTo(now.plus(Duration.ofDays(30)));

        // A contact: the 90-45 clock starts again from the survey, and no second survey is waiting.
        Customer after = loop.customer(ana);
        assertThat(after.lastContactAt()).isEqualTo(now);
        assertThat(after.followUp().lastMarketingAt()).isEqualTo(now);
        assertThat(after.followUp().survey().lastSentAt()).isEqualTo(now);
        assertThat(after.followUp().survey().dueAt()).isNull();
        assertThat(after.followUp().followUpsSent()).isZero();
        assertThat(after.followUp().dueAt()).isEqualTo(now.plus(Duration.ofDays(45)));
    }

    @Test
    void aSecondSweepSendsNoSecondSurvey() {
        String bo = loop.newEmail("bo");
        loop.placeWithSurvey(bo, "Bo", 3_000);
        loop.clock.advance(Duration.ofDays(14));
        sweep();
        sweep();
        loop.clock.advance(Duration.ofHours(2));
        sweep();
        assertThat(loop.sentTo(bo)).hasSize(1);
    }

    @Test
    void noSecondSurveyWithinSixtyDaysButTheFollowUpsCarryOn() {
        String cy = loop.newEmail("cy");
        loop.placeWithSurvey(cy, "Cy", 3_000);
        loop.clock.advance(Duration.ofDays(14));
        sweep();
        loop.clock.advance(Duration.ofDays(10));
        loop.placeWithSurvey(cy, "Cy", 3_000); // its survey would come 38 days after the last one
        assertThat(loop.customer(cy).followUp().survey().dueAt()).isNull();

        loop.clock.advance(Duration.ofDays(45));
        sweep();
        assertThat(loop.sentTo(cy)).extracting(EmailMessage::kind)
                .containsExactly(EmailKind.SURVEY, EmailKind.FOLLOW_UP);
    }

    @Test
    void anUnsubscribedCustomerGetsNoSurvey() {
        String di = loop.newEmail("di");
        loop.placeWithSurvey(di, "Di", 3_000);
        loop.accounts.unsubscribe(loop.shop.domain(), di);
        loop.clock.advance(Duration.ofDays(14));
        assertThat(sweep().count(Visit.UNREACHABLE)).isEqualTo(1);
        assertThat(loop.sentTo(di)).isEmpty();
    }

    @Test
    void aSurveyWithinTwentyFourHoursOfAFollowUpWaitsForTheCap() {
        String ed = loop.newEmail("ed");
        loop.placeWithSurvey(ed, "Ed", 3_000);
        loop.clock.advance(Duration.ofDays(14));
        Instant followUpAt = loop.clock.instant().minus(Duration.ofHours(2));
        Customer c = loop.customer(ed);
        FollowUpState s = c.followUp();
        assertThat(loop.customers.saveIfUnchanged(c.withFollowUp(new FollowUpState(s.dueAt(), s.spendBucket(),
                followUpAt, null, null, 1, s.survey()), c.lastContactAt()))).isTrue();

        assertThat(sweep().count(Visit.DEFERRED)).isEqualTo(1);
        assertThat(loop.sentTo(ed)).isEmpty();
        loop.clock.set(followUpAt.plus(Duration.ofHours(24)));
        assertThat(sweep().count(Visit.SURVEY_SENT)).isEqualTo(1);
    }

    @Test
    void aCancelledOrderIsNotSurveyed() {
        String flo = loop.newEmail("flo");
        Order order = loop.placeWithSurvey(flo, "Flo", 3_000);
        loop.scheduler.reconcile(loop.shop.domain(), flo, FollowUpScheduler.Prompt.cancelled(order.orderId()));
        loop.clock.advance(Duration.ofDays(14));
        sweep();
        assertThat(loop.sentTo(flo)).isEmpty();
        assertThat(loop.customer(flo).followUp().survey().dueAt()).isNull();
    }
}
