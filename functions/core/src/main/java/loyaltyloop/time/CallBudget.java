package loyaltyloop.time;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How long the request being answered may still spend waiting on other services. A shop gives a webhook delivery
 * 5 s and then retries it, so an answer that comes later is no answer: better a quick 503 that makes it retry. The
 * edge sets the budget around a request ({@link #within}); the AWS clients read it before each call and attempt and
 * give a call no more time than is left (aws.CallTimeouts), and throw {@link NotInTime} once it is spent.
 *
 * <p>Measured on the JVM's monotonic clock, never the injected {@code Clock}: the local runner moves that one
 * forward by days, and real waiting is what counts here.
 */
public final class CallBudget {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private CallBudget() {
    }

    /**
     * Runs {@code work} with {@code budget} to spend; a budget already running on this thread is kept if shorter.
     * When {@code work} fails after a call was {@link #unavailable reported unavailable}, the failure is a
     * {@link NotInTime}: whatever the caller made of the SDK's exception, the cause was AWS not answering.
     */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Budget outer = CURRENT.get();
        long deadline = System.nanoTime() + budget.toNanos();
        Budget current = new Budget(outer != null && outer.deadline - deadline < 0 ? outer.deadline : deadline);
        CURRENT.set(current);
        try {
            return work.get();
        } catch (NotInTime e) {
            throw e;
        } catch (RuntimeException e) {
            if (current.unavailable != null) {
                throw new NotInTime(current.unavailable, e);
            }
            throw e;
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The time left; empty when no budget is set (a bus event's handler, a tool, a test). */
    public static Optional<Duration> remaining() {
        Budget current = CURRENT.get();
        return current == null ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(0, current.deadline - System.nanoTime())));
    }

    /** Throws {@link NotInTime} when the budget is spent: no new call may start. */
    public static void check(String what) {
        Optional<Duration> left = remaining();
        if (left.isPresent() && left.get().isZero()) {
            throw new NotInTime(what + " not started: the request's time is spent");
        }
    }

    /** Notes that a call of this request failed because AWS did not answer in time, could not be reached or was busy. */
    public static void unavailable(String what) {
        Budget current = CURRENT.get();
        if (current != null && current.unavailable == null) {
            current.unavailable = what;
        }
    }

    private static final class Budget {
        final long deadline;
        String unavailable;

        Budget(long deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * A service we depend on (AWS) did not answer in time, or could not be reached: the caller should try again
     * later (HTTP 503 with {@code Retry-After}). Nothing is half-done that a retry does not finish: every write is
     * idempotent. The message names no customer data.
     */
    public static final class NotInTime extends RuntimeException {

        public NotInTime(String message) {
            super(message);
        }

        public NotInTime(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
