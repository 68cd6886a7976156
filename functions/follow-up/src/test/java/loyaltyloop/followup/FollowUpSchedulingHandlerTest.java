package loyaltyloop.followup;

import static loyaltyloop.followup.FollowUpEvents.detail;
import static loyaltyloop.followup.FollowUpEvents.order;
import static loyaltyloop.followup.FollowUpEvents.orderPlaced;
import static loyaltyloop.followup.FollowUpEvents.recordOrderAsIntakeDid;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.stats.LoopStats;

/** The scheduling function with the sample {@code OrderPlaced} event and refund/cancel events as intake publishes them. */
@MotoTest
class FollowUpSchedulingHandlerTest {

    private ApplicationContext context;
    private FollowUpSchedulingHandler handler;
    private Shop shop;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        handler = new FollowUpSchedulingHandler(context);
        shop = TestShops.shopify(context, "sample-shopify-secret");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private Customer customer(String email) {
        return context.getBean(CustomerAccounts.class).find(shop.domain(), email).orElseThrow();
    }

    /** An {@code OrderRefunded} / {@code OrderCancelled} event with the detail order intake publishes. */
    private static Map<String, Object> orderEvent(String type, Order order, Money refund) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("shop", order.shop());
        detail.put("orderId", order.orderId());
        detail.put("email", order.email());
        if (refund != null) {
            detail.put("amountMinor", refund.minor());
            detail.put("currency", refund.currency());
        }
        Map<String, Object> event = FollowUpEvents.read("order-placed.json");
        event.put("detail-type", type);
        event.put("detail", detail);
        return event;
    }

    @Test
    void theSampleOrderPlacedPutsTheCustomerOnTheDueIndexAtTheirSurvey() {
        String email = TestAws.unique("jane") + "@example.com";
        Map<String, Object> event = orderPlaced(email, null);
        Order order = recordOrderAsIntakeDid(context, shop, event);

        assertThat(handler.handleRequest(event, null)).isEqualTo("SCHEDULED");

        Customer customer = customer(email);
        // The survey (14 days after the order) comes before the 45-day check of the shop's only customer.
        Instant placed = Instant.parse("2026-11-28T15:15:30Z");
        if (placed.plus(Duration.ofDays(14)).isAfter(Instant.now().minus(SurveySchedule.STALE))) {
            assertThat(customer.followUp().dueAt()).isEqualTo(placed.plus(Duration.ofDays(14)));
            assertThat(customer.followUp().survey().orderId()).isEqualTo(order.orderId());
        } else {
            // Run long after the sample's date, the order is too old to ask about: the 45-day check stays.
            assertThat(customer.followUp().dueAt()).isEqualTo(placed.plus(Duration.ofDays(45)));
            assertThat(customer.followUp().survey().dueAt()).isNull();
        }
        assertThat(customer.followUp().spendBucket()).isEqualTo(5_990L);
        assertThat(context.getBean(SpendStats.class).histogram(shop.domain()).buckets())
                .containsExactly(Map.entry(5_990L, 1L));
        assertThat(order.total().minor()).isEqualTo(5_990);
    }

    @Test
    void aRepeatedOrderPlacedChangesNothing() {
        String email = TestAws.unique("twice") + "@example.com";
        Map<String, Object> event = orderPlaced(email, null);
        recordOrderAsIntakeDid(context, shop, event);
        handler.handleRequest(event, null);
        Customer before = customer(email);

        assertThat(handler.handleRequest(event, null)).isEqualTo("UNCHANGED");

        assertThat(customer(email)).isEqualTo(before);
        assertThat(context.getBean(SpendStats.class).histogram(shop.domain()).customers()).isEqualTo(1);
    }

    @Test
    void aRefundMovesTheCustomerDownTheHistogram() {
        String email = TestAws.unique("refund") + "@example.com";
        Map<String, Object> placed = orderPlaced(email, null);
        Order order = recordOrderAsIntakeDid(context, shop, placed);
        handler.handleRequest(placed, null);
        Money refund = new Money(1_995, "USD");
        context.getBean(CustomerAccounts.class).recordRefund(shop.domain(), email, refund);

        assertThat(handler.handleRequest(orderEvent("OrderRefunded", order, refund), null)).isEqualTo("SCHEDULED");

        assertThat(customer(email).followUp().spendBucket()).isEqualTo(3_995L);
        assertThat(context.getBean(SpendStats.class).histogram(shop.domain()).buckets())
                .containsExactly(Map.entry(3_995L, 1L));
    }

    @Test
    void aCancellationTakesTheOrdersSpendOutOfTheHistogram() {
        String email = TestAws.unique("cancel") + "@example.com";
        Map<String, Object> placed = orderPlaced(email, null);
        Order order = recordOrderAsIntakeDid(context, shop, placed);
        handler.handleRequest(placed, null);
        // Intake takes a cancelled order's spend back.
        context.getBean(CustomerAccounts.class).recordRefund(shop.domain(), email, order.total());
        Map<String, Object> cancelled = orderEvent("OrderCancelled", order, null);

        assertThat(handler.handleRequest(cancelled, null)).isEqualTo("SCHEDULED");
        assertThat(handler.handleRequest(cancelled, null)).isEqualTo("UNCHANGED");

        assertThat(customer(email).followUp().spendBucket()).isZero();
        assertThat(context.getBean(SpendStats.class).histogram(shop.domain()).buckets())
                .containsExactly(Map.entry(0L, 1L));
    }

    @Test
    void aCustomerWhoDidNotOptInIsCountedUnreachableNotScheduled() {
        String email = TestAws.unique("denied") + "@example.com";
        Map<String, Object> event = orderPlaced(email, null);
        order(event).put("marketingConsent", "denied");
        recordOrderAsIntakeDid(context, shop, event);

        assertThat(handler.handleRequest(event, null)).isEqualTo("UNREACHABLE");

        assertThat(customer(email).followUp().dueAt()).isNull();
        assertThat(context.getBean(LoopStats.class).unreachable(shop.domain())).isEqualTo(1);
    }

    @Test
    void eventsForUnknownShopsAndCustomersAndMalformedEventsChangeNothing() {
        String email = TestAws.unique("nobody") + "@example.com";
        Map<String, Object> unknownShop = orderPlaced(email, null);
        detail(unknownShop).put("shop", "unknown.myshopify.com");
        assertThat(handler.handleRequest(unknownShop, null)).isEqualTo("UNKNOWN_SHOP");

        // OrderPlaced for a customer intake never counted.
        assertThat(handler.handleRequest(orderPlaced(email, null), null)).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(context.getBean(CustomerAccounts.class).find(shop.domain(), email)).isEmpty();

        assertThat(handler.handleRequest(Map.of("detail-type", "OrderPlaced"), null)).isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderPlaced", "detail", Map.of("shop", 42)), null))
                .isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderRefunded",
                "detail", Map.of("shop", shop.domain())), null)).isEqualTo("ignored");
        assertThat(context.getBean(SpendStats.class).histogram(shop.domain()).customers()).isZero();
        assertThat(List.of(context.getBean(LoopStats.class).unreachable(shop.domain()))).containsExactly(0L);
    }
}
