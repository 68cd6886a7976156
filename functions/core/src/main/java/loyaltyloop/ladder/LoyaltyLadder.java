package loyaltyloop.ladder;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loyalty ladder, the one place its rule lives (docs/ladder.md). A customer is {@code first-time} with one
 * order, {@code repeat} with two or more, {@code loyal} in the shop's top 10% by spend or with N orders within the 12
 * months up to their latest order (N the shop's {@code ladder.loyalAfterOrders}, default 4), {@code advocate} once a
 * referral of theirs was credited, and {@code lapsed} after no order for twice their cadence: 180 days, 90 in the
 * top 10%. Lapsed wins when it applies, else the highest rung that does, so every customer is in exactly one stage.
 *
 * <p>Spend standing and the 12-month window are judged at the customer's own events (orders, refunds, a credited
 * referral); only lapsing comes by time, and that is fixed by the day it happens ({@link LadderPosition#lapsesOn}).
 */
public final class LoyaltyLadder {

    /** Twice the 90-day cadence of the 90-45 promise. */
    public static final int LAPSE_DAYS = 180;
    /** Twice the 45-day cadence of the top 10%. */
    public static final int TOP_LAPSE_DAYS = 90;
    public static final int LOYAL_WINDOW_DAYS = 365;
    /** Orders remembered per customer for the 12-month rule; {@code loyalAfterOrders} may not exceed it. */
    public static final int REMEMBERED_ORDERS = 12;

    private LoyaltyLadder() {
    }

    /**
     * What is known about a customer at one of their events.
     *
     * @param orderCount their orders at the shop
     * @param topTenPercent in the shop's top 10% by lifetime net spend now
     * @param orderDays their recent orders, order number to UTC day (the event's order included)
     * @param advocate a referral of theirs was credited
     * @param recoveryOpen a service recovery waits for their next order
     */
    public record Facts(int orderCount, boolean topTenPercent, Map<Integer, LocalDate> orderDays, boolean advocate,
            boolean recoveryOpen) {
    }

    /** The customer's position after an event; {@code loyalAfterOrders} is the shop's N. */
    public static LadderPosition place(Facts facts, int loyalAfterOrders, LocalDate fallbackLastOrder) {
        TreeMap<Integer, LocalDate> days = new TreeMap<>(facts.orderDays());
        while (days.size() > REMEMBERED_ORDERS) {
            days.pollFirstEntry();
        }
        LocalDate last = days.values().stream().max(LocalDate::compareTo).orElse(fallbackLastOrder);
        long withinYear = days.values().stream()
                .filter(d -> !d.isBefore(last.minusDays(LOYAL_WINDOW_DAYS - 1)) && !d.isAfter(last)).count();
        Stage stage;
        if (facts.advocate()) {
            stage = Stage.ADVOCATE;
        } else if (facts.topTenPercent() || (facts.orderCount() >= loyalAfterOrders && withinYear >= loyalAfterOrders)) {
            stage = Stage.LOYAL;
        } else if (facts.orderCount() >= 2) {
            stage = Stage.REPEAT;
        } else {
            stage = Stage.FIRST_TIME;
        }
        LocalDate lapsesOn = last.plusDays(facts.topTenPercent() ? TOP_LAPSE_DAYS : LAPSE_DAYS);
        return new LadderPosition(stage, lapsesOn, days, facts.advocate(), facts.recoveryOpen());
    }

    /**
     * The counts that move when a customer goes from {@code before} (null: not counted yet) to {@code after} on
     * {@code day}; empty when nothing the owner sees changes.
     */
    public static LadderDay move(LadderPosition before, LadderPosition after, LocalDate day, boolean recovered) {
        LadderDay change = LadderDay.empty(day);
        if (recovered) {
            change = change.plusRecovered(1);
        }
        if (before != null && before.stage() == after.stage() && before.lapsesOn().equals(after.lapsesOn())) {
            return change;
        }
        Stage shownBefore = before == null ? null : before.on(day);
        if (before != null) {
            change = change.plusCounted(before.stage(), -1);
            if (shownBefore == Stage.LAPSED) {
                change = change.plusReturned(before.stage(), 1); // their lapse stays history
            } else {
                change = change.plusLapsing(before.lapsesOn(), before.stage(), -1);
            }
        }
        change = change.plusCounted(after.stage(), 1).plusLapsing(after.lapsesOn(), after.stage(), 1);
        Stage shownAfter = after.on(day);
        if (shownBefore == null) {
            change = change.plusJoined(1);
        } else if (shownAfter.ordinal() > shownBefore.ordinal()) {
            change = change.plusUp(1);
        } else if (shownAfter.ordinal() < shownBefore.ordinal()) {
            change = change.plusDown(1);
        }
        return change;
    }
}
