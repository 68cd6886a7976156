package loyaltyloop.owner;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loyaltyloop.followup.DueCustomers;
import loyaltyloop.ladder.LadderCounts;
import loyaltyloop.ladder.LadderTally;
import loyaltyloop.ladder.Stage;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.Shop;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.stats.LoopStats.Count;

/**
 * Puts the owner page together from what the loop counted as it happened: the ladder's daily counters (one Query
 * per shard), the loop's daily counts (one Query), the unreachable count (one read) and the due index (a count of
 * who is past due). Nothing here reads customers.
 */
@Singleton
public class OwnerInsights {

    static final int TREND_WEEKS = 12;
    /** The first day any count can be on: the loop's daily counts are summed from here. */
    private static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    private final LadderCounts ladder;
    private final LoopStats loopStats;
    private final DueCustomers due;
    private final Clock clock;

    public OwnerInsights(LadderCounts ladder, LoopStats loopStats, DueCustomers due, Clock clock) {
        this.ladder = ladder;
        this.loopStats = loopStats;
        this.due = due;
        this.clock = clock;
    }

    public OwnerInsight of(Shop shop) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LadderTally tally = new LadderTally(ladder.history(shop.domain()));
        Map<Stage, Long> stages = tally.stages(today);
        Map<Count, Long> totals = loopStats.totals(shop.domain(), BEGINNING, today);
        List<Long> ratings = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            ratings.add(totals.get(Count.rated(rating)));
        }
        long reachable = Math.max(0, LadderTally.customers(stages) - loopStats.unreachable(shop.domain()));
        long overdue = Math.min(reachable, due.count(shop.domain(), now));
        return new OwnerInsight(shop, today, stages, tally.moves(today.minusDays(6), today),
                tally.moves(today.minusDays(29), today), tally.weekly(today, TREND_WEEKS), reachable - overdue,
                overdue, totals.get(Count.SURVEYS_ANSWERED), ratings, ratings.get(0) + ratings.get(1),
                tally.recovered(today), totals.get(Count.REFERRAL_CLICKS), totals.get(Count.REFERRAL_CONVERSIONS),
                totals.get(Count.COUPONS_ISSUED), totals.get(Count.COUPONS_REDEEMED),
                new Money(totals.get(Count.LOOP_REVENUE_MINOR), shop.currency()));
    }
}
