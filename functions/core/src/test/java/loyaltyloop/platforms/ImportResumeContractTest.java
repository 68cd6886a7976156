package loyaltyloop.platforms;

import static loyaltyloop.platforms.PlatformFixtures.SECRET_REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.followup.LoopFixture;
import loyaltyloop.history.HistoryImport;
import loyaltyloop.history.HistoryMarks;
import loyaltyloop.history.ImportCounts;
import loyaltyloop.history.ImportProgress;
import loyaltyloop.history.PastOrders;
import loyaltyloop.history.PastOrdersException;
import loyaltyloop.history.PlatformOrderSource;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A WooCommerce history import against recorded pages that fails in the middle (the shop answers 503 for page 2)
 * and is run again: it continues at page 2, and the orders of page 1 are not counted twice.
 */
@MotoTest
class ImportResumeContractTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Map<String, String> TWO_PAGES = Map.of("X-WP-Total", "3", "X-WP-TotalPages", "2");

    private final ContractStub stub = new ContractStub();
    private final LoopFixture loop = LoopFixture.start(NOW);

    @AfterEach
    void close() {
        stub.close();
        loop.close();
    }

    @Test
    void anImportThatFailsOnPageTwoContinuesThereWhenRunAgain() {
        Shop woo = new Shop("woo.example.com", Platform.WOOCOMMERCE, "https://woo.example.com", "hello@woo.example.com",
                "Woo", "owner@woo.example.com", "en", "EUR", "/loyalty-loop/test/woo/webhook-secret")
                .withSettings(new LoyaltySettings(null, new LoyaltySettings.CouponSettings(null, null,
                        LoyaltySettings.Provisioning.PLATFORM_API, SECRET_REF), null));
        loop.saveShop(woo);
        WooCommercePastOrders reader = new WooCommercePastOrders(
                PlatformFixtures.client(stub, Duration.ofSeconds(5), Map.of(SECRET_REF, "ck_1:cs_2")));
        HistoryImport history = new HistoryImport(loop.orders, loop.accounts, loop.customers, loop.spendStats,
                loop.loopStats, loop.context.getBean(HistoryMarks.class), loop.clock);
        PlatformOrderSource source = new PlatformOrderSource(woo, reader,
                PastOrders.Window.createdSince(Instant.parse("2025-01-01T00:00:00Z")));
        stub.answers(200, "woocommerce/orders-page-1.json", TWO_PAGES)
                .answers(503, "woocommerce/service-unavailable.json");

        PastOrdersException failure = catchThrowableOfType(
                () -> history.run(woo, source, ImportProgress.Listener.SILENT), PastOrdersException.class);

        assertThat(failure.kind()).isEqualTo(PastOrdersException.Kind.RETRYABLE);
        Customer afterPageOne = loop.customers.find(woo.domain(), "lin@example.com").orElseThrow();
        assertThat(afterPageOne.orderCount()).isEqualTo(1);

        stub.answers(200, "woocommerce/orders-page-2.json", TWO_PAGES);
        HistoryImport.Result resumed = history.run(woo, source, ImportProgress.Listener.SILENT);

        assertThat(stub.received()).hasSize(3);
        assertThat(stub.received().get(2).pathAndQuery()).contains("&page=2&");
        assertThat(resumed.resumed()).isTrue();
        // 727 imported, 731 unpaid (skipped), then 802 with its refund; both long past their 90 days.
        assertThat(resumed.counts()).isEqualTo(new ImportCounts(3, 2, 0, 1, 1, 2, 2));
        Customer lin = loop.customers.find(woo.domain(), "lin@example.com").orElseThrow();
        assertThat(lin.orderCount()).isEqualTo(2);
        assertThat(lin.netSpend().minor()).isEqualTo(3_500 + 8_000 - 2_000);
        assertThat(lin.firstOrderAt()).isEqualTo(Instant.parse("2025-02-10T10:20:00Z"));
        assertThat(lin.followUp().dueAt()).isAfter(Instant.parse("2026-12-06T00:00:00Z"));
    }
}
