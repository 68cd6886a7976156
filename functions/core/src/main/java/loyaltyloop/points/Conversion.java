package loyaltyloop.points;

import java.time.Instant;
import java.util.Set;

/**
 * What became of a referred order: credited to the referrer, or rejected with its reason (self-referral). One per
 * (shop, order): its conditional creation is what makes a conversion count once. It keeps what clawbacks need.
 *
 * @param referrerEmail the referrer's customer key
 * @param points credited (0 when rejected)
 * @param refundedMinor how much of the order has been refunded so far (counted refunds only)
 * @param clawedPoints how many of {@code points} refunds and cancellation have accounted for (taken or short)
 * @param appliedRefunds the refund ids (and {@code cancel}) already applied
 * @param version optimistic-concurrency version of the clawback state
 * @param notifyPending the referrer's points email failed and is owed: the next delivery of the order sends it
 */
public record Conversion(String shop, String orderId, String referrerEmail, String code, Source source,
        Status status, String rejectReason, long points, long orderTotalMinor, String currency, Instant orderPlacedAt,
        Instant at, long refundedMinor, long clawedPoints, Set<String> appliedRefunds, long version,
        boolean notifyPending) {

    public enum Status { CREDITED, REJECTED }

    public Conversion {
        appliedRefunds = appliedRefunds == null ? Set.of() : Set.copyOf(appliedRefunds);
    }

    /** A conversion with no email owed. */
    public Conversion(String shop, String orderId, String referrerEmail, String code, Source source,
            Status status, String rejectReason, long points, long orderTotalMinor, String currency,
            Instant orderPlacedAt, Instant at, long refundedMinor, long clawedPoints, Set<String> appliedRefunds,
            long version) {
        this(shop, orderId, referrerEmail, code, source, status, rejectReason, points, orderTotalMinor, currency,
                orderPlacedAt, at, refundedMinor, clawedPoints, appliedRefunds, version, false);
    }

    public Conversion withClawback(String refundRef, long newRefundedMinor, long newClawedPoints) {
        java.util.Set<String> applied = new java.util.HashSet<>(appliedRefunds);
        applied.add(refundRef);
        return new Conversion(shop, orderId, referrerEmail, code, source, status, rejectReason, points, orderTotalMinor,
                currency, orderPlacedAt, at, newRefundedMinor, newClawedPoints, applied, version + 1, notifyPending);
    }

    /** Where a code was found; stored with the conversion. */
    public enum Source {
        ATTRIBUTE("attribute"), LANDING_SITE("landing-site"), DISCOUNT_CODE("discount-code");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Source fromWireName(String name) {
            for (Source s : values()) {
                if (s.wireName.equals(name)) {
                    return s;
                }
            }
            return null;
        }
    }
}
