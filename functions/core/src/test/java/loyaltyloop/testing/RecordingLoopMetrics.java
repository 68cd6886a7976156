package loyaltyloop.testing;

import java.util.ArrayList;
import java.util.List;
import loyaltyloop.metrics.LoopMetrics;

/** Keeps what was counted, for tests that check a service counts what it did. */
public final class RecordingLoopMetrics implements LoopMetrics {

    public record Count(String metric, long value, String dimensionName, String dimensionValue) {
    }

    private final List<Count> counts = new ArrayList<>();

    @Override
    public synchronized void count(String metric, long value, String dimensionName, String dimensionValue) {
        counts.add(new Count(metric, value, dimensionName, dimensionValue));
    }

    public synchronized List<Count> counts() {
        return List.copyOf(counts);
    }

    public synchronized long total(String metric) {
        return counts.stream().filter(c -> c.metric().equals(metric)).mapToLong(Count::value).sum();
    }
}
