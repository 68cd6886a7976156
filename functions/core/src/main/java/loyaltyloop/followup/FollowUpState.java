package loyaltyloop.followup;

import java.time.Instant;

/**
 * A customer's place in the 90-45 loop.
 *
 * @param dueAt when the sweep should look at the customer next; never later than their real due time (it may be
 *     earlier: the sweep re-reads the customer and moves it). Null: not scheduled (never ordered, or unreachable).
 * @param spendBucket the spend-histogram bucket this customer is counted in; null when not counted yet
 * @param lastMarketingAt the last follow-up or survey, for the 24-hour frequency cap
 * @param bouncedAt when their address bounced (set by bounce handling); they are unreachable from then on
 * @param unreachableSince when the sweep found them unreachable and took them off the schedule
 */
public record FollowUpState(Instant dueAt, Long spendBucket, Instant lastMarketingAt, Instant bouncedAt,
        Instant unreachableSince, int followUpsSent) {

    public static final FollowUpState NONE = new FollowUpState(null, null, null, null, null, 0);

    public FollowUpState withDueAt(Instant due) {
        return new FollowUpState(due, spendBucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent);
    }

    public FollowUpState withSpendBucket(Long bucket) {
        return new FollowUpState(dueAt, bucket, lastMarketingAt, bouncedAt, unreachableSince, followUpsSent);
    }

    public FollowUpState withUnreachableSince(Instant since) {
        return new FollowUpState(dueAt, spendBucket, lastMarketingAt, bouncedAt, since, followUpsSent);
    }

    public FollowUpState withFollowUpSent(Instant at, Instant nextDue) {
        return new FollowUpState(nextDue, spendBucket, at, bouncedAt, unreachableSince, followUpsSent + 1);
    }
}
