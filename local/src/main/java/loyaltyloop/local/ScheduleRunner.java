package loyaltyloop.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import loyaltyloop.local.LocalTemplate.Rule;
import loyaltyloop.local.LocalTemplate.Schedule;

/**
 * Fires the template's {@code Schedule}/{@code ScheduleV2} functions on the local clock: a ticker checks every
 * second whether the clock passed a schedule's next fire time (after a big clock jump it fires once, not once per
 * missed period) and delivers a Scheduled Event through the bus's async invoke with retries.
 * {@link #fireNow} runs a function's schedule at once and waits for everything it caused.
 */
final class ScheduleRunner implements AutoCloseable {

    private final class Entry {
        final Schedule schedule;
        final ScheduleExpression expression;
        Instant next;

        Entry(Schedule schedule, Instant now) {
            this.schedule = schedule;
            this.expression = ScheduleExpression.parse(schedule.expression());
            this.next = expression.next(now);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final LocalClock clock;
    private final FunctionInvoker functions;
    private final LocalEventBus bus;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-schedules");
        thread.setDaemon(true);
        return thread;
    });

    ScheduleRunner(List<Schedule> schedules, LocalClock clock, FunctionInvoker functions, LocalEventBus bus) {
        this.clock = clock;
        this.functions = functions;
        this.bus = bus;
        Instant now = clock.instant();
        for (Schedule schedule : schedules) {
            entries.add(new Entry(schedule, now));
        }
    }

    void start() {
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    boolean has(String functionId) {
        return entries.stream().anyMatch(e -> e.schedule.functionId().equals(functionId));
    }

    /** Runs the function's schedule(s) now, synchronously, then waits until the events it published were handled. */
    void fireNow(String functionId, Duration timeout) throws Exception {
        for (Entry entry : entries) {
            if (entry.schedule.functionId().equals(functionId)) {
                functions.invoke(functionId, scheduledEvent(entry.schedule, clock.instant()));
            }
        }
        if (!bus.awaitIdle(timeout)) {
            throw new IllegalStateException("events caused by " + functionId + " still running after " + timeout);
        }
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            for (Entry entry : entries) {
                synchronized (entry) {
                    if (!now.isBefore(entry.next)) {
                        entry.next = entry.expression.next(now);
                        Schedule s = entry.schedule;
                        bus.deliver(new Rule(s.functionId(), s.eventId(), null), scheduledEvent(s, now));
                    }
                }
            }
        } catch (RuntimeException e) {
            System.err.println("schedules: tick failed: " + e);
        }
    }

    /** What EventBridge delivers for a scheduled rule. */
    static Map<String, Object> scheduledEvent(Schedule schedule, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", LocalEventBus.ACCOUNT);
        event.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", LocalEventBus.REGION);
        event.put("resources", List.of("arn:aws:events:" + LocalEventBus.REGION + ":" + LocalEventBus.ACCOUNT
                + ":rule/" + schedule.functionId() + schedule.eventId()));
        event.put("detail", Map.of());
        return event;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
