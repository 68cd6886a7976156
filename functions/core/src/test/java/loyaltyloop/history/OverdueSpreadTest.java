package loyaltyloop.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class OverdueSpreadTest {

    private static final Instant IMPORTED = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void aDueTimeStillAheadIsKept() {
        Instant ahead = Instant.parse("2026-12-20T08:00:00Z");
        assertThat(OverdueSpread.dueAt(ahead, IMPORTED, "ada@example.com", 14)).isEqualTo(ahead);
        assertThat(OverdueSpread.overdue(ahead, IMPORTED)).isFalse();
    }

    @Test
    void anOverdueCustomerGetsTheSameMomentEveryTimeOnADayAfterTheImport() {
        Instant past = Instant.parse("2026-06-01T00:00:00Z");
        Instant due = OverdueSpread.dueAt(past, IMPORTED, "ada@example.com", 14);

        assertThat(OverdueSpread.overdue(past, IMPORTED)).isTrue();
        assertThat(due).isBetween(Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-20T00:00:00Z"));
        assertThat(OverdueSpread.dueAt(past, IMPORTED, "ada@example.com", 14)).isEqualTo(due);
    }

    @Test
    void aThousandOverdueCustomersFillEachOfTheFourteenDaysAboutEvenly() {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (int i = 0; i < 1400; i++) {
            Instant due = OverdueSpread.dueAt(Instant.EPOCH, IMPORTED, "customer" + i + "@example.com", 14);
            perDay.merge(due.atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
        }
        assertThat(perDay).hasSize(14).doesNotContainKey(LocalDate.of(2026, 12, 5));
        assertThat(perDay.values()).allSatisfy(count -> assertThat(count).isBetween(60, 140));
    }
}
