package loyaltyloop.coupons;

import java.time.Instant;
import java.util.Optional;

/** Where coupons are kept, by (shop, code). */
public interface CouponStore {

    Optional<Coupon> find(String shop, String code);

    /** Stores a new coupon; false when the shop already has that code. */
    boolean create(Coupon coupon);

    /** PENDING → ISSUED; false when it was not PENDING (someone else finished it). */
    boolean markIssued(String shop, String code);

    /** ISSUED → REDEEMED by that order; false when it was not ISSUED (already redeemed, or never issued). */
    boolean markRedeemed(String shop, String code, String orderId, Instant at);
}
