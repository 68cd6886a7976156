package loyaltyloop.ladder;

import java.util.List;

/** The ladder's counters per shop and day; written as moves happen, never by scanning customers. */
public interface LadderCounts {

    /** Adds one customer's move; {@code customerKey} spreads a shop's writes over a few partitions. */
    void record(String shop, String customerKey, LadderDay change);

    /** Every day's counters of the shop, the shards summed, oldest first. */
    List<LadderDay> history(String shop);
}
