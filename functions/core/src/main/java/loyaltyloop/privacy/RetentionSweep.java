package loyaltyloop.privacy;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retention run: in every shop, customers with no order, click or answer for the shop's retention period
 * are erased as by {@code customers/redact}, and orders placed before it lose their personal fields. Customers are
 * found by time in an index (their oldest order still holding personal fields, else their last activity), never by
 * a scan; what one run does not reach, the next does.
 */
@Singleton
public class RetentionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
    private static final int PAGE = 100;

    private final ShopStore shops;
    private final PersonalData data;
    private final CustomerErasure erasure;
    private final Clock clock;

    public RetentionSweep(ShopStore shops, PersonalData data, CustomerErasure erasure, Clock clock) {
        this.shops = shops;
        this.data = data;
        this.erasure = erasure;
        this.clock = clock;
    }

    public record Report(int customersErased, int ordersStripped, boolean incomplete) {
    }

    /** The moment before which a shop's customers and orders are past retention. */
    public static Instant cutoff(Shop shop, Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(shop.settings().retention().months()).toInstant();
    }

    public Report run(BooleanSupplier timeLeft) {
        int customers = 0;
        int orders = 0;
        Instant now = clock.instant();
        for (Shop shop : shops.all()) {
            Instant cutoff = cutoff(shop, now);
            // An item that could not be moved on in the index must not hold the run in a loop.
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<String> due;
            while (!(due = data.dueForRetention(shop.domain(), cutoff, PAGE)).isEmpty() && seen.addAll(due)) {
                for (String email : due) {
                    if (!timeLeft.getAsBoolean()) {
                        return report(customers, orders, true);
                    }
                    Instant lastActive = data.lastActivity(shop.domain(), email).orElse(Instant.MIN);
                    if (lastActive.isBefore(cutoff)) {
                        erasure.erase(shop.domain(), email, "retention");
                        customers++;
                    } else {
                        orders += data.stripOrdersPlacedBefore(shop.domain(), email, cutoff,
                                PersonalFields.pseudonym(shop.domain(), email));
                    }
                }
            }
        }
        return report(customers, orders, false);
    }

    private static Report report(int customers, int orders, boolean incomplete) {
        LOG.info("retention: {} customers erased, {} orders stripped of personal fields{}", customers, orders,
                incomplete ? " (the next run carries on)" : "");
        return new Report(customers, orders, incomplete);
    }
}
