package loyaltyloop.referral;

/** Counts clicks on referral links: one atomic counter per code, no item per click. */
public interface ReferralClicks {

    /** Adds one click to the code's counter; false (and nothing written) when the shop has no such code. */
    boolean count(String shop, String code);
}
