package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.customers.FollowUpState.SurveyState;
import loyaltyloop.shops.LoyaltySettings.SurveySettings;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import loyaltyloop.customers.FollowUpState;

@UnitTest
class SurveyScheduleTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final SurveySettings DEFAULTS = SurveySettings.DEFAULTS;

    private static SurveyState placed(SurveyState before, String orderId, Instant at, SurveySettings settings) {
        return SurveySchedule.after(before, FollowUpScheduler.Prompt.placed(orderId, false, at), settings, NOW);
    }

    @Test
    void anOrderIsSurveyedFourteenDaysLaterByDefault() {
        SurveyState after = placed(SurveyState.NONE, "1001", NOW, DEFAULTS);
        assertThat(after).isEqualTo(new SurveyState(NOW.plus(Duration.ofDays(14)), "1001", null));
    }

    @Test
    void theShopsDelayIsUsedAndADisabledSurveyIsNeverScheduled() {
        assertThat(placed(SurveyState.NONE, "1001", NOW, new SurveySettings(true, 3, 30)).dueAt())
                .isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(placed(SurveyState.NONE, "1001", NOW, new SurveySettings(false, 14, 30)))
                .isSameAs(SurveyState.NONE);
    }

    @Test
    void aSurveyAlreadyWaitingStandsWhenAnotherOrderComes() {
        SurveyState waiting = placed(SurveyState.NONE, "1001", NOW, DEFAULTS);
        assertThat(placed(waiting, "1002", NOW.plus(Duration.ofDays(5)), DEFAULTS)).isSameAs(waiting);
    }

    @Test
    void noSecondSurveyWithinSixtyDaysOfTheLast() {
        SurveyState sent = new SurveyState(null, "1001", NOW.minus(Duration.ofDays(30)));
        // 14 days from now is 44 days after the last survey: too soon.
        assertThat(placed(sent, "1002", NOW, DEFAULTS)).isSameAs(sent);
        // An order placed so that its survey lands 60 days after the last one is asked about.
        Instant later = NOW.minus(Duration.ofDays(30)).plus(Duration.ofDays(60)).minus(Duration.ofDays(14));
        assertThat(placed(sent, "1003", later, DEFAULTS).dueAt()).isEqualTo(later.plus(Duration.ofDays(14)));
    }

    @Test
    void aRepeatedEventForTheSameOrderChangesNothing() {
        SurveyState sent = new SurveyState(null, "1001", NOW.minus(Duration.ofDays(100)));
        assertThat(placed(sent, "1001", NOW, DEFAULTS)).isSameAs(sent);
    }

    @Test
    void cancellingTheSurveyedOrderDropsItsSurveyAndOnlyThat() {
        SurveyState waiting = placed(SurveyState.NONE, "1001", NOW, DEFAULTS);
        assertThat(SurveySchedule.after(waiting, FollowUpScheduler.Prompt.cancelled("1001"), DEFAULTS, NOW).dueAt())
                .isNull();
        assertThat(SurveySchedule.after(waiting, FollowUpScheduler.Prompt.cancelled("1002"), DEFAULTS, NOW))
                .isSameAs(waiting);
        SurveyState dropped = SurveySchedule.after(waiting, FollowUpScheduler.Prompt.cancelled("1001"), DEFAULTS, NOW);
        assertThat(placed(dropped, "1001", NOW, DEFAULTS)).as("a late repeat of the cancelled order").isSameAs(dropped);
    }

    @Test
    void anOrderLongPastItsSurveyDayIsNotAskedAbout() {
        assertThat(placed(SurveyState.NONE, "1001", NOW.minus(Duration.ofDays(22)), DEFAULTS))
                .isSameAs(SurveyState.NONE);
        assertThat(placed(SurveyState.NONE, "1001", NOW.minus(Duration.ofDays(20)), DEFAULTS).dueAt())
                .isEqualTo(NOW.minus(Duration.ofDays(6)));
    }

    @Test
    void theSweepLooksAtTheEarlierOfFollowUpAndSurvey() {
        Instant followUp = NOW.plus(Duration.ofDays(45));
        assertThat(FollowUpState.nextVisit(followUp, new SurveyState(NOW.plus(Duration.ofDays(14)), "1", null)))
                .isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(FollowUpState.nextVisit(followUp, new SurveyState(NOW.plus(Duration.ofDays(50)), "1", null)))
                .isEqualTo(followUp);
        assertThat(FollowUpState.nextVisit(followUp, SurveyState.NONE)).isEqualTo(followUp);
    }
}
