package loyaltyloop.stats;

import java.time.LocalDate;
import java.util.List;

/** The owner-facing numbers of the loop, and the notes the daily digest picks from. */
public interface LoopStats {

    void addUnreachable(String shop, long delta);

    long unreachable(String shop);

    /** What the loop counts per shop and day, for the owner's digest. */
    enum Count {
        FOLLOW_UPS_SENT, SURVEYS_ANSWERED, COUPONS_REDEEMED,
        /** Survey answers by rating; 1 and 2 each opened a service-recovery case. */
        RATED_1, RATED_2, RATED_3, RATED_4, RATED_5,
        REFERRAL_CLICKS, REFERRAL_CONVERSIONS, COUPONS_ISSUED,
        /** SES's delivery, permanent-bounce and complaint events, for the digest's bounce and complaint rates. */
        EMAILS_DELIVERED, EMAILS_BOUNCED, EMAILS_COMPLAINED,
        /** Order totals (minor units, shop currency) of orders that used a loop coupon or came through a referral. */
        LOOP_REVENUE_MINOR;

        /** The count of answers rated {@code rating} (1-5). */
        public static Count rated(int rating) {
            return values()[RATED_1.ordinal() + rating - 1];
        }
    }

    void add(String shop, LocalDate day, Count count, long delta);

    /** Several counts of one day in one write. */
    void add(String shop, LocalDate day, java.util.Map<Count, Long> deltas);

    /** Each count summed over the days from {@code first} to {@code last}, both included (0 when none). */
    java.util.Map<Count, Long> totals(String shop, LocalDate first, LocalDate last);

    default void addFollowUpsSent(String shop, LocalDate day, long count) {
        add(shop, day, Count.FOLLOW_UPS_SENT, count);
    }

    /** Follow-ups sent on the days from {@code first} to {@code last}, both included. */
    default long followUpsSent(String shop, LocalDate first, LocalDate last) {
        return totals(shop, first, last).get(Count.FOLLOW_UPS_SENT);
    }

    /** Remembers a customer worth a personal touch on {@code day} (e.g. a big first order). */
    void note(String shop, LocalDate day, DigestNote note);

    List<DigestNote> notes(String shop, LocalDate day);

    /** True once per shop and day: the digest for that day may be sent. */
    boolean claimDigest(String shop, LocalDate day);

    /** Gives the day's claim back after the digest could not be sent, so the retry sends it. */
    void releaseDigest(String shop, LocalDate day);

    /** A reason to look at a customer: what happened and the order it was about. */
    record DigestNote(String kind, String email, String orderId) {

        /** A survey answered with a rating of 1-2: the digest puts these first. */
        public static final String LOW_RATING = "LOW_RATING";
        /** A customer marked one of the shop's emails as spam (the note's orderId is SES's message id). */
        public static final String COMPLAINT = "COMPLAINT";
    }
}
