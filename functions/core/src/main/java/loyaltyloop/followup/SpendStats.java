package loyaltyloop.followup;

/** Per-shop spend histograms: O(1) writes per order or refund, one small read for a shop's. */
public interface SpendStats {

    SpendHistogram histogram(String shop);

    /** Moves one customer between buckets (either may be null: first count, or no longer counted). */
    void move(String shop, Long fromBucket, Long toBucket);

    /** Adds each bucket's count change at once (a history import's page): one write per bucket that changed. */
    void addCounts(String shop, java.util.Map<Long, Long> deltas);
}
