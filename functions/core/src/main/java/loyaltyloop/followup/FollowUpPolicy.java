package loyaltyloop.followup;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.shops.ConsentMode;

/**
 * The 90-45 rule as plain functions: no customer goes more than 90 days without hearing from the shop, the shop's
 * top 10% by lifetime net spend no more than 45. Every contact (an order, any email we send) resets the clock.
 */
public final class FollowUpPolicy {

    public static final Duration REGULAR_LIMIT = Duration.ofDays(90);
    public static final Duration TOP_LIMIT = Duration.ofDays(45);
    /** At most one marketing email (follow-up, survey) per customer in this window; later ones wait. */
    public static final Duration FREQUENCY_CAP = Duration.ofHours(24);
    /**
     * Customers in this top share are checked at 45 days (and mailed only if in the top 10% then): a customer
     * can enter the top 10% without ordering again when others are refunded or the shop grows.
     */
    public static final int CHECK_EARLY_PERCENT = 20;
    public static final int TOP_PERCENT = 10;

    private FollowUpPolicy() {
    }

    public static Duration limit(boolean top) {
        return top ? TOP_LIMIT : REGULAR_LIMIT;
    }

    /** When a customer last contacted at {@code lastContact} must hear from the shop again. */
    public static Instant dueAt(Instant lastContact, boolean top) {
        return lastContact.plus(limit(top));
    }

    /**
     * A sweep sends what falls due before its next run, so no gap exceeds the limit: due when the due time is
     * before {@code now + sweepInterval}.
     */
    public static boolean dueBy(Instant dueAt, Instant now, Duration sweepInterval) {
        return dueAt != null && dueAt.isBefore(now.plus(sweepInterval));
    }

    /** Where the frequency cap holds a marketing email back to, or null when it may go now. */
    public static Instant heldBackUntil(Instant lastMarketingAt, Instant now) {
        if (lastMarketingAt == null) {
            return null;
        }
        Instant release = lastMarketingAt.plus(FREQUENCY_CAP);
        return release.isAfter(now) ? release : null;
    }

    public enum Reachability { REACHABLE, UNSUBSCRIBED, NO_CONSENT, BOUNCED }

    /** Whether marketing email may go to the customer under the shop's consent mode. */
    public static Reachability reachability(Customer customer, ConsentMode mode) {
        if (customer.unsubscribed()) {
            return Reachability.UNSUBSCRIBED;
        }
        if (customer.followUp().bouncedAt() != null) {
            return Reachability.BOUNCED;
        }
        MarketingConsent consent = customer.marketingConsent();
        boolean allowed = mode == ConsentMode.EXPLICIT
                ? consent == MarketingConsent.GRANTED
                : consent != MarketingConsent.DENIED;
        return allowed ? Reachability.REACHABLE : Reachability.NO_CONSENT;
    }
}
