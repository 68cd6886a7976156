package loyaltyloop.points;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import loyaltyloop.shops.LoyaltySettings.ReferralSettings;

/**
 * The points arithmetic, pure. A converted referral earns {@code pointsPerReferral}, times {@code tenureMultiplier}
 * when the referrer has been a customer for at least {@code tenureDays}, times {@code topMultiplier} when the
 * referrer is in the shop's top 10% by lifetime net spend; the product is rounded down. Clawbacks are proportional
 * to the refunded share of the referred order, rounded down, counted cumulatively so that refunds adding up to the
 * whole order take the whole credit back.
 */
public final class PointsRules {

    private PointsRules() {
    }

    /** What a conversion earns, and why. */
    public record Credit(long points, boolean tenure, boolean top) {
    }

    public static Credit credit(ReferralSettings settings, Instant referrerFirstOrderAt, boolean referrerInTopTen,
            Instant now) {
        boolean tenure = referrerFirstOrderAt != null
                && !referrerFirstOrderAt.plus(Duration.ofDays(settings.tenureDays())).isAfter(now);
        double multiplier = (tenure ? settings.tenureMultiplier() : 1.0) * (referrerInTopTen ? settings.topMultiplier() : 1.0);
        // The tiny epsilon keeps 500 × 1.5 × 2 at exactly 1500 despite binary floating point.
        long points = (long) Math.floor(settings.pointsPerReferral() * multiplier + 1e-9);
        return new Credit(points, tenure, referrerInTopTen);
    }

    /**
     * The points a conversion should have lost once {@code refundedMinor} of its {@code orderTotalMinor} is refunded:
     * {@code floor(credited × refunded / total)}, all of it for a full refund (or an order with no total).
     */
    public static long clawbackTarget(long credited, long orderTotalMinor, long refundedMinor) {
        if (refundedMinor <= 0) {
            return 0;
        }
        if (orderTotalMinor <= 0 || refundedMinor >= orderTotalMinor) {
            return credited;
        }
        return BigInteger.valueOf(credited).multiply(BigInteger.valueOf(refundedMinor))
                .divide(BigInteger.valueOf(orderTotalMinor)).longValueExact();
    }

    /** Whether a refund at {@code at} of an order placed at {@code orderPlacedAt} is still inside the window. */
    public static boolean withinClawbackWindow(ReferralSettings settings, Instant orderPlacedAt, Instant at) {
        return orderPlacedAt == null || !at.isAfter(orderPlacedAt.plus(Duration.ofDays(settings.clawbackDays())));
    }
}
