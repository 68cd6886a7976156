package loyaltyloop.ladder;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What moved on the ladder on one day, as counters that only ever add up: the store keeps one of these per shop,
 * shard and day, and the owner page sums them ({@link LadderTally}).
 *
 * @param counted change in customers per stage apart from lapsing ({@link LadderPosition#stage()})
 * @param lapsing change in customers due to lapse on a day, per stage: +1 when a customer's lapse day is set, -1 when
 *     they order before it. Once the day has passed it is the number who lapsed on it.
 * @param returned customers back from lapsed, by the stage they lapsed from
 * @param joined new customers; {@code up}/{@code down} moves between stages made by an event (lapsing by time is
 *     counted from {@code lapsing}); {@code recovered} customers who ordered again after a low rating
 */
public record LadderDay(LocalDate day, Map<Stage, Long> counted, Map<LocalDate, Map<Stage, Long>> lapsing,
        Map<Stage, Long> returned, long joined, long up, long down, long recovered) {

    public LadderDay {
        counted = copy(counted);
        returned = copy(returned);
        Map<LocalDate, Map<Stage, Long>> l = new TreeMap<>();
        lapsing.forEach((d, m) -> l.put(d, copy(m)));
        lapsing = java.util.Collections.unmodifiableMap(l);
    }

    public static LadderDay empty(LocalDate day) {
        return new LadderDay(day, Map.of(), Map.of(), Map.of(), 0, 0, 0, 0);
    }

    public boolean isEmpty() {
        return counted.values().stream().allMatch(v -> v == 0) && returned.values().stream().allMatch(v -> v == 0)
                && lapsing.values().stream().allMatch(m -> m.values().stream().allMatch(v -> v == 0))
                && joined == 0 && up == 0 && down == 0 && recovered == 0;
    }

    public LadderDay plusCounted(Stage stage, long delta) {
        return new LadderDay(day, add(counted, stage, delta), lapsing, returned, joined, up, down, recovered);
    }

    public LadderDay plusReturned(Stage stage, long delta) {
        return new LadderDay(day, counted, lapsing, add(returned, stage, delta), joined, up, down, recovered);
    }

    public LadderDay plusLapsing(LocalDate on, Stage stage, long delta) {
        Map<LocalDate, Map<Stage, Long>> l = new TreeMap<>(lapsing);
        l.put(on, add(l.getOrDefault(on, Map.of()), stage, delta));
        return new LadderDay(day, counted, l, returned, joined, up, down, recovered);
    }

    public LadderDay plusJoined(long n) {
        return new LadderDay(day, counted, lapsing, returned, joined + n, up, down, recovered);
    }

    public LadderDay plusUp(long n) {
        return new LadderDay(day, counted, lapsing, returned, joined, up + n, down, recovered);
    }

    public LadderDay plusDown(long n) {
        return new LadderDay(day, counted, lapsing, returned, joined, up, down + n, recovered);
    }

    public LadderDay plusRecovered(long n) {
        return new LadderDay(day, counted, lapsing, returned, joined, up, down, recovered + n);
    }

    /** Both days' counters added (the same day from several shards). */
    public LadderDay plus(LadderDay other) {
        LadderDay sum = new LadderDay(day, counted, lapsing, returned, joined + other.joined, up + other.up,
                down + other.down, recovered + other.recovered);
        for (Map.Entry<Stage, Long> e : other.counted.entrySet()) {
            sum = sum.plusCounted(e.getKey(), e.getValue());
        }
        for (Map.Entry<Stage, Long> e : other.returned.entrySet()) {
            sum = sum.plusReturned(e.getKey(), e.getValue());
        }
        for (Map.Entry<LocalDate, Map<Stage, Long>> d : other.lapsing.entrySet()) {
            for (Map.Entry<Stage, Long> e : d.getValue().entrySet()) {
                sum = sum.plusLapsing(d.getKey(), e.getKey(), e.getValue());
            }
        }
        return sum;
    }

    private static Map<Stage, Long> add(Map<Stage, Long> m, Stage stage, long delta) {
        Map<Stage, Long> out = new EnumMap<>(Stage.class);
        out.putAll(m);
        out.merge(stage, delta, Long::sum);
        return out;
    }

    private static Map<Stage, Long> copy(Map<Stage, Long> m) {
        Map<Stage, Long> out = new EnumMap<>(Stage.class);
        out.putAll(m);
        return java.util.Collections.unmodifiableMap(out);
    }
}
