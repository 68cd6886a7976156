package loyaltyloop.platforms;

import static loyaltyloop.platforms.PlatformFixtures.SECRET_REF;
import static loyaltyloop.platforms.PlatformFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.ParsedOrder;
import loyaltyloop.orders.RefundAmounts;
import loyaltyloop.orders.ShopifyOrders;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Shopify GraphQL {@code orders} read against recorded answers: pages, cursor, throttling, refused tokens. */
@MotoTest
class ShopifyPastOrdersTest {

    private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    private static final String GRAPHQL = "/admin/api/" + ShopApiClient.SHOPIFY_API_VERSION + "/graphql.json";
    private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private final ContractStub stub = new ContractStub();
    private final Shop shop = shop(Platform.SHOPIFY, "USD", SECRET_REF);
    private final List<Duration> pauses = new ArrayList<>();
    private final ShopifyPastOrders reader = new ShopifyPastOrders(
            PlatformFixtures.client(stub, Duration.ofSeconds(5), Map.of(SECRET_REF, TOKEN)), pauses::add);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private static Order parsed(JsonNode webhookShape, Shop shop) {
        ParsedOrder parsed = ShopifyOrders.parse(webhookShape, shop);
        assertThat(parsed).isInstanceOf(ParsedOrder.Usable.class);
        return ((ParsedOrder.Usable) parsed).order();
    }

    @Test
    void aPageOfOrdersComesInTheWebhookShapeThatTheWebhookParserReads() {
        stub.answers(200, "shopify/orders-page-1.json");

        PastOrders.Page page = reader.page(shop, PastOrders.Window.createdSince(SINCE), null);

        ContractStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(GRAPHQL);
        assertThat(request.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
        assertThat(request.json().path("query").asText()).contains("orders(first: $first, after: $after");
        JsonNode variables = request.json().path("variables");
        assertThat(variables.path("query").asText()).isEqualTo("created_at:>='2025-01-01T00:00:00Z'");
        assertThat(variables.path("sortKey").asText()).isEqualTo("CREATED_AT");
        assertThat(variables.path("first").asInt()).isEqualTo(ShopifyPastOrders.PAGE_SIZE);
        assertThat(variables.path("after").isNull()).isTrue();

        assertThat(page.orders()).hasSize(2);
        assertThat(page.nextCursor()).startsWith("eyJsYXN0X2lkIjo1NTAxMDAwMDAwMDAy");
        Order ada = parsed(page.orders().get(0), shop);
        assertThat(ada.orderId()).isEqualTo("5501000000001");
        assertThat(ada.orderName()).isEqualTo("#1001");
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.createdAt()).isEqualTo(Instant.parse("2025-03-01T09:15:00Z"));
        assertThat(ada.total().minor()).isEqualTo(4850);
        assertThat(ada.subtotal().minor()).isEqualTo(4500);
        assertThat(ada.discountCodes()).containsExactly("WELCOME10");
        assertThat(ada.attributes()).containsEntry("loyalty_ref", "K7QM2XWA");
        assertThat(ada.landingSite()).isEqualTo("/products/walnut-board?ref=K7QM2XWA");
        assertThat(ada.marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
        assertThat(ada.firstName()).isEqualTo("Ada");
        assertThat(ada.lineItems()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Walnut board");
            assertThat(item.productId()).isEqualTo("9911");
            assertThat(item.price().minor()).isEqualTo(4500);
        });
        JsonNode grace = page.orders().get(1);
        assertThat(grace.path("cancelled_at").asText()).isEqualTo("2025-03-04T08:00:00Z");
        assertThat(parsed(grace, shop).marketingConsent()).isEqualTo(MarketingConsent.DENIED);
        assertThat(parsed(grace, shop).locale()).isEqualTo("zh-TW");
        assertThat(pauses).isEmpty();
    }

