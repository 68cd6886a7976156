package loyaltyloop.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import loyaltyloop.time.ClockFactory;

/**
 * The runner's one clock: real time plus an offset that {@code POST /_local/clock} moves forward. Every handler,
 * the outbox and the schedules read it, so "45 days later" can be tried in a second.
 */
@Singleton
@Requires(env = "local")
@Replaces(bean = Clock.class, factory = ClockFactory.class)
public class LocalClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public LocalClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private LocalClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves the clock forward (never back) and answers the new now. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        Duration total = offset.accumulateAndGet(amount, Duration::plus);
        return Instant.now().plus(total);
    }

    /** How far the clock is ahead of real time. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's offset. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new LocalClock(offset, zone);
    }
}
