package loyaltyloop.points;

import java.time.Instant;

/**
 * One line of a customer's points ledger, never changed once written. {@code (reason, reference)} identifies it:
 * the same credit, clawback or redemption is written at most once.
 *
 * @param points signed: credits positive, clawbacks and redemptions negative
 * @param reference the referred order id ({@code referral}), {@code <order id>:<refund id or "cancel">}
 *     ({@code clawback}), the redemption id ({@code redeem})
 * @param friendName the referred friend's first name (referral), or null
 * @param shortfall points a clawback could not take because they were already spent (0 otherwise)
 * @param couponCode the coupon a redemption bought, or null
 * @param note why a credit was multiplied ({@code tenure}, {@code top}, {@code tenure+top}), or null
 */
public record LedgerEntry(Reason reason, String reference, long points, Instant at, String friendName,
        long shortfall, String couponCode, String note) {

    public enum Reason {
        REFERRAL("referral"), CLAWBACK("clawback"), REDEEM("redeem"), ADJUSTMENT("adjustment");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Reason fromWireName(String name) {
            for (Reason r : values()) {
                if (r.wireName.equals(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown ledger reason " + name);
        }
    }

    public LedgerEntry {
        if (reason == null || reference == null || reference.isEmpty() || at == null) {
            throw new IllegalArgumentException("a ledger entry needs a reason, a reference and a time");
        }
    }
}
