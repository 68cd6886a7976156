package loyaltyloop.followup;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A shop's customers counted by lifetime net spend, in buckets, so standing ("in the top 10%?") is known without
 * reading any customer.
 *
 * <p>Buckets are exact below 10,000 minor units (e.g. $100.00) and keep four significant digits above (a bucket
 * is at most 0.1% wide). A customer is in the top share when the customers whose spend is at least theirs,
 * themselves included, number at most that share of all customers, rounded up. Customers sharing a bucket count
 * as tied, so the only error is this: a customer whose bucket also holds customers who spent slightly less
 * (within 0.1%) is judged as if tied with them, which can only keep them out of the top share, never put someone
 * in it. While every bucket holds a single spend value — always the case below 10,000 minor units — standing is
 * exact.
 */
public final class SpendHistogram {

    private final NavigableMap<Long, Long> counts;
    private final long customers;

    public SpendHistogram(Map<Long, Long> bucketCounts) {
        TreeMap<Long, Long> sorted = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> e : bucketCounts.entrySet()) {
            // A crash between a customer write and the counter update can leave a count off by one; never below 0.
            long count = Math.max(0, e.getValue());
            if (count > 0) {
                sorted.put(e.getKey(), count);
                total += count;
            }
        }
        this.counts = sorted;
        this.customers = total;
    }

    public static SpendHistogram empty() {
        return new SpendHistogram(Map.of());
    }

    /** The bucket a lifetime spend (in minor units) is counted in. */
    public static long bucketOf(long spendMinor) {
        long spend = Math.max(0, spendMinor);
        if (spend < 10_000) {
            return spend;
        }
        int digits = Long.toString(spend).length();
        long unit = 1;
        for (int i = 0; i < digits - 4; i++) {
            unit *= 10;
        }
        return spend / unit * unit;
    }

    public long customers() {
        return customers;
    }

    /** Customers whose spend is in the same or a higher bucket than {@code spendMinor}. */
    public long atLeast(long spendMinor) {
        long total = 0;
        for (long count : counts.tailMap(bucketOf(spendMinor), true).values()) {
            total += count;
        }
        return total;
    }

    /**
     * True when a customer who spent {@code spendMinor}, counted in this histogram, is in the top {@code percent}
     * of the shop: at most {@code ceil(customers × percent / 100)} customers spent at least as much.
     */
    public boolean inTop(long spendMinor, int percent) {
        if (customers == 0) {
            return false;
        }
        long slots = (customers * percent + 99) / 100;
        return atLeast(spendMinor) <= slots;
    }

    public boolean topTenPercent(long spendMinor) {
        return inTop(spendMinor, FollowUpPolicy.TOP_PERCENT);
    }

    /** This histogram with one customer moved between buckets (null: not counted before / not any more). */
    public SpendHistogram withMove(Long fromBucket, Long toBucket) {
        Map<Long, Long> moved = new TreeMap<>(counts);
        if (fromBucket != null) {
            moved.merge(fromBucket, -1L, Long::sum);
        }
        if (toBucket != null) {
            moved.merge(toBucket, 1L, Long::sum);
        }
        return new SpendHistogram(moved);
    }

    public Map<Long, Long> buckets() {
        return java.util.Collections.unmodifiableMap(counts);
    }
}
