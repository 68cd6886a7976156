package loyaltyloop.shops;

/**
 * What a coupon is worth: a percentage off, or a fixed amount off in the shop currency's minor units; an optional
 * minimum order; single use; valid for {@code validDays}.
 */
public record CouponTerms(Kind kind, long value, long minimumOrderMinor, int validDays) {

    public static final CouponTerms DEFAULT_SURVEY_REWARD = percentOff(20);

    public enum Kind { PERCENT, FIXED }

    public CouponTerms {
        if (kind == null) {
            throw new IllegalArgumentException("coupon kind missing");
        }
        if (kind == Kind.PERCENT && (value < 1 || value > 100)) {
            throw new IllegalArgumentException("a percentage coupon is 1-100% off");
        }
        if (kind == Kind.FIXED && value < 1) {
            throw new IllegalArgumentException("a fixed coupon is worth at least one minor unit");
        }
        if (minimumOrderMinor < 0 || validDays < 1 || validDays > 3650) {
            throw new IllegalArgumentException("minimum order must be >= 0 and validity 1-3650 days");
        }
    }

    /** {@code percent}% off, no minimum, valid 60 days. */
    public static CouponTerms percentOff(int percent) {
        return new CouponTerms(Kind.PERCENT, percent, 0, 60);
    }
}
