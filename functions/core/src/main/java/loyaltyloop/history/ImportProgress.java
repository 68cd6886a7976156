package loyaltyloop.history;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a running import is, after each page: for a person watching {@code shops import}.
 *
 * @param totalOrders how many the source holds, or -1 when unknown
 * @param elapsed time this run has taken (a resumed run counts from its own start)
 * @param ordersThisRun orders read by this run, for the rate
 */
public record ImportProgress(ImportCounts counts, long totalOrders, Duration elapsed, long ordersThisRun) {

    /** Orders read per second by this run. */
    public double ordersPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : ordersThisRun / seconds;
    }

    /** Time left at this run's rate; null when the total or the rate is unknown. */
    public Duration timeLeft() {
        double rate = ordersPerSecond();
        if (totalOrders < 0 || rate <= 0) {
            return null;
        }
        long left = Math.max(0, totalOrders - counts.ordersRead());
        return Duration.ofSeconds(Math.round(left / rate));
    }

    /** "1,200 of 5,000 orders read, 830 customers, 95 orders/s, about 41 s left". */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%,d", counts.ordersRead()));
        if (totalOrders >= 0) {
            line.append(String.format(Locale.ROOT, " of %,d", totalOrders));
        }
        line.append(String.format(Locale.ROOT, " orders read, %,d customers, %.0f orders/s", counts.customers(),
                ordersPerSecond()));
        Duration left = timeLeft();
        if (left != null) {
            line.append(", about ").append(left.toMinutes() > 0 ? left.toMinutes() + " min" : left.toSeconds() + " s")
                    .append(" left");
        }
        return line.toString();
    }

    /** Told after every page. */
    @FunctionalInterface
    public interface Listener {
        Listener SILENT = progress -> { };

        void progressed(ImportProgress progress);
    }
}
