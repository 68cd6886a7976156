package loyaltyloop.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.intake.IntakeResult;
import loyaltyloop.intake.OrderIntake;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.orders.JsonFields;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.owner.OwnerDigests;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.stats.LoopStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the orders whose webhook never arrived. Every few hours, per shop with API credentials, it reads the orders
 * created or changed since its last watermark and passes each one we have not stored through {@link OrderIntake}
 * as if its webhook had come ({@link OrderIntake#recover}): the same events, so the same one thank-you. Each
 * recovered order, and a shop whose API refuses our credentials, is noted for the owner's digest.
 *
 * <p>The watermark moves only after a shop's whole window was read; the next window starts {@link #OVERLAP} before
 * it, so an order saved while we read is not missed, and one read twice is found stored.
 */
@Singleton
@Requires(beans = EventPublisher.class) // it publishes through OrderIntake
public class Reconciliation {

    /** A digest note: this order reached the loop only through reconciliation. */
    public static final String RECOVERED_ORDER = OwnerDigests.RECOVERED_ORDER;
    /** A digest note: the shop's API refused our credentials. */
    public static final String API_REFUSED = OwnerDigests.API_REFUSED;
    /** How far back the first run of a shop looks. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(3);
    static final Duration OVERLAP = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final ShopStore shops;
    private final List<PastOrders> platforms;
    private final OrderStore orders;
    private final OrderIntake intake;
    private final HistoryMarks marks;
    private final LoopStats loopStats;
    private final Clock clock;
    private final String publicBaseUrl;

    public Reconciliation(ShopStore shops, List<PastOrders> platforms, OrderStore orders, OrderIntake intake,
            HistoryMarks marks, LoopStats loopStats, Clock clock,
            @Value("${loyalty.public-base-url:}") String publicBaseUrl) {
        this.shops = shops;
        this.platforms = List.copyOf(platforms);
        this.orders = orders;
        this.intake = intake;
        this.marks = marks;
        this.loopStats = loopStats;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** What happened at one shop. */
    public enum Outcome { READ, NOT_CONNECTED, CREDENTIALS_REFUSED, FAILED, OUT_OF_TIME }

    /** @param recovered orders that reached the loop through this run */
    public record ShopReport(Outcome outcome, int read, int recovered) {
    }

    /** Reconciles every shop while {@code timeLeft} says so; a shop not reached keeps its watermark. */
    public Map<String, ShopReport> run(BooleanSupplier timeLeft) {
        Map<String, ShopReport> reports = new LinkedHashMap<>();
        for (Shop shop : shops.all()) {
            if (!timeLeft.getAsBoolean()) {
                reports.put(shop.domain(), new ShopReport(Outcome.OUT_OF_TIME, 0, 0));
                continue;
            }
            reports.put(shop.domain(), reconcile(shop, timeLeft));
        }
        return reports;
    }

    ShopReport reconcile(Shop shop, BooleanSupplier timeLeft) {
        Optional<PastOrders> platform = platforms.stream().filter(p -> p.serves(shop)).findFirst();
        if (platform.isEmpty()) {
            return new ShopReport(Outcome.NOT_CONNECTED, 0, 0);
        }
        Instant startedAt = clock.instant();
        Instant since = marks.watermark(shop.domain()).map(w -> w.minus(OVERLAP))
                .orElse(startedAt.minus(FIRST_LOOK_BACK));
        int read = 0;
        int recovered = 0;
        String cursor = null;
        try {
            do {
                if (!timeLeft.getAsBoolean()) {
                    return new ShopReport(Outcome.OUT_OF_TIME, read, recovered);
                }
                PastOrders.Page page = platform.get().page(shop, PastOrders.Window.updatedSince(since), cursor);
                for (JsonNode order : page.orders()) {
                    read++;
                    if (recover(shop, order)) {
                        recovered++;
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (PastOrdersException e) {
            LOG.warn("reconciliation of {} stopped: {}", shop.domain(), e.getMessage());
            if (e.credentialsRefused()) {
                loopStats.note(shop.domain(), today(), new LoopStats.DigestNote(API_REFUSED, "", "api"));
                return new ShopReport(Outcome.CREDENTIALS_REFUSED, read, recovered);
            }
            return new ShopReport(Outcome.FAILED, read, recovered);
        }
        marks.saveWatermark(shop.domain(), startedAt);
        if (recovered > 0) {
            LOG.warn("{} orders of {} arrived only through reconciliation: check the shop's webhooks", recovered,
                    shop.domain());
        }
        return new ShopReport(Outcome.READ, read, recovered);
    }

    /** Passes an order we have not stored through intake; true when it reached the loop that way. */
    private boolean recover(Shop shop, JsonNode order) {
        String orderId = JsonFields.id(order, "id");
        if (orderId == null || orders.findOrder(shop.domain(), orderId).isPresent()) {
            return false;
        }
        // The change it stands for: a later change of the same order (paid at last) is a new delivery.
        String version = Optional.ofNullable(JsonFields.text(order, "updated_at"))
                .orElse(Optional.ofNullable(JsonFields.text(order, "date_modified_gmt")).orElse(""));
        String topic = shop.platform() == Platform.SHOPIFY
                ? (JsonFields.text(order, "cancelled_at") != null ? "orders/cancelled" : "orders/create")
                : "order.updated";
        IntakeResult result = intake.recover(shop, topic, "reconcile:" + orderId + "@" + version, order,
                publicBaseUrl);
        if (!(result instanceof IntakeResult.Accepted)
                || orders.findOrder(shop.domain(), orderId).map(o -> o.status() != loyaltyloop.orders.OrderStatus.PLACED)
                        .orElse(true)) {
            return false;
        }
        if (shop.platform() == Platform.SHOPIFY) {
            // Shopify sends refunds as their own webhook; the order read through the API carries them.
            JsonNode refunds = JsonFields.array(order, "refunds");
            if (refunds != null) {
                for (JsonNode refund : refunds) {
                    intake.recover(shop, "refunds/create", "reconcile:refund:" + JsonFields.id(refund, "id"), refund,
                            publicBaseUrl);
                }
            }
        }
        String email = CustomerEmails.normalise(JsonFields.text(order, "email") != null ? JsonFields.text(order, "email")
                : JsonFields.text(order.path("billing"), "email")).orElse("");
        loopStats.note(shop.domain(), today(), new LoopStats.DigestNote(RECOVERED_ORDER, email, orderId));
        LOG.info("order {} of {} recovered by reconciliation", orderId, shop.domain());
        return true;
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
