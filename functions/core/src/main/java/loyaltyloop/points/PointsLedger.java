package loyaltyloop.points;

import loyaltyloop.points.Conversion;
import java.util.List;
import java.util.Optional;
import loyaltyloop.coupons.Coupon;

/**
 * Every customer's append-only points ledger and its balance, kept together: each change writes the entry, the
 * balance and what caused it (the conversion, the coupon) in one transaction, and no balance ever goes below zero.
 */
public interface PointsLedger {

    /** A balance and its ledger, newest entry first. */
    record Statement(long balance, List<LedgerEntry> entries) {
    }

    Statement statement(String shop, String email);

    long balance(String shop, String email);

    Optional<LedgerEntry> findEntry(String shop, String email, LedgerEntry.Reason reason, String reference);

    Optional<Conversion> findConversion(String shop, String orderId);

    /** Records a conversion that earns nothing (self-referral); false when the order already has one. */
    boolean recordRejected(Conversion conversion);

    /**
     * Stores the conversion and its referral entry and adds the points to the referrer's balance, atomically.
     * Empty when the order was already credited (a repeated or concurrent delivery); else the new balance.
     */
    Optional<Long> credit(Conversion conversion, LedgerEntry entry);

    /** Notes that the referrer's points email for this conversion failed and is owed. */
    void markNotifyPending(String shop, String orderId);

    /** Takes the owed email on (exactly one caller gets true); false when none is owed. */
    boolean claimNotifyPending(String shop, String orderId);

    enum Change { APPLIED, ALREADY_APPLIED, CONFLICT }

    /**
     * Applies a clawback: the conversion moves from {@code before} to {@code after} (conditional on its version),
     * the entry is added (conditional on its absence) and the balance goes from {@code balanceBefore} down by the
     * entry's points (conditional on the balance still being {@code balanceBefore}). An entry with no points changes
     * only the conversion. CONFLICT when anything moved meanwhile: read again and retry.
     */
    Change clawback(Conversion before, Conversion after, LedgerEntry entry, long balanceBefore);

    enum Redemption { REDEEMED, NOT_ENOUGH_POINTS, ALREADY_REDEEMED }

    /**
     * Debits the entry's points and stores the coupon, atomically, only while the balance covers it; the coupon
     * draft is not discarded here.
     */
    Redemption redeem(String shop, String email, LedgerEntry entry, Coupon coupon);
}
