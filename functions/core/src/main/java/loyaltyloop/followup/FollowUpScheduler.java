package loyaltyloop.followup;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.ladder.LadderCounts;
import loyaltyloop.ladder.LadderDay;
import loyaltyloop.ladder.LadderPosition;
import loyaltyloop.ladder.LoyaltyLadder;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps a customer's place in the loop in step with their orders and refunds: counts their spend in the shop's
 * histogram and puts them on the due index.
 *
 * <p>It reconciles state rather than applying deltas, so a repeated or late event changes nothing. The due time
 * it writes is a lower bound (the thank-you sent after the order is a later contact); the sweep re-reads the
 * customer and moves it. One window remains: a crash between the customer write and the histogram update
 * leaves that customer uncounted, which can only make standing slightly generous to others.
 */
@Singleton
public class FollowUpScheduler {

    public static final String BIG_FIRST_ORDER = "BIG_FIRST_ORDER";
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpScheduler.class);
    private static final int ATTEMPTS = 20;

    private final ShopStore shops;
    private final CustomerStore customers;
    private final SpendStats spendStats;
    private final LoopStats loopStats;
    private final LadderCounts ladderCounts;
    private final Clock clock;

    public FollowUpScheduler(ShopStore shops, CustomerStore customers, SpendStats spendStats, LoopStats loopStats,
            LadderCounts ladderCounts, Clock clock) {
        this.shops = shops;
        this.customers = customers;
        this.spendStats = spendStats;
        this.loopStats = loopStats;
        this.ladderCounts = ladderCounts;
        this.clock = clock;
    }

    public enum Outcome { SCHEDULED, UNCHANGED, UNREACHABLE, UNKNOWN_SHOP, UNKNOWN_CUSTOMER }

    /**
     * What prompted a reconcile.
     *
     * @param orderId the order, or null
     * @param firstOrder the customer's first order at the shop: a big one is noted for the owner's digest
     * @param placedAt when the order was placed, for an {@code OrderPlaced}: its survey is scheduled from it
     * @param cancelled the order was cancelled: a survey waiting about it is dropped
     */
    public record Prompt(String orderId, boolean firstOrder, Instant placedAt, boolean cancelled) {
        public static Prompt placed(String orderId, boolean firstOrder, Instant placedAt) {
            return new Prompt(orderId, firstOrder, placedAt, false);
        }

        public static Prompt cancelled(String orderId) {
            return new Prompt(orderId, false, null, true);
        }
    }

    /** A new order: its spend counts, and its survey is scheduled from when it was placed. */
    public Outcome onOrderPlaced(OrderPlaced placed) {
        return reconcile(placed.shop(), placed.order().email(),
                Prompt.placed(placed.orderId(), placed.customerOrderNumber() == 1, placed.order().createdAt()));
    }

    public Outcome onOrderRefunded(OrderRefunded refunded) {
        return reconcile(refunded.shop(), refunded.email(), refunded.orderId(), false);
    }

    /** A cancelled order: a survey waiting about it is dropped. */
    public Outcome onOrderCancelled(OrderCancelled cancelled) {
        return reconcile(cancelled.shop(), cancelled.email(), Prompt.cancelled(cancelled.orderId()));
    }

    /** Brings the customer's loop state up to date after a change that schedules no survey (a refund, a test). */
    public Outcome reconcile(String shopDomain, String email, String orderId, boolean firstOrder) {
        return reconcile(shopDomain, email, new Prompt(orderId, firstOrder, null, false));
    }

    /** Brings the customer's loop state up to date: spend standing, survey, due time. */
    public Outcome reconcile(String shopDomain, String email, Prompt prompt) {
        String orderId = prompt.orderId();
        boolean firstOrder = prompt.firstOrder();
        Optional<Shop> shop = shops.find(shopDomain);
        if (shop.isEmpty()) {
            return Outcome.UNKNOWN_SHOP;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> found = customers.find(shopDomain, email);
            if (found.isEmpty()) {
                LOG.warn("no customer {} in {} to schedule", CustomerEmails.mask(email), shopDomain);
                return Outcome.UNKNOWN_CUSTOMER;
            }
            Customer before = found.get();
            FollowUpState loop = before.followUp();
            long spend = before.netSpend().minor();
            Long fromBucket = loop.spendBucket();
            Long toBucket = SpendHistogram.bucketOf(spend);
            SpendHistogram standing = spendStats.histogram(shopDomain).withMove(fromBucket, toBucket);
            Instant now = clock.instant();

            FollowUpState after = loop.withSpendBucket(toBucket)
                    .withSurvey(SurveySchedule.after(loop.survey(), prompt, shop.get().settings().survey(), now));
            boolean reachable = FollowUpPolicy.reachability(before, shop.get().consentMode())
                    == FollowUpPolicy.Reachability.REACHABLE;
            if (!reachable) {
                after = after.withDueAt(null).withUnreachableSince(loop.unreachableSince() != null
                        ? loop.unreachableSince() : now);
            } else if (before.lastContactAt() != null) {
                boolean checkEarly = standing.inTop(spend, FollowUpPolicy.CHECK_EARLY_PERCENT);
                Instant due = FollowUpPolicy.dueAt(before.lastContactAt(), checkEarly);
                // Never later than a due time already set: the sweep moves early hints, a late one would break 90-45.
                if (loop.dueAt() != null && loop.dueAt().isBefore(due)) {
                    due = loop.dueAt();
                }
                after = after.withDueAt(FollowUpState.nextVisit(due, after.survey())).withUnreachableSince(null);
            }
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            boolean ordered = prompt.placedAt() != null && orderId != null;
            LadderPosition ladderBefore = loop.ladder();
            boolean recovered = ordered && ladderBefore != null && ladderBefore.recoveryOpen();
            LadderPosition ladderAfter = ladderPosition(shop.get(), before, prompt,
                    standing.topTenPercent(spend), recovered, today);
            after = after.withLadder(ladderAfter);
            if (after.equals(loop)) {
                // A repeat writes nothing, not even the digest note: EventBridge retries for up to a day, and a
                // note on a later day would make an old order "yesterday's" again.
                return reachable ? Outcome.UNCHANGED : Outcome.UNREACHABLE;
            }
            if (!customers.saveIfUnchanged(before.withFollowUp(after, before.lastContactAt()))) {
                continue;
            }
            if (!toBucket.equals(fromBucket)) {
                spendStats.move(shopDomain, fromBucket, toBucket);
            }
            if (loop.unreachableSince() == null && after.unreachableSince() != null) {
                loopStats.addUnreachable(shopDomain, 1);
            } else if (loop.unreachableSince() != null && after.unreachableSince() == null) {
                loopStats.addUnreachable(shopDomain, -1);
            }
            LadderDay move = LoyaltyLadder.move(ladderBefore, ladderAfter, today, recovered);
            if (!move.isEmpty()) {
                ladderCounts.record(shopDomain, before.email(), move);
            }
            noteBigFirstOrder(shop.get(), before, standing, orderId, firstOrder);
            return reachable ? Outcome.SCHEDULED : Outcome.UNREACHABLE;
        }
        throw new IllegalStateException("gave up scheduling " + CustomerEmails.mask(email) + " after " + ATTEMPTS
                + " conflicting writes");
    }

    /** Where the customer stands on the ladder after this event: their order's day joins their recent orders. */
    private static LadderPosition ladderPosition(Shop shop, Customer c, Prompt prompt, boolean top, boolean recovered,
            LocalDate today) {
        LadderPosition was = c.followUp().ladder();
        Map<Integer, LocalDate> days = new TreeMap<>(was == null ? Map.of() : was.orderDays());
        Integer number = prompt.orderId() == null ? null : c.countedOrders().get(prompt.orderId());
        if (prompt.placedAt() != null && number != null) {
            days.put(number, prompt.placedAt().atZone(ZoneOffset.UTC).toLocalDate());
        }
        LocalDate fallback = c.firstOrderAt() == null ? today : c.firstOrderAt().atZone(ZoneOffset.UTC).toLocalDate();
        boolean recoveryOpen = was != null && was.recoveryOpen() && !recovered;
        return LoyaltyLadder.place(new LoyaltyLadder.Facts(c.orderCount(), top, days, was != null && was.advocate(),
                recoveryOpen), shop.settings().ladder().loyalAfterOrders(), fallback);
    }

    private void noteBigFirstOrder(Shop shop, Customer customer, SpendHistogram standing, String orderId,
            boolean firstOrder) {
        if (firstOrder && orderId != null && customer.orderCount() == 1
                && standing.topTenPercent(customer.netSpend().minor())) {
            loopStats.note(shop.domain(), clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                    new LoopStats.DigestNote(BIG_FIRST_ORDER, customer.email(), orderId));
        }
    }
}
