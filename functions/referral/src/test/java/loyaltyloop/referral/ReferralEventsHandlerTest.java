package loyaltyloop.referral;

import loyaltyloop.points.PointsLedger;
import static loyaltyloop.referral.ReferralHandlers.bus;
import static loyaltyloop.referral.ReferralHandlers.detail;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referral consumer with the sample OrderPlaced / OrderRefunded / OrderCancelled events, on the moto server. */
@MotoTest
class ReferralEventsHandlerTest {

    private ApplicationContext context;
    private TestAws.EventTap tap;
    private ReferralEventsHandler handler;
    private Shop shop;
    private Customer rita;

    @BeforeEach
    void setUp() {
        tap = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), tap.bus(), TestAws.createLinkKey(), Map.of());
        handler = new ReferralEventsHandler(context);
        shop = ReferralHandlers.sampleShop(context);
        rita = ReferralHandlers.customer(context, shop, TestAws.unique("rita") + "@example.com");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private Map<String, Object> referredOrder() {
        Map<String, Object> event = bus("order-placed-referred.json", rita.referralCode());
        // Placed just now, so the refunds below fall inside the clawback window whatever the date.
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) detail(event).get("order");
        order.put("createdAt", Instant.now().toString());
        return event;
    }

    private long balance() {
        return context.getBean(PointsLedger.class).balance(shop.domain(), rita.email());
    }

    @Test
    void theSampleReferredOrderCreditsOnceAndItsRefundAndCancellationClawBackOnce() {
        Map<String, Object> placed = referredOrder();

        assertThat(handler.handleRequest(placed, null)).isEqualTo("CREDITED");
        assertThat(handler.handleRequest(placed, null)).isEqualTo("ALREADY_CREDITED");
        assertThat(balance()).isEqualTo(500);

        Map<String, Object> refunded = bus("order-refunded.json", rita.referralCode());
        assertThat(handler.handleRequest(refunded, null)).isEqualTo("CLAWED_BACK");
        assertThat(handler.handleRequest(refunded, null)).isEqualTo("ALREADY_CLAWED_BACK");
        assertThat(balance()).isEqualTo(500 - 166); // 19.95 of 59.90, rounded down

        Map<String, Object> cancelled = bus("order-cancelled.json", rita.referralCode());
        assertThat(handler.handleRequest(cancelled, null)).isEqualTo("CLAWED_BACK");
        assertThat(handler.handleRequest(cancelled, null)).isEqualTo("ALREADY_CLAWED_BACK");
        assertThat(balance()).isZero();

        assertThat(tap.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactly("PointsCredited", "PointsClawedBack", "PointsClawedBack");
        assertThat(TestAws.sentEmailsTo(rita.email())).hasSize(1);
    }

    @Test
    void malformedEventsAreIgnoredAndChangeNothing() {
        Map<String, Object> unreadable = referredOrder();
        detail(unreadable).put("order", Map.of("createdAt", "yesterday", "currency", "USD"));

        assertThat(handler.handleRequest(unreadable, null)).isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderPlaced"), null)).isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderPlaced", "detail", Map.of("shop", 42)), null))
                .isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderShipped",
                "detail", Map.of("shop", shop.domain(), "orderId", "1")), null)).isEqualTo("ignored");
        Map<String, Object> unknownShop = referredOrder();
        detail(unknownShop).put("shop", "nowhere.myshopify.com");
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) detail(unknownShop).get("order");
        order.put("shop", "nowhere.myshopify.com");
        assertThat(handler.handleRequest(unknownShop, null)).isEqualTo("UNKNOWN_SHOP");
        assertThat(handler.handleRequest(bus("order-refunded.json", "x"), null)).isEqualTo("NOT_A_CONVERSION");

        assertThat(balance()).isZero();
        assertThat(tap.drain()).isEmpty();
    }
}
