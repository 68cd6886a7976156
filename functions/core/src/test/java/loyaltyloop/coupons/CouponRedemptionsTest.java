package loyaltyloop.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.RecordingLoopMetrics;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MotoTest
class CouponRedemptionsTest {

    private static final String SHOP = "redeem.myshopify.com";
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static TestAws.EventTap bus;
    private static ApplicationContext context;
    private static CouponStore store;
    private static CouponRedemptions redemptions;
    private static LoopStats loopStats;
    private static final RecordingLoopMetrics metrics = new RecordingLoopMetrics();

    @BeforeAll
    static void start() {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), "unused-key", Map.of());
        store = context.getBean(CouponStore.class);
        loopStats = context.getBean(LoopStats.class);
        redemptions = new CouponRedemptions(store, context.getBean(EventPublisher.class), loopStats, metrics);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static Coupon issued(String code) {
        Coupon coupon = new Coupon(SHOP, code, "ana@example.com", CouponTerms.percentOff(20), "USD",
                Coupon.Origin.SURVEY, "1001", Coupon.State.PENDING, NOW, NOW.plus(Duration.ofDays(60)), null, null);
        assertThat(store.create(coupon)).isTrue();
        assertThat(store.markIssued(SHOP, code)).isTrue();
        return coupon;
    }

    private static long redeemedOn(Instant at) {
        java.time.LocalDate day = java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        return loopStats.totals(SHOP, day, day).get(LoopStats.Count.COUPONS_REDEEMED);
    }

    private static List<JsonNode> redeemedEvents() {
        return bus.drain().stream().filter(e -> "CouponRedeemed".equals(e.path("detail-type").asText())).toList();
    }

    @Test
    void anOrderUsingOurCodeMarksItRedeemedAndPublishesCouponRedeemed() {
        String code = CouponCodes.generate(null);
        issued(code);
        bus.drain();

        assertThat(redemptions.onOrder(SHOP, "2001", List.of(" " + code.toLowerCase() + " "), NOW)).isEqualTo(1);

        Coupon after = store.find(SHOP, code).orElseThrow();
        assertThat(after.state()).isEqualTo(Coupon.State.REDEEMED);
        assertThat(after.redeemedOrderId()).isEqualTo("2001");
        List<JsonNode> events = redeemedEvents();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("detail").path("origin").asText()).isEqualTo("SURVEY");
        assertThat(events.get(0).path("detail").path("reference").asText()).isEqualTo("1001");
    }

    @Test
    void aSingleUseCodeIsRedeemedByOneOrderEvenWhenOrdersRace() throws Exception {
        String code = CouponCodes.generate(null);
        issued(code);
        bus.drain();
        long before = redeemedOn(NOW);

        long countedBefore = metrics.total(LoopMetrics.COUPONS_REDEEMED);
        List<Integer> counts = Concurrently.run(List.of(
                () -> redemptions.onOrder(SHOP, "3001", List.of(code), NOW),
                () -> redemptions.onOrder(SHOP, "3002", List.of(code), NOW),
                () -> redemptions.onOrder(SHOP, "3003", List.of(code), NOW)));

        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(metrics.total(LoopMetrics.COUPONS_REDEEMED) - countedBefore).as("counted once").isEqualTo(1);
        assertThat(redeemedEvents()).hasSize(1);
        assertThat(redeemedOn(NOW) - before).as("the owner's digest counts it once").isEqualTo(1);
    }

    @Test
    void theShopsOwnCodesAndPendingCouponsAreLeftAlone() {
        String pending = CouponCodes.generate(null);
        store.create(new Coupon(SHOP, pending, "bo@example.com", CouponTerms.percentOff(20), "USD",
                Coupon.Origin.SURVEY, "1002", Coupon.State.PENDING, NOW, NOW.plus(Duration.ofDays(60)), null, null));
        bus.drain();

        assertThat(redemptions.onOrder(SHOP, "4001", List.of("SUMMER10", pending, ""), NOW)).isZero();
        assertThat(store.find(SHOP, pending).orElseThrow().state()).isEqualTo(Coupon.State.PENDING);
        assertThat(redeemedEvents()).isEmpty();
    }

    @Test
    void aRepeatedOrderEventRedeemsNothingNewButPublishesAgainForTheSameOrder() {
        String code = CouponCodes.generate(null);
        issued(code);
        redemptions.onOrder(SHOP, "5001", List.of(code), NOW);
        bus.drain();

        // A retry after a failed publish must still get the event out; consumers are idempotent.
        assertThat(redemptions.onOrder(SHOP, "5001", List.of(code), NOW)).isZero();
        assertThat(redeemedEvents()).hasSize(1);
        assertThat(redemptions.onOrder(SHOP, "5002", List.of(code), NOW)).isZero();
        assertThat(redeemedEvents()).isEmpty();
    }
}
