package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import loyaltyloop.local.LocalTemplate.Schedule;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class ScheduleRunnerTest {

    @Test
    void rateAndCronExpressions() {
        Instant t = Instant.parse("2024-05-01T10:30:00Z");
        assertThat(ScheduleExpression.parse("rate(1 day)").next(t)).isEqualTo(Instant.parse("2024-05-02T10:30:00Z"));
        assertThat(ScheduleExpression.parse("rate(15 minutes)").next(t)).isEqualTo(Instant.parse("2024-05-01T10:45:00Z"));
        assertThat(ScheduleExpression.parse("rate(2 hours)").next(t)).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 3 * * ? *)").next(t)).isEqualTo(Instant.parse("2024-05-02T03:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(45 10 * * ? *)").next(t)).isEqualTo(Instant.parse("2024-05-01T10:45:00Z"));
        assertThat(ScheduleExpression.parse("cron(5 */2 * * ? *)").next(t)).isEqualTo(Instant.parse("2024-05-01T11:05:00Z"));
        assertThatThrownBy(() -> ScheduleExpression.parse("every day")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 days)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firesOnTheLocalClockAndOnDemand() throws Exception {
        LocalClock clock = new LocalClock();
        List<Object[]> calls = new CopyOnWriteArrayList<>();
        FunctionInvoker functions = (id, input) -> {
            calls.add(new Object[] {id, input});
            return null;
        };
        try (LocalEventBus bus = new LocalEventBus(clock);
                ScheduleRunner schedules = new ScheduleRunner(List.of(new Schedule("Nightly", "Every", "rate(1 day)")),
                        clock, functions, bus)) {
            bus.connect(new EventRules(List.of()), functions::invoke);
            assertThat(schedules.has("Nightly")).isTrue();
            assertThat(schedules.has("Other")).isFalse();

            schedules.fireNow("Nightly", Duration.ofSeconds(5));
            assertThat(calls).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) calls.get(0)[1];
            assertThat(event).containsEntry("detail-type", "Scheduled Event").containsEntry("source", "aws.events")
                    .containsEntry("detail", Map.of());

            schedules.start();
            Thread.sleep(1500);
            assertThat(calls).hasSize(1);
            clock.advance(Duration.ofDays(3));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (calls.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            bus.awaitIdle(Duration.ofSeconds(5));
            assertThat(calls).hasSize(2);
        }
    }
}
