package loyaltyloop.ladder;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a customer is counted on the ladder, kept on the customer so each change can be counted as a move.
 *
 * @param stage the highest rung that applies, never {@link Stage#LAPSED}: lapsing comes by time, see {@link #on}
 * @param lapsesOn the first day the customer counts as lapsed unless they order again
 * @param orderDays the customer's most recent orders (their order number to its UTC day), for "N orders within
 *     12 months"; at most {@link LoyaltyLadder#REMEMBERED_ORDERS}
 * @param advocate at least one referral of theirs was credited
 * @param recoveryOpen they rated an order 1-2 and have not ordered since (service recovery under way)
 */
public record LadderPosition(Stage stage, LocalDate lapsesOn, Map<Integer, LocalDate> orderDays, boolean advocate,
        boolean recoveryOpen) {

    public LadderPosition {
        if (stage == null || stage == Stage.LAPSED || lapsesOn == null) {
            throw new IllegalArgumentException("a counted position has a climbing stage and a lapse day");
        }
        orderDays = java.util.Collections.unmodifiableMap(new TreeMap<>(orderDays == null ? Map.of() : orderDays));
    }

    /** The stage shown on {@code day}: lapsed from {@link #lapsesOn()}, else {@link #stage()}. */
    public Stage on(LocalDate day) {
        return day.isBefore(lapsesOn) ? stage : Stage.LAPSED;
    }

    public LadderPosition withAdvocate() {
        return new LadderPosition(Stage.ADVOCATE, lapsesOn, orderDays, true, recoveryOpen);
    }

    public LadderPosition withRecoveryOpen(boolean open) {
        return new LadderPosition(stage, lapsesOn, orderDays, advocate, open);
    }
}
