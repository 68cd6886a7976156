package loyaltyloop.followup;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Keeps one sweep worker at its share of SES's send rate: at most one email per {@link #interval()}, which is
 * {@code workers / ses-max-send-rate} seconds. The template caps the workers' concurrency at the same {@code workers}
 * (reserved concurrency from the {@code SesMaxSendRate} parameter), so all of them together stay at or under the
 * rate. A rate of 0 (tests, the local runner) paces nothing.
 */
@Singleton
public class SendPace {

    /** Time as the pace sees it: the real clock in a function, a simulated one in the bench. */
    public interface Timer {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    public static final Timer REAL = new Timer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    public static final SendPace UNPACED = new SendPace(Duration.ZERO, REAL);

    private final long intervalNanos;
    private final Timer timer;
    private long next;
    private boolean started;

    @Inject
    public SendPace(@Value("${loyalty.follow-up.ses-max-send-rate:0}") double sesMaxSendRate,
            @Value("${loyalty.follow-up.workers:1}") int workers) {
        this(sesMaxSendRate <= 0 ? Duration.ZERO
                : Duration.ofNanos((long) (Math.max(1, workers) * 1e9 / sesMaxSendRate)), REAL);
    }

    public SendPace(Duration interval, Timer timer) {
        this.intervalNanos = interval.toNanos();
        this.timer = timer;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /**
     * How many sends fit in {@code time} at this pace, at least 1 and at most {@code cap}: the sweep reads that many
     * due customers a page, so a worker that checks its time between pages never overruns its timeout by more
     * than one page.
     */
    public int sendsWithin(Duration time, int cap) {
        if (intervalNanos == 0) {
            return cap;
        }
        return (int) Math.max(1, Math.min(cap, time.toNanos() / intervalNanos));
    }

    /** Waits until this worker may send its next email. */
    public synchronized void beforeSend() {
        if (intervalNanos == 0) {
            return;
        }
        long now = timer.nanoTime();
        if (started && now - next < 0) {
            try {
                timer.sleepNanos(next - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pacing sends", e);
            }
            now = next;
        }
        started = true;
        next = now + intervalNanos;
    }
}
