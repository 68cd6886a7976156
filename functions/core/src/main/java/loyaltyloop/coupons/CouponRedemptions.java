package loyaltyloop.coupons;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.OrderPlaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks our coupons redeemed when an order arrives carrying their code, and publishes {@code CouponRedeemed} (the
 * state change is conditional: one order redeems a coupon; the event is at least once, like every event), so the owner sees what surveys and points brought back. Codes that
 * are not ours (the shop's own promotions) are looked up and left alone.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class CouponRedemptions {

    /** An order with more codes than this is not a customer's checkout; the rest are not looked up. */
    static final int MAX_CODES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CouponRedemptions.class);

    private final CouponStore store;
    private final EventPublisher events;
    private final LoopStats loopStats;
    private final LoopMetrics metrics;

    public CouponRedemptions(CouponStore store, EventPublisher events, LoopStats loopStats, LoopMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.events = events;
        this.loopStats = loopStats;
    }

    /** Returns how many of our coupons the order redeemed now (0 on a repeat). */
    public int onOrderPlaced(OrderPlaced placed) {
        return onOrder(placed.shop(), placed.orderId(), placed.order().discountCodes(), placed.order().createdAt(),
                placed.order().total());
    }

    int onOrder(String shop, String orderId, List<String> discountCodes, Instant orderedAt) {
        return onOrder(shop, orderId, discountCodes, orderedAt, null);
    }

    /** {@code total}: the order's total, counted as loop revenue once per order whose loop coupon it redeemed. */
    int onOrder(String shop, String orderId, List<String> discountCodes, Instant orderedAt, Money total) {
        Set<String> codes = new LinkedHashSet<>();
        for (String typed : discountCodes) {
            String code = CouponCodes.normalise(typed);
            if (!code.isEmpty() && code.length() <= 64 && codes.size() < MAX_CODES) {
                codes.add(code);
            }
        }
        int redeemed = 0;
        for (String code : codes) {
            Optional<Coupon> coupon = store.find(shop, code);
            if (coupon.isEmpty()) {
                continue;
            }
            Coupon c = coupon.get();
            boolean now = store.markRedeemed(shop, code, orderId, orderedAt);
            // A retry after a failed publish finds it redeemed by this very order and publishes again.
            if (!now && !(c.state() == Coupon.State.REDEEMED && orderId.equals(c.redeemedOrderId()))) {
                continue;
            }
            events.publish(new CouponRedeemed(shop, code, orderId, c.origin(), c.reference(), c.email()));
            LOG.info("coupon from {} {} redeemed on order {} of {}", c.origin(), c.reference(), orderId, shop);
            if (now) {
                redeemed++;
                metrics.couponRedeemed();
                long revenue = redeemed == 1 && total != null && total.currency().equals(c.currency()) ? total.minor() : 0;
                loopStats.add(shop, LocalDate.ofInstant(orderedAt, ZoneOffset.UTC), java.util.Map.of(
                        LoopStats.Count.COUPONS_REDEEMED, 1L, LoopStats.Count.LOOP_REVENUE_MINOR, revenue));
            }
        }
        return redeemed;
    }
}
