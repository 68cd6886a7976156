package loyaltyloop.coupons;

import java.time.Instant;
import loyaltyloop.shops.CouponTerms;

/**
 * A single-use coupon issued to one customer of one shop.
 *
 * @param code unique per shop; the coupon's identity, here and at the shop's checkout
 * @param origin why it was issued
 * @param reference what it was issued for: the surveyed order's id, the points redemption's id
 * @param currency the shop currency a fixed amount or minimum order is in
 * @param state PENDING until the code works at checkout
 */
public record Coupon(
        String shop,
        String code,
        String email,
        CouponTerms terms,
        String currency,
        Origin origin,
        String reference,
        State state,
        Instant createdAt,
        Instant expiresAt,
        String redeemedOrderId,
        Instant redeemedAt) {

    public enum Origin { SURVEY, POINTS }

    public enum State {
        /** Stored, not yet confirmed at the shop's checkout: never shown to the customer as usable. */
        PENDING,
        /** Works at checkout. */
        ISSUED,
        /** Used on an order. */
        REDEEMED
    }

    public boolean usable() {
        return state == State.ISSUED || state == State.REDEEMED;
    }

    public Coupon issued() {
        return new Coupon(shop, code, email, terms, currency, origin, reference, State.ISSUED, createdAt, expiresAt,
                null, null);
    }
}
