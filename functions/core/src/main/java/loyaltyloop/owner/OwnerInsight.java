package loyaltyloop.owner;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import loyaltyloop.ladder.LadderTally;
import loyaltyloop.ladder.Stage;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.Shop;

/**
 * What the owner page shows, as of {@code day}: the ladder, its moves, the 90-45 promise and the loop's results.
 * Counts are over all days the loop has counted, unless a name says otherwise.
 *
 * @param stages customers per stage; they sum to {@link #customers()}
 * @param trend the stages at the end of each of the last 12 weeks, oldest first
 * @param overdue reachable customers past their 90/45-day window whom the sweep has not reached
 * @param withinWindow the other reachable customers
 * @param ratings survey answers per rating, index 0 for 1 star
 * @param recoveryCases answers rated 1-2 (each started service recovery); {@code recoveredOrders} those customers who
 *     ordered again after it
 */
public record OwnerInsight(Shop shop, LocalDate day, Map<Stage, Long> stages, LadderTally.Moves last7Days,
        LadderTally.Moves last30Days, List<Map<Stage, Long>> trend, long withinWindow, long overdue,
        long surveysAnswered, List<Long> ratings, long recoveryCases, long recoveredOrders, long referralClicks,
        long referralConversions, long couponsIssued, long couponsRedeemed, Money loopRevenue) {

    public long customers() {
        return LadderTally.customers(stages);
    }

    /** The mean rating of the answers counted by rating; null when there are none. */
    public Double averageRating() {
        long n = 0;
        long sum = 0;
        for (int i = 0; i < ratings.size(); i++) {
            n += ratings.get(i);
            sum += (i + 1) * ratings.get(i);
        }
        return n == 0 ? null : Math.round(100.0 * sum / n) / 100.0;
    }

    /** Share of reachable customers within their window, in whole percent; 100 when there are none. */
    public int promiseKeptPercent() {
        long reachable = withinWindow + overdue;
        return reachable == 0 ? 100 : (int) Math.floor(100.0 * withinWindow / reachable);
    }
}
