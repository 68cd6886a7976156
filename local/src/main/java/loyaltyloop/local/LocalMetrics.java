package loyaltyloop.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import loyaltyloop.aws.EmbeddedMetricFormat;
import loyaltyloop.metrics.LoopMetrics;

/**
 * The local runner's metrics: the same counts the functions print as CloudWatch lines in AWS, kept in memory and
 * shown at {@code /_local/metrics} instead of filling the runner's console.
 */
@Singleton
@Requires(env = "local")
@Replaces(EmbeddedMetricFormat.class)
public class LocalMetrics implements LoopMetrics {

    private final Map<String, Long> totals = new TreeMap<>();

    @Override
    public synchronized void count(String metric, long value, String dimensionName, String dimensionValue) {
        String name = dimensionName == null ? metric : metric + " " + dimensionName + "=" + dimensionValue;
        totals.merge(name, value, Long::sum);
    }

    /** Each metric's total since the start, e.g. {@code "EmailsSent Kind=affirmation": 2}. */
    public synchronized Map<String, Long> totals() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(totals));
    }
}
