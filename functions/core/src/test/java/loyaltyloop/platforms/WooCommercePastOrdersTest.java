package loyaltyloop.platforms;

import static loyaltyloop.platforms.PlatformFixtures.SECRET_REF;
import static loyaltyloop.platforms.PlatformFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.ParsedOrder;
import loyaltyloop.orders.RefundAmounts;
import loyaltyloop.orders.WooCommerceOrders;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WooCommerce REST {@code wc/v3/orders} read against recorded answers: paging, windows, refused keys. */
@MotoTest
class WooCommercePastOrdersTest {

    private static final String KEY = "ck_0123456789abcdef:cs_fedcba9876543210";
    private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");

    private final ContractStub stub = new ContractStub();
    private final Shop shop = shop(Platform.WOOCOMMERCE, "EUR", SECRET_REF);
    private final WooCommercePastOrders reader = new WooCommercePastOrders(
            PlatformFixtures.client(stub, Duration.ofSeconds(5), Map.of(SECRET_REF, KEY)));

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void theFirstPageIsAskedOldestFirstWithTheRestKeyAndSaysWhereTheNextStarts() {
        stub.answers(200, "woocommerce/orders-page-1.json", Map.of("X-WP-Total", "3", "X-WP-TotalPages", "2"));

        PastOrders.Page page = reader.page(shop, PastOrders.Window.createdSince(SINCE), null);

        ContractStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/wp-json/wc/v3/orders?per_page=100&page=1&orderby=date"
                + "&order=asc&dates_are_gmt=true&after=2025-01-01T00:00:00");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.orders()).hasSize(2);
        assertThat(page.nextCursor()).isEqualTo("2");
        assertThat(page.totalOrders()).isEqualTo(3);
        ParsedOrder parsed = WooCommerceOrders.parse(page.orders().get(0), shop);
        Order lin = ((ParsedOrder.Usable) parsed).order();
        assertThat(lin.orderId()).isEqualTo("727");
        assertThat(lin.email()).isEqualTo("lin@example.com");
        assertThat(lin.total().minor()).isEqualTo(3500);
        assertThat(lin.createdAt()).isEqualTo(Instant.parse("2025-02-10T10:20:00Z"));
        assertThat(WooCommerceOrders.status(page.orders().get(1))).isEqualTo("pending");
    }

    @Test
    void theLastPageHasNoNextAndItsRefundsAreInTheOrder() {
        stub.answers(200, "woocommerce/orders-page-2.json", Map.of("X-WP-Total", "3", "X-WP-TotalPages", "2"));

        PastOrders.Page page = reader.page(shop, PastOrders.Window.createdSince(SINCE), "2");

        assertThat(stub.only().pathAndQuery()).contains("&page=2&");
        assertThat(page.nextCursor()).isNull();
        assertThat(RefundAmounts.wooCommerce(page.orders().get(0).path("refunds").get(0), "EUR").minor())
                .isEqualTo(2000);
    }

    @Test
    void reconciliationAsksForOrdersModifiedSinceItsWatermark() {
        stub.answers(200, "woocommerce/orders-empty.json", Map.of("X-WP-Total", "0", "X-WP-TotalPages", "0"));

        PastOrders.Page page = reader.page(shop, PastOrders.Window.updatedSince(Instant.parse("2026-12-05T09:00:00Z")),
                null);

        assertThat(stub.only().pathAndQuery()).endsWith("&modified_after=2026-12-05T09:00:00");
        assertThat(page.orders()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aKeyThatMayNotListOrdersIsReportedAsRefusedCredentials() {
        stub.answers(401, "woocommerce/cannot-list.json");

        PastOrdersException e = catchThrowableOfType(
                () -> reader.page(shop, PastOrders.Window.createdSince(SINCE), null), PastOrdersException.class);

        assertThat(e.credentialsRefused()).isTrue();
        assertThat(e.getMessage()).doesNotContain("cs_fedcba9876543210");
    }

    @Test
    void aShopThatIsDownIsWorthTryingAgain() {
        stub.answers(503, "woocommerce/service-unavailable.json");

        PastOrdersException e = catchThrowableOfType(
                () -> reader.page(shop, PastOrders.Window.createdSince(SINCE), null), PastOrdersException.class);

        assertThat(e.kind()).isEqualTo(PastOrdersException.Kind.RETRYABLE);
    }

    @Test
    void readsOnlyWooCommerceShopsWithApiCredentials() {
        assertThat(reader.serves(shop)).isTrue();
        assertThat(reader.serves(shop(Platform.SHOPIFY, "EUR", SECRET_REF))).isFalse();
        assertThat(reader.serves(shop(Platform.WOOCOMMERCE, "EUR", null))).isFalse();
    }
}
