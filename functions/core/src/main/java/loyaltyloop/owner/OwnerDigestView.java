package loyaltyloop.owner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.Shop;

/**
 * The owner's daily "pick three": the customers most worth a personal touch today, and the loop's health.
 * Written in the shop's default locale.
 */
public record OwnerDigestView(Shop shop, LocalDate day, List<Pick> picks, Health health, Ladder ladder,
        Connection connection, loyaltyloop.deliverability.MailHealth mail) {

    public OwnerDigestView {
        picks = List.copyOf(picks);
        connection = connection == null ? Connection.NONE : connection;
    }

    /** A digest without the ladder summary and the week's mail figures. */
    public OwnerDigestView(Shop shop, LocalDate day, List<Pick> picks, Health health) {
        this(shop, day, picks, health, null, null, null);
    }

    /** A digest with the ladder summary, no connection trouble and no mail figures. */
    public OwnerDigestView(Shop shop, LocalDate day, List<Pick> picks, Health health, Ladder ladder) {
        this(shop, day, picks, health, ladder, null, null);
    }

    /** A digest without the ladder summary, with what reconciliation found. */
    public OwnerDigestView(Shop shop, LocalDate day, List<Pick> picks, Health health, Connection connection) {
        this(shop, day, picks, health, null, connection, null);
    }

    /**
     * How the shop's connection did yesterday, from reconciliation (docs/import.md).
     *
     * @param recoveredOrders orders that reached the loop only through reconciliation: a webhook is failing
     * @param credentialsRefused the shop's API refused our credentials
     */
    public record Connection(int recoveredOrders, boolean credentialsRefused) {
        public static final Connection NONE = new Connection(0, false);

        public boolean worthSaying() {
            return recoveredOrders > 0 || credentialsRefused;
        }
    }

    /**
     * The two-line summary of the owner page, and its signed link.
     *
     * @param stages customers per stage: first-time, repeat, loyal, advocate, lapsed
     */
    public record Ladder(long customers, List<Long> stages, int promiseKeptPercent, long overdue, String ownerUrl) {
        public Ladder {
            stages = List.copyOf(stages);
        }
    }

    public enum Reason {
        /** Rated their order 1 or 2 in the survey yesterday: service recovery needs a person. */
        LOW_RATING,
        /** In the top 10% and due for a follow-up soon: a personal note beats the automatic one. */
        VIP_DUE_SOON,
        /** A first order big enough to be in the top 10% at once, placed yesterday. */
        BIG_FIRST_ORDER
    }

    /**
     * One customer to contact personally.
     *
     * @param dueAt when the automatic follow-up would go out (null when not scheduled)
     * @param orderName / orderTotal the order that made them a pick (BIG_FIRST_ORDER), else their last order or null
     */
    public record Pick(Reason reason, String name, String email, int orderCount, Money lifetimeSpend,
            Instant firstOrderAt, Instant lastContactAt, Instant dueAt, String orderName, Money orderTotal) {
    }

    /**
     * The loop's health: customers, follow-ups due in the next 7 days, unreachable customers, and in the last 7 days
     * the follow-ups sent, the surveys answered and the loop's coupons redeemed (what the surveys and points brought
     * back).
     */
    public record Health(long customers, long dueThisWeek, long unreachable, long followUpsSentThisWeek,
            long surveysAnsweredThisWeek, long couponsRedeemedThisWeek) {

        public Health(long customers, long dueThisWeek, long unreachable, long followUpsSentThisWeek) {
            this(customers, dueThisWeek, unreachable, followUpsSentThisWeek, 0, 0);
        }
    }
}
