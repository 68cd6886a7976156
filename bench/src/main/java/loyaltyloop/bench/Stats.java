package loyaltyloop.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles (nearest rank) of measured values. */
public final class Stats {

    private Stats() {
    }

    /** The median: the middle value, or the mean of the two middle values; NaN when empty. */
    public static double median(Collection<? extends Number> values) {
        List<Double> sorted = sorted(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The p-th percentile by nearest rank (p in 0..100); NaN when empty. */
    public static double percentile(Collection<? extends Number> values, double p) {
        List<Double> sorted = sorted(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1);
    }

    public static double sum(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).sum();
    }

    private static List<Double> sorted(Collection<? extends Number> values) {
        List<Double> sorted = new ArrayList<>(values.size());
        for (Number v : values) {
            sorted.add(v.doubleValue());
        }
        Collections.sort(sorted);
        return sorted;
    }

    /** Rounds to a number of decimals, for reports. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
