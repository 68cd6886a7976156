package loyaltyloop.coupons;

/** Names of the coupon events on the bus. */
public final class CouponEvents {

    public static final String SOURCE = "loyalty-loop.coupons";
    public static final String COUPON_ISSUED = "CouponIssued";
    public static final String COUPON_REDEEMED = "CouponRedeemed";

    private CouponEvents() {
    }
}
