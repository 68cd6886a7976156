package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** A sweep worker's share of SES's send rate, on a simulated timer. */
@UnitTest
class SendPaceTest {

    /** Time that moves only when someone sleeps or works. */
    private static final class SimulatedTimer implements SendPace.Timer {
        long now;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void fourteenWorkersAtFourteenASecondEachSendOnceASecond() {
        assertThat(new SendPace(14, 14).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new SendPace(14, 7).interval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aPageHoldsWhatTenSecondsOfSendsAllowSoAWorkerStopsWithinItsMargin() {
        assertThat(new SendPace(14, 14).sendsWithin(Duration.ofSeconds(10), 100)).isEqualTo(10);
        assertThat(new SendPace(1, 14).sendsWithin(Duration.ofSeconds(10), 100)).isEqualTo(1);
        assertThat(new SendPace(0, 14).sendsWithin(Duration.ofSeconds(10), 100)).isEqualTo(100);
    }

    @Test
    void noRateMeansNoPace() {
        assertThat(new SendPace(0, 14).interval()).isZero();
    }

    @Test
    void aWorkerWaitsOnlyForWhatIsLeftOfItsInterval() {
        SimulatedTimer timer = new SimulatedTimer();
        SendPace pace = new SendPace(Duration.ofSeconds(1), timer);

        pace.beforeSend(); // the first send goes at once
        timer.now += 300_000_000L; // the send and the next customer's reads took 300 ms
        pace.beforeSend();
        timer.now += 1_500_000_000L; // a slow one: no wait after it
        pace.beforeSend();

        assertThat(timer.sleeps).containsExactly(700_000_000L);
        assertThat(timer.now).isEqualTo(2_500_000_000L);
    }

    @Test
    void aHundredSendsTakeNinetyNineIntervals() {
        SimulatedTimer timer = new SimulatedTimer();
        SendPace pace = new SendPace(Duration.ofMillis(250), timer);
        for (int i = 0; i < 100; i++) {
            pace.beforeSend();
        }
        assertThat(timer.now).isEqualTo(99 * 250_000_000L);
    }
}
