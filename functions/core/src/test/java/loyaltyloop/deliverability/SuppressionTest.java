package loyaltyloop.deliverability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.email.EmailKind;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class SuppressionTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPermanentBounceStopsEveryKindOfEmail() {
        Suppression s = Suppression.NONE.withPermanentBounce(T);
        for (EmailKind kind : EmailKind.values()) {
            assertThat(s.blocks(kind)).as("%s", kind).isTrue();
        }
    }

    @Test
    void aComplaintStopsMarketingButNotOrderEmails() {
        Suppression s = Suppression.NONE.withComplaint(T);
        assertThat(s.blocks(EmailKind.FOLLOW_UP)).isTrue();
        assertThat(s.blocks(EmailKind.SURVEY)).isTrue();
        assertThat(s.blocks(EmailKind.AFFIRMATION)).isFalse();
        assertThat(s.blocks(EmailKind.COUPON)).isFalse();
    }

    @Test
    void threeTransientBouncesWithinThirtyDaysStopMarketingOnly() {
        Suppression s = Suppression.NONE.withTransientBounce(T).withTransientBounce(T.plus(Duration.ofDays(10)));
        assertThat(s.stopsMarketing()).isFalse();
        s = s.withTransientBounce(T.plus(Duration.ofDays(29)));
        assertThat(s.stopsMarketing()).isTrue();
        assertThat(s.marketingStoppedAt()).isEqualTo(T.plus(Duration.ofDays(29)));
        assertThat(s.blocks(EmailKind.AFFIRMATION)).isFalse();
    }

    @Test
    void transientBouncesSpreadOverMoreThanThirtyDaysDoNotAddUp() {
        Suppression s = Suppression.NONE.withTransientBounce(T)
                .withTransientBounce(T.plus(Duration.ofDays(20)))
                .withTransientBounce(T.plus(Duration.ofDays(31)));
        assertThat(s.stopsMarketing()).isFalse();
        assertThat(s.transientBounces()).hasSize(2); // the first fell out of the window
        assertThat(s.withTransientBounce(T.plus(Duration.ofDays(40))).stopsMarketing()).isTrue();
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        Suppression once = Suppression.NONE.withTransientBounce(T);
        assertThat(once.withTransientBounce(T)).isSameAs(once);
        Suppression bounced = Suppression.NONE.withPermanentBounce(T);
        assertThat(bounced.withPermanentBounce(T.plusSeconds(5))).isSameAs(bounced);
        Suppression complained = Suppression.NONE.withComplaint(T);
        assertThat(complained.withComplaint(T.plusSeconds(5))).isSameAs(complained);
    }

    @Test
    void ratesSitBesideSesThresholds() {
        MailHealth week = new MailHealth(190, 10, 1);
        assertThat(week.bounceRate()).isEqualTo(0.05);
        assertThat(week.bounceRateOverThreshold()).isFalse();
        assertThat(week.complaintRate()).isEqualTo(1.0 / 190);
        assertThat(week.complaintRateOverThreshold()).isTrue();
        assertThat(new MailHealth(0, 0, 0).bounceRate()).isNull();
        assertThat(new MailHealth(0, 0, 0).anything()).isFalse();
    }
}
