package loyaltyloop.followup;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.customers.FollowUpState.SurveyState;
import loyaltyloop.shops.LoyaltySettings.SurveySettings;

/**
 * When a customer is asked how an order went: {@code delayDays} after the order, at most one survey per customer
 * per 60 days. A survey already waiting stands (a later order does not push it out, or a frequent customer would
 * never be asked); a cancelled order's survey is dropped. Sending it is the sweep's job, like a follow-up.
 */
public final class SurveySchedule {

    public static final Duration MIN_GAP = Duration.ofDays(60);
    /** An order this much past its survey day (a late event, an imported history) is not asked about any more. */
    public static final Duration STALE = Duration.ofDays(7);

    private SurveySchedule() {
    }

    /** The survey state after {@code prompt}; the same object when nothing changes. */
    static SurveyState after(SurveyState survey, FollowUpScheduler.Prompt prompt, SurveySettings settings,
            Instant now) {
        String orderId = prompt.orderId();
        if (orderId == null) {
            return survey;
        }
        if (prompt.cancelled()) {
            return survey.dueAt() != null && orderId.equals(survey.orderId()) ? survey.dropped() : survey;
        }
        if (prompt.placedAt() == null || !settings.enabled() || survey.dueAt() != null
                || orderId.equals(survey.orderId())) {
            return survey;
        }
        Instant at = prompt.placedAt().plus(Duration.ofDays(settings.delayDays()));
        if (tooSoonAfter(survey.lastSentAt(), at) || at.isBefore(now.minus(STALE))) {
            return survey;
        }
        return new SurveyState(at, orderId, survey.lastSentAt());
    }

    /** Whether a survey at {@code at} would come within 60 days of the last one. */
    public static boolean tooSoonAfter(Instant lastSentAt, Instant at) {
        return lastSentAt != null && at.isBefore(lastSentAt.plus(MIN_GAP));
    }
}
