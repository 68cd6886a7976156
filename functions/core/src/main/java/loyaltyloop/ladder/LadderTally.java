package loyaltyloop.ladder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The ladder as the owner sees it on a day, summed from the daily counters ({@link LadderDay}). */
public final class LadderTally {

    private final List<LadderDay> days;

    public LadderTally(List<LadderDay> days) {
        this.days = List.copyOf(days);
    }

    /** Customers per stage (lapsed included) at the end of {@code asOf}; the stages sum to the customers. */
    public Map<Stage, Long> stages(LocalDate asOf) {
        Map<Stage, Long> shown = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            shown.put(s, 0L);
        }
        for (LadderDay d : days) {
            if (d.day().isAfter(asOf)) {
                continue;
            }
            d.counted().forEach((s, n) -> shown.merge(s, n, Long::sum));
            d.returned().forEach((s, n) -> {
                shown.merge(s, n, Long::sum);
                shown.merge(Stage.LAPSED, -n, Long::sum);
            });
            d.lapsing().forEach((on, perStage) -> {
                if (!on.isAfter(asOf)) {
                    perStage.forEach((s, n) -> {
                        shown.merge(s, -n, Long::sum);
                        shown.merge(Stage.LAPSED, n, Long::sum);
                    });
                }
            });
        }
        return shown;
    }

    public static long customers(Map<Stage, Long> stages) {
        return stages.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Moves on the days from {@code first} to {@code last}, both included. */
    public record Moves(long joined, long up, long down, long lapsed, long returned) {
    }

    public Moves moves(LocalDate first, LocalDate last) {
        long joined = 0;
        long up = 0;
        long down = 0;
        long lapsed = 0;
        long returned = 0;
        for (LadderDay d : days) {
            boolean inside = !d.day().isBefore(first) && !d.day().isAfter(last);
            if (inside) {
                joined += d.joined();
                up += d.up();
                down += d.down();
                returned += d.returned().values().stream().mapToLong(Long::longValue).sum();
            }
            for (Map.Entry<LocalDate, Map<Stage, Long>> e : d.lapsing().entrySet()) {
                if (!e.getKey().isBefore(first) && !e.getKey().isAfter(last)) {
                    lapsed += e.getValue().values().stream().mapToLong(Long::longValue).sum();
                }
            }
        }
        // A lapse is a move down; a return from lapsed is counted up by the event that made it.
        return new Moves(joined, up, down + lapsed, lapsed, returned);
    }

    /** Customers who ordered again after a low rating, over all days up to {@code asOf}. */
    public long recovered(LocalDate asOf) {
        return days.stream().filter(d -> !d.day().isAfter(asOf)).mapToLong(LadderDay::recovered).sum();
    }

    /** The stages at the end of each of the {@code weeks} weeks up to {@code asOf}, oldest first. */
    public List<Map<Stage, Long>> weekly(LocalDate asOf, int weeks) {
        List<Map<Stage, Long>> trend = new ArrayList<>();
        for (int w = weeks - 1; w >= 0; w--) {
            trend.add(stages(asOf.minusWeeks(w)));
        }
        return trend;
    }
}
