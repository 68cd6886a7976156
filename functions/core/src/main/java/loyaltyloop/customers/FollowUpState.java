package loyaltyloop.customers;

import java.time.Instant;
import loyaltyloop.ladder.LadderPosition;

/**
 * A customer's place in the 90-45 loop.
 *
 * @param dueAt when the sweep should look at the customer next: the earlier of their follow-up (a lower bound: it
 *     may be early, the sweep re-reads the customer and moves it) and their survey. Null: not scheduled (never
 *     ordered, or unreachable).
 * @param spendBucket the spend-histogram bucket this customer is counted in; null when not counted yet
 * @param lastMarketingAt the last follow-up or survey, for the 24-hour frequency cap
 * @param bouncedAt when their address bounced (set by bounce handling); they are unreachable from then on
 * @param unreachableSince when the sweep found them unreachable and took them off the schedule
 * @param survey the survey waiting to go out, and the last one sent
 * @param ladder where the customer is counted on the loyalty ladder; null when not counted yet
 */
public record FollowUpState(Instant dueAt, Long spendBucket, Instant lastMarketingAt, Instant bouncedAt,
        Instant unreachableSince, int followUpsSent, SurveyState survey, LadderPosition ladder) {

    public static final FollowUpState NONE = new FollowUpState(null, null, null, null, null, 0, SurveyState.NONE);

    public FollowUpState {
        survey = survey == null ? SurveyState.NONE : survey;
    }

    public FollowUpState(Instant dueAt, Long spendBucket, Instant lastMarketingAt, Instant bouncedAt,
            Instant unreachableSince, int followUpsSent, SurveyState survey) {
        this(dueAt, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent, survey, null);
    }

    public FollowUpState(Instant dueAt, Long spendBucket, Instant lastMarketingAt, Instant bouncedAt,
            Instant unreachableSince, int followUpsSent) {
        this(dueAt, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent, SurveyState.NONE);
    }

    /**
     * @param dueAt when the survey about {@code orderId} should go out; null when none is waiting
     * @param lastSentAt when the last survey went out, for the one-per-60-days rule
     */
    public record SurveyState(Instant dueAt, String orderId, Instant lastSentAt) {
        public static final SurveyState NONE = new SurveyState(null, null, null);

        public SurveyState sent(Instant at) {
            return new SurveyState(null, orderId, at);
        }

        /** Nothing waiting any more; the order is kept so a repeated event for it does not schedule it again. */
        public SurveyState dropped() {
            return new SurveyState(null, orderId, lastSentAt);
        }
    }

    /** When the sweep should next look: the earlier of the follow-up due time and the waiting survey. */
    public static Instant nextVisit(Instant followUpDue, SurveyState survey) {
        if (survey.dueAt() == null) {
            return followUpDue;
        }
        return followUpDue == null || survey.dueAt().isBefore(followUpDue) ? survey.dueAt() : followUpDue;
    }

    public FollowUpState withDueAt(Instant due) {
        return new FollowUpState(due, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent, survey, ladder);
    }

    /** Their address bounced (for good, or often enough that marketing stops): the sweep takes them off. */
    public FollowUpState withBouncedAt(Instant at) {
        return new FollowUpState(dueAt, spendBucket, lastMarketingAt, at, unreachableSince, followUpsSent, survey);
    }

    public FollowUpState withSpendBucket(Long bucket) {
        return new FollowUpState(dueAt, bucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent, survey, ladder);
    }

    public FollowUpState withUnreachableSince(Instant since) {
        return new FollowUpState(dueAt, spendBucket, lastMarketingAt, bouncedAt, since, followUpsSent, survey, ladder);
    }

    public FollowUpState withSurvey(SurveyState newSurvey) {
        return new FollowUpState(dueAt, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent,
                newSurvey, ladder);
    }

    public FollowUpState withFollowUpSent(Instant at, Instant nextDue) {
        return new FollowUpState(nextDue, spendBucket, at, bouncedAt, unreachableSince, followUpsSent + 1, survey, ladder);
    }

    /** A survey went out at {@code at}: a marketing contact like a follow-up, but not counted as one. */
    public FollowUpState withSurveySent(Instant at, Instant nextFollowUpDue) {
        return new FollowUpState(nextFollowUpDue, spendBucket, at, bouncedAt, unreachableSince, followUpsSent,
                survey.sent(at), ladder);
    }

    public FollowUpState withLadder(LadderPosition position) {
        return new FollowUpState(dueAt, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent,
                survey, position);
    }
}
