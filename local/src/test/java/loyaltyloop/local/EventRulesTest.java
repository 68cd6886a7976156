package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.local.LocalTemplate.Rule;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class EventRulesTest {

    private static final Rule ORDER_PLACED = new Rule("AffirmationFunction", "OrderPlaced",
            "{\"source\":[\"loyalty-loop.orders\"],\"detail-type\":[\"OrderPlaced\"]}");
    private static final Rule BIG_ORDERS = new Rule("BigOrders", "Big",
            "{\"source\":[\"loyalty-loop.orders\"],\"detail\":{\"total\":[{\"numeric\":[\">=\",100]}]}}");

    private static String event(String source, String detailType, String detail) {
        return "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"" + detailType + "\",\"source\":\"" + source
                + "\",\"account\":\"000000000000\",\"time\":\"2024-01-01T00:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":" + detail + "}";
    }

    @Test
    void theCouponRedemptionRuleOfTheTemplateSkipsOrdersWithoutADiscountCode() {
        Rule redemption = new Rule("CouponRedemptionFunction", "OrdersWithCodes", "{\"source\":[\"loyalty-loop.orders\"],"
                + "\"detail-type\":[\"OrderPlaced\"],\"detail\":{\"order\":{\"discountCodes\":[{\"exists\":true}]}}}");
        EventRules rules = new EventRules(List.of(redemption));

        assertThat(rules.matching(event("loyalty-loop.orders", "OrderPlaced",
                "{\"order\":{\"discountCodes\":[\"K7QH2MZPXW3A\"]}}"))).containsExactly(redemption);
        assertThat(rules.matching(event("loyalty-loop.orders", "OrderPlaced", "{\"order\":{\"discountCodes\":[]}}")))
                .isEmpty();
        assertThat(rules.matching(event("loyalty-loop.orders", "OrderPlaced", "{\"order\":{}}"))).isEmpty();
    }

    @Test
    void routesByTheTemplatePatterns() {
        EventRules rules = new EventRules(List.of(ORDER_PLACED, BIG_ORDERS));

        assertThat(rules.matching(event("loyalty-loop.orders", "OrderPlaced", "{\"total\":5}")))
                .containsExactly(ORDER_PLACED);
        assertThat(rules.matching(event("loyalty-loop.orders", "OrderPlaced", "{\"total\":150}")))
                .containsExactlyInAnyOrder(ORDER_PLACED, BIG_ORDERS);
        assertThat(rules.matching(event("loyalty-loop.orders", "OrderRefunded", "{\"total\":5}"))).isEmpty();
        assertThat(rules.matching(event("someone.else", "OrderPlaced", "{}"))).isEmpty();
    }

    @Test
    void theBusDeliversMatchedEventsAsynchronouslyInTheEventBridgeEnvelope() throws Exception {
        LocalClock clock = new LocalClock();
        List<Object[]> calls = new CopyOnWriteArrayList<>();
        try (LocalEventBus bus = new LocalEventBus(clock)) {
            bus.connect(new EventRules(List.of(ORDER_PLACED)), (id, event) -> calls.add(new Object[] {id, event}));

            bus.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", "{\"shop\":\"demo.myshopify.com\",\"n\":1}"));
            bus.publish(new DomainEvent("loyalty-loop.orders", "OrderCancelled", "{\"shop\":\"demo.myshopify.com\"}"));
            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(calls).hasSize(1);
            assertThat(calls.get(0)[0]).isEqualTo("AffirmationFunction");
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) calls.get(0)[1];
            assertThat(event).containsKeys("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
            assertThat(event.get("detail-type")).isEqualTo("OrderPlaced");
            assertThat(event.get("account")).isEqualTo("000000000000");
            assertThat(event.get("detail")).isEqualTo(Map.of("shop", "demo.myshopify.com", "n", 1));
        }
    }

    @Test
    void aFailingFunctionIsRetriedTwiceThenDeadLettered() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (LocalEventBus bus = new LocalEventBus(new LocalClock())) {
            bus.retryDelay(Duration.ofMillis(10));
            bus.connect(new EventRules(List.of(ORDER_PLACED)), (id, event) -> {
                attempts.incrementAndGet();
                throw new IllegalStateException("boom");
            });
            bus.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", "{}"));
            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();

            assertThat(attempts).hasValue(3);
            assertThat(bus.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.functionId()).isEqualTo("AffirmationFunction");
                assertThat(letter.attempts()).isEqualTo(3);
                assertThat(letter.error()).contains("boom");
            });
        }
    }

    @Test
    void aRetrySucceedsWithoutADeadLetter() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (LocalEventBus bus = new LocalEventBus(new LocalClock())) {
            bus.retryDelay(Duration.ofMillis(10));
            bus.connect(new EventRules(List.of(ORDER_PLACED)), (id, event) -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("transient");
                }
            });
            bus.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", "{}"));
            assertThat(bus.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(attempts).hasValue(2);
            assertThat(bus.deadLetters()).isEmpty();
        }
    }
}
