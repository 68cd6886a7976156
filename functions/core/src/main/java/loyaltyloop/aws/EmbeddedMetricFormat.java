package loyaltyloop.aws;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;
import loyaltyloop.metrics.LoopMetrics;

/**
 * The loop's metrics as CloudWatch embedded metric format: one JSON line on standard output per count, which Lambda
 * sends to the function's log group, where CloudWatch Logs turns it into a metric. No SDK, no call on the request
 * path, no permission beyond the logs the function already writes.
 */
@Singleton
public class EmbeddedMetricFormat implements LoopMetrics {

    private final String namespace;
    private final Clock clock;
    private final PrintStream out;

    public EmbeddedMetricFormat(@Value("${loyalty.metrics.namespace:loyalty-loop}") String namespace, Clock clock) {
        this(namespace, clock, System.out);
    }

    EmbeddedMetricFormat(String namespace, Clock clock, PrintStream out) {
        this.namespace = namespace;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void count(String metric, long value, String dimensionName, String dimensionValue) {
        out.println(line(metric, value, dimensionName, dimensionValue));
    }

    String line(String metric, long value, String dimensionName, String dimensionValue) {
        boolean dimension = dimensionName != null && dimensionValue != null;
        StringBuilder json = new StringBuilder(256)
                .append("{\"_aws\":{\"Timestamp\":").append(clock.millis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":").append(quoted(namespace))
                .append(",\"Dimensions\":[[").append(dimension ? quoted(dimensionName) : "").append("]]")
                .append(",\"Metrics\":[{\"Name\":").append(quoted(metric)).append(",\"Unit\":\"Count\"}]}]}");
        if (dimension) {
            json.append(',').append(quoted(dimensionName)).append(':').append(quoted(dimensionValue));
        }
        return json.append(',').append(quoted(metric)).append(':').append(value).append('}').toString();
    }

    private static String quoted(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
