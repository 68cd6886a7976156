package loyaltyloop.points;

import java.util.List;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.shops.Shop;

/**
 * What a points link showed ({@link PointsPages#statement}), or what exchanging points for a coupon did
 * ({@link PointsPages#redeem}).
 */
public sealed interface PointsOutcome {

    /**
     * The balance and the ledger, newest first, and what the points buy.
     *
     * @param redemptionId a new redemption's id, for the statement's forms: sending one form twice redeems once
     */
    record Statement(Shop shop, EmailLocale locale, long balance, List<LedgerEntry> entries, String redemptionId)
            implements PointsOutcome {
    }

    /** Points became this coupon, which works at the shop's checkout; {@code balance} is what is left. */
    record Redeemed(Shop shop, EmailLocale locale, Coupon coupon, long balance) implements PointsOutcome {
    }

    /** Points are debited for a coupon the shop has not confirmed yet; the same redemption again finishes it. */
    record CouponPreparing(EmailLocale locale, long points, String redemptionId) implements PointsOutcome {
    }

    /** The reward costs more than the balance; nothing changed. */
    record NotEnoughPoints(EmailLocale locale, long needed, long balance) implements PointsOutcome {
    }

    /** The form named no reward the shop offers; nothing changed. */
    record UnknownReward(EmailLocale locale) implements PointsOutcome {
    }

    /** No coupon can be made right now (the shop's checkout did not answer); nothing changed. */
    record TryLater(EmailLocale locale) implements PointsOutcome {
    }

    /** The link cannot be used; nothing changed. {@code shop} is the shop the link names, when we know it. */
    record LinkRefused(LinkProblem problem, EmailLocale locale, Shop shop) implements PointsOutcome {
    }
}