    @Test
    void theCursorLeadsToTheNextPageAndItsRefundsReadAsARefundWebhooksWould() {
        stub.answers(200, "shopify/orders-page-2.json");

        PastOrders.Page page = reader.page(shop, PastOrders.Window.createdSince(SINCE), "CURSOR-1");

        assertThat(stub.only().json().path("variables").path("after").asText()).isEqualTo("CURSOR-1");
        assertThat(page.nextCursor()).isNull();
        JsonNode refund = page.orders().get(0).path("refunds").get(0);
        assertThat(refund.path("id").asText()).isEqualTo("8800000000001");
        assertThat(refund.path("order_id").asText()).isEqualTo("5501000000003");
        assertThat(RefundAmounts.shopify(refund, "USD").minor()).isEqualTo(3000);
        // The budget is low, but there is no next page to wait for.
        assertThat(pauses).isEmpty();
    }

    @Test
    void aThrottledAnswerIsWaitedOutForThePointsTheQueryNeedsAndAskedAgain() {
        stub.answers(200, "shopify/throttled.json").answers(200, "shopify/orders-page-1.json");

        PastOrders.Page page = reader.page(shop, PastOrders.Window.createdSince(SINCE), null);

        assertThat(page.orders()).hasSize(2);
        assertThat(stub.received()).hasSize(2);
        // 452 points asked, 52 left, 100 a second back: 4 seconds.
        assertThat(pauses).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void whenTheBudgetCannotPayForTheNextPageItWaitsBeforeAskingForIt() {
        stub.answers(200, "shopify/orders-low-budget.json");

        reader.page(shop, PastOrders.Window.createdSince(SINCE), null);

        assertThat(pauses).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void stayingThrottledEndsInARetryableFailure() {
        for (int i = 0; i <= ShopifyPastOrders.THROTTLED_RETRIES; i++) {
            stub.answers(200, "shopify/throttled.json");
        }

        PastOrdersException e = catchThrowableOfType(
                () -> reader.page(shop, PastOrders.Window.createdSince(SINCE), null), PastOrdersException.class);

        assertThat(e.kind()).isEqualTo(PastOrdersException.Kind.RETRYABLE);
        assertThat(pauses).hasSize(ShopifyPastOrders.THROTTLED_RETRIES + 1);
    }

    @Test
    void anExpiredOrWrongTokenIsReportedAsRefusedCredentialsWithoutTheToken() {
        stub.answers(401, "shopify/invalid-token.json");

        PastOrdersException e = catchThrowableOfType(
                () -> reader.page(shop, PastOrders.Window.createdSince(SINCE), null), PastOrdersException.class);

        assertThat(e.credentialsRefused()).isTrue();
        assertThat(e.getMessage()).contains("401").contains(shop.domain()).doesNotContain(TOKEN);
    }

    @Test
    void aMissingScopeIsReportedAsRefusedCredentials() {
        stub.answers(200, "shopify/access-denied.json");

        PastOrdersException e = catchThrowableOfType(
                () -> reader.page(shop, PastOrders.Window.createdSince(SINCE), null), PastOrdersException.class);

        assertThat(e.credentialsRefused()).isTrue();
        assertThat(e.getMessage()).contains("read_all_orders");
    }

    @Test
    void reconciliationAsksForOrdersChangedSinceItsWatermark() {
        stub.answers(200, "shopify/orders-page-2.json");

        reader.page(shop, PastOrders.Window.updatedSince(Instant.parse("2026-12-05T09:00:00Z")), null);

        JsonNode variables = stub.only().json().path("variables");
        assertThat(variables.path("query").asText()).isEqualTo("updated_at:>='2026-12-05T09:00:00Z'");
        assertThat(variables.path("sortKey").asText()).isEqualTo("UPDATED_AT");
    }

    @Test
    void readsOnlyShopifyShopsWithApiCredentials() {
        assertThat(reader.serves(shop)).isTrue();
        assertThat(reader.serves(shop(Platform.WOOCOMMERCE, "USD", SECRET_REF))).isFalse();
        assertThat(reader.serves(shop.withSettings(new LoyaltySettings(null, new LoyaltySettings.CouponSettings(
                null, null, LoyaltySettings.Provisioning.POOL, null), null)))).isFalse();
    }
}
