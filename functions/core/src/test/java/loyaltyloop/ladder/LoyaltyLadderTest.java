package loyaltyloop.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class LoyaltyLadderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);

    private static LadderPosition place(int orders, boolean top, boolean advocate, LocalDate... days) {
        Map<Integer, LocalDate> orderDays = new TreeMap<>();
        for (int i = 0; i < days.length; i++) {
            orderDays.put(i + 1, days[i]);
        }
        return LoyaltyLadder.place(new LoyaltyLadder.Facts(orders, top, orderDays, advocate, false), 4, DAY);
    }

    @Test
    void oneOrderIsFirstTimeTwoAreRepeat() {
        assertThat(place(1, false, false, DAY).stage()).isEqualTo(Stage.FIRST_TIME);
        assertThat(place(2, false, false, DAY.minusDays(400), DAY).stage()).isEqualTo(Stage.REPEAT);
    }

    @Test
    void loyalIsTheTopTenPercentOrNOrdersWithinTwelveMonths() {
        assertThat(place(1, true, false, DAY).stage()).isEqualTo(Stage.LOYAL);
        assertThat(place(4, false, false, DAY.minusDays(364), DAY.minusDays(200), DAY.minusDays(100), DAY).stage())
                .isEqualTo(Stage.LOYAL);
        assertThat(place(4, false, false, DAY.minusDays(365), DAY.minusDays(200), DAY.minusDays(100), DAY).stage())
                .as("the first of four orders is more than 12 months before the last").isEqualTo(Stage.REPEAT);
    }

    @Test
    void aCreditedReferralMakesAnAdvocateTheHighestRung() {
        assertThat(place(1, true, true, DAY).stage()).isEqualTo(Stage.ADVOCATE);
    }

    @Test
    void lapsedAfterTwiceTheCadenceAndThatWinsOverEveryRung() {
        LadderPosition regular = place(1, false, true, DAY);
        assertThat(regular.lapsesOn()).isEqualTo(DAY.plusDays(180));
        assertThat(regular.on(DAY.plusDays(179))).isEqualTo(Stage.ADVOCATE);
        assertThat(regular.on(DAY.plusDays(180))).isEqualTo(Stage.LAPSED);
        assertThat(place(1, true, false, DAY).lapsesOn()).isEqualTo(DAY.plusDays(90));
    }

    @Test
    void countsFollowEveryMoveAndStagesAlwaysSumToCustomers() {
        List<LadderDay> days = new ArrayList<>();
        LadderPosition ann = place(1, false, false, DAY);
        days.add(LoyaltyLadder.move(null, ann, DAY, false));
        LadderPosition bob = place(1, false, false, DAY);
        days.add(LoyaltyLadder.move(null, bob, DAY, false));
        LadderPosition ann2 = place(2, false, false, DAY, DAY.plusDays(10));
        days.add(LoyaltyLadder.move(ann, ann2, DAY.plusDays(10), false));

        LadderTally tally = new LadderTally(days);
        assertThat(tally.stages(DAY.plusDays(10))).containsEntry(Stage.FIRST_TIME, 1L).containsEntry(Stage.REPEAT, 1L);
        assertThat(tally.moves(DAY, DAY.plusDays(10))).isEqualTo(new LadderTally.Moves(2, 1, 0, 0, 0));

        // Bob lapses on day 180 by time alone; Ann on day 190.
        LocalDate later = DAY.plusDays(185);
        assertThat(tally.stages(later)).containsEntry(Stage.LAPSED, 1L).containsEntry(Stage.FIRST_TIME, 0L)
                .containsEntry(Stage.REPEAT, 1L);
        assertThat(tally.moves(later.minusDays(6), later).lapsed()).isEqualTo(1);

        // Bob comes back: lapsed -> repeat, a move up; his lapse stays in the history.
        LadderPosition bob2 = place(2, false, false, DAY, later);
        days.add(LoyaltyLadder.move(bob, bob2, later, false));
        tally = new LadderTally(days);
        assertThat(tally.stages(later)).containsEntry(Stage.LAPSED, 0L).containsEntry(Stage.REPEAT, 2L);
        assertThat(tally.moves(later.minusDays(6), later)).isEqualTo(new LadderTally.Moves(0, 1, 1, 1, 1));
        for (int d = 0; d < 400; d += 7) {
            assertThat(LadderTally.customers(tally.stages(DAY.plusDays(d)))).isEqualTo(2);
        }
    }

    @Test
    void aRepeatedEventMovesNothing() {
        LadderPosition ann = place(1, false, false, DAY);
        assertThat(LoyaltyLadder.move(ann, ann, DAY, false).isEmpty()).isTrue();
    }
}
