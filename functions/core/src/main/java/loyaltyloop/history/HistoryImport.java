package loyaltyloop.history;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerHistory;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.followup.FollowUpPolicy;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.orders.JsonFields;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.ParsedOrder;
import loyaltyloop.orders.RefundAmounts;
import loyaltyloop.orders.ShopifyOrders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.orders.WooCommerceOrders;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.stats.LoopStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a shop's past orders into the loop without sending anything (docs/import.md).
 *
 * <p>Each order goes through the webhook parsers ({@link ShopifyOrders}, {@link WooCommerceOrders}) and is stored
 * as imported; each customer's order count, first order, net spend, consent and referral code come from the same
 * rules as a webhook's ({@link CustomerHistory}); their spend goes into the histogram and their follow-up is due 45
 * days after their last order (the sweep re-checks standing when it comes, so nobody in the top 10% waits past 45
 * days), or on one of the days after the import when that is past ({@link OverdueSpread}). No event is published:
 * no thank-you, no survey, no referral credit, and a webhook for an imported order later finds it stored and
 * published ({@link StoredOrder#imported()}).
 *
 * <p>Idempotent and resumable. Per page, a customer is written once (all their new orders and the schedule), then
 * the orders, then the histogram counts, then the checkpoint. A repeat finds the orders stored and skips them; a
 * customer written before a crash already counts those orders ({@code countedOrders}) and is not counted again.
 * A crash between the customer and the histogram writes leaves that customer uncounted in the histogram, as with
 * the scheduler: it can only make standing slightly generous to others.
 */
@Singleton
public class HistoryImport {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryImport.class);
    private static final int ATTEMPTS = 20;

    private final OrderStore orders;
    private final CustomerAccounts accounts;
    private final CustomerStore customers;
    private final SpendStats spendStats;
    private final LoopStats loopStats;
    private final HistoryMarks marks;
    private final Clock clock;

    public HistoryImport(OrderStore orders, CustomerAccounts accounts, CustomerStore customers, SpendStats spendStats,
            LoopStats loopStats, HistoryMarks marks, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.customers = customers;
        this.spendStats = spendStats;
        this.loopStats = loopStats;
        this.marks = marks;
        this.clock = clock;
    }

    /**
     * @param counts what the whole import did, earlier runs of a resumed one included
     * @param resumed this run continued an import that had stopped
     */
    public record Result(ImportCounts counts, boolean resumed) {
    }

    /**
     * Imports every page of the source, from where an earlier run of the same source stopped. A platform failure
     * is thrown after the pages before it are kept; running again continues from there.
     */
    public Result run(Shop shop, OrderSource source, ImportProgress.Listener listener) {
        Optional<ImportCheckpoint> checkpoint = marks.checkpoint(shop.domain(), source.key());
        boolean resumed = checkpoint.isPresent() && !checkpoint.get().done();
        String cursor = resumed ? checkpoint.get().cursor() : null;
        ImportCounts counts = resumed ? checkpoint.get().counts() : ImportCounts.NONE;
        long startNanos = System.nanoTime();
        long readThisRun = 0;
        if (resumed) {
            LOG.info("import of {} resumes after {} orders", shop.domain(), counts.ordersRead());
        }
        do {
            OrderSource.Page page = source.page(cursor);
            ImportCounts done = importPage(shop, page.orders());
            counts = counts.plus(done);
            readThisRun += done.ordersRead();
            cursor = page.nextCursor();
            marks.saveCheckpoint(new ImportCheckpoint(shop.domain(), source.key(), cursor, cursor == null, counts,
                    clock.instant()));
            listener.progressed(new ImportProgress(counts, page.totalOrders(),
                    Duration.ofNanos(System.nanoTime() - startNanos), readThisRun));
        } while (cursor != null);
        LOG.info("import of {} done: {} orders read, {} imported, {} known, {} skipped", shop.domain(),
                counts.ordersRead(), counts.ordersImported(), counts.ordersKnown(), counts.ordersSkipped());
        return new Result(counts, resumed);
    }

    /** One page: its new orders counted for their customers, stored, and the histogram moved. */
    ImportCounts importPage(Shop shop, List<JsonNode> page) {
        Instant now = clock.instant();
        long skipped = 0;
        long known = 0;
        // By order id, the last line winning: an export may hold an order twice (created, then updated).
        Map<String, Taken> taken = new LinkedHashMap<>();
        for (JsonNode json : page) {
            Taken t = take(shop, json);
            if (t == null) {
                skipped++;
            } else {
                taken.put(t.order().orderId(), t);
            }
        }
        Map<String, List<Taken>> byCustomer = new LinkedHashMap<>();
        List<Taken> fresh = new ArrayList<>();
        for (Taken t : taken.values()) {
            if (orders.findOrder(shop.domain(), t.order().orderId()).isPresent()) {
                known++;
                continue;
            }
            fresh.add(t);
            if (t.status() == OrderStatus.PLACED) {
                byCustomer.computeIfAbsent(t.order().email(), e -> new ArrayList<>()).add(t);
            }
        }
        PageTally tally = new PageTally();
        byCustomer.forEach((email, theirs) -> updateCustomer(shop, email, theirs, now, tally));

        long imported = 0;
        long refunds = 0;
        for (Taken t : fresh) {
            Order o = t.order();
            if (orders.createOrder(new StoredOrder(o, t.status(), StoredOrder.IMPORTED + o.orderId(), now))) {
                imported++;
            } else {
                known++; // its webhook got there in between: intake counted it
                continue;
            }
            for (Map.Entry<String, Money> refund : t.refunds().entrySet()) {
                if (orders.recordRefund(shop.domain(), o.orderId(), refund.getKey(), refund.getValue(), now)) {
                    // Published already, as far as intake is concerned: history raises no OrderRefunded.
                    orders.markRefundPublished(shop.domain(), o.orderId(), refund.getKey());
                    refunds++;
                }
            }
        }
        spendStats.addCounts(shop.domain(), tally.bucketDeltas);
        if (tally.unreachableDelta != 0) {
            loopStats.addUnreachable(shop.domain(), tally.unreachableDelta);
        }
        return new ImportCounts(page.size(), imported, known, skipped, refunds, tally.customers, tally.overdue);
    }

    /**
     * Counts the customer's new orders (oldest first) with their refunds and schedules them, in one conditional
     * write; orders already counted change nothing.
     */
    private void updateCustomer(Shop shop, String email, List<Taken> theirs, Instant now, PageTally tally) {
        theirs.sort(Comparator.comparing((Taken t) -> t.order().createdAt()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Customer before = accounts.findOrStart(shop, email, theirs.get(0).order().createdAt());
            Customer c = before;
            for (Taken t : theirs) {
                Customer counted = CustomerHistory.withOrder(c, t.order(), shop.currency(), now);
                if (counted != c) {
                    for (Money refund : t.refunds().values()) {
                        counted = CustomerHistory.withRefund(counted, refund);
                    }
                }
                c = counted;
            }
            if (c == before) {
                return; // counted by a run that stopped before storing the orders
            }
            FollowUpState loop = before.followUp();
            Long bucket = SpendHistogram.bucketOf(c.netSpend().minor());
            FollowUpState after = loop.withSpendBucket(bucket);
            boolean reachable = FollowUpPolicy.reachability(c, shop.consentMode())
                    == FollowUpPolicy.Reachability.REACHABLE;
            boolean overdue = false;
            if (!reachable) {
                after = after.withDueAt(null)
                        .withUnreachableSince(loop.unreachableSince() != null ? loop.unreachableSince() : now);
            } else {
                // 45 days for everyone: the histogram is still filling, and the sweep moves anyone not in the top
                // 10% on to their 90 days when it looks, so no one is ever late.
                Instant natural = FollowUpPolicy.dueAt(c.lastContactAt(), true);
                overdue = OverdueSpread.overdue(natural, now);
                Instant due = OverdueSpread.dueAt(natural, now, email, shop.settings().history().overdueSpreadDays());
                if (loop.dueAt() != null && loop.dueAt().isBefore(due)) {
                    due = loop.dueAt();
                }
                after = after.withDueAt(FollowUpState.nextVisit(due, after.survey())).withUnreachableSince(null);
            }
            Customer updated = c.withFollowUp(after, before.version() + 1);
            if (!customers.saveIfUnchanged(updated)) {
                continue;
            }
            Long from = loop.spendBucket();
            if (!bucket.equals(from)) {
                tally.bucketDeltas.merge(bucket, 1L, Long::sum);
                if (from != null) {
                    tally.bucketDeltas.merge(from, -1L, Long::sum);
                }
            }
            if (loop.unreachableSince() == null && after.unreachableSince() != null) {
                tally.unreachableDelta++;
            } else if (loop.unreachableSince() != null && after.unreachableSince() == null) {
                tally.unreachableDelta--;
            }
            tally.customers++;
            if (overdue) {
                tally.overdue++;
            }
            return;
        }
        throw new CustomerAccounts.ConcurrentUpdateException("customer " + CustomerEmails.mask(email));
    }

    /** The order as intake would take it, or null when intake would ignore it. */
    private static Taken take(Shop shop, JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        ParsedOrder parsed;
        OrderStatus status;
        if (shop.platform() == Platform.SHOPIFY) {
            parsed = ShopifyOrders.parse(json, shop);
            status = JsonFields.text(json, "cancelled_at") != null ? OrderStatus.CANCELLED : OrderStatus.PLACED;
        } else {
            String wooStatus = WooCommerceOrders.status(json);
            if (wooStatus.equals("pending")) {
                return null; // not paid: intake waits for the update that moves it to processing
            }
            parsed = WooCommerceOrders.parse(json, shop);
            status = wooStatus.equals("cancelled") || wooStatus.equals("failed") ? OrderStatus.CANCELLED
                    : OrderStatus.PLACED;
        }
        if (!(parsed instanceof ParsedOrder.Usable usable)) {
            return null;
        }
        Order order = usable.order();
        Map<String, Money> refunds = new LinkedHashMap<>();
        JsonNode list = JsonFields.array(json, "refunds");
        if (list != null && status == OrderStatus.PLACED) {
            for (JsonNode refund : list) {
                String id = JsonFields.id(refund, "id");
                try {
                    Money amount = shop.platform() == Platform.SHOPIFY ? RefundAmounts.shopify(refund, order.currency())
                            : RefundAmounts.wooCommerce(refund, order.currency());
                    if (id != null && amount != null && amount.minor() > 0) {
                        refunds.put(id, amount);
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("refund {} of order {} of {} has an unreadable amount", id, order.orderId(),
                            shop.domain().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Taken(order, status, refunds);
    }

    private record Taken(Order order, OrderStatus status, Map<String, Money> refunds) {
    }

    private static final class PageTally {
        final Map<Long, Long> bucketDeltas = new HashMap<>();
        long unreachableDelta;
        long customers;
        long overdue;
    }
}
