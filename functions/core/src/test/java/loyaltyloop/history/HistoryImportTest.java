package loyaltyloop.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import loyaltyloop.customers.Customer;
import loyaltyloop.followup.LoopFixture;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A shop's history through {@link HistoryImport} on the moto server: what it builds, and that it sends nothing. */
@MotoTest
class HistoryImportTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Instant TOMORROW = Instant.parse("2026-12-06T00:00:00Z");

    private final LoopFixture loop = LoopFixture.start(NOW);
    private final HistoryImport history = new HistoryImport(loop.orders, loop.accounts, loop.customers,
            loop.spendStats, loop.loopStats, loop.context.getBean(HistoryMarks.class), loop.clock);

    @AfterEach
    void close() {
        loop.close();
    }

    /** An order as Shopify's orders/create webhook sends it. */
    static String shopifyOrder(String id, String email, Instant createdAt, String total, boolean acceptsMarketing,
            String extra) {
        return ("{\"id\":%s,\"name\":\"#%s\",\"email\":\"%s\",\"created_at\":\"%s\",\"currency\":\"USD\","
                + "\"total_price\":\"%s\",\"subtotal_price\":\"%s\",\"buyer_accepts_marketing\":%s,\"test\":false,"
                + "\"customer\":{\"first_name\":\"Pat\",\"last_name\":\"Lee\"},"
                + "\"line_items\":[{\"title\":\"Walnut board\",\"quantity\":1,\"price\":\"%s\",\"product_id\":9911}]%s}")
                .formatted(id, id, email, createdAt, total, total, acceptsMarketing, total, extra);
    }

    private static JsonLinesSource lines(List<String> lines) {
        return new JsonLinesSource(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    private HistoryImport.Result run(JsonLinesSource source) {
        return history.run(loop.shop, source, ImportProgress.Listener.SILENT);
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void customersGetTheirHistoryAndAScheduleAndNobodyIsDueOnTheDayOfTheImport() {
        String ada = loop.newEmail("ada");
        String bob = loop.newEmail("bob");
        String cy = loop.newEmail("cy");
        JsonLinesSource source = lines(List.of(
                shopifyOrder("9001", ada, daysAgo(400), "50.00", true, ""),
                shopifyOrder("9002", bob, daysAgo(10), "30.00", true, ""),
                shopifyOrder("9003", ada, daysAgo(200), "70.00", true, ""),
                shopifyOrder("9004", cy, daysAgo(100), "20.00", false, ""),
                shopifyOrder("9005", cy, daysAgo(90), "20.00", false, ",\"test\":true"),
                "this line is not JSON",
                ""));

        HistoryImport.Result result = run(source);

        assertThat(result.resumed()).isFalse();
        assertThat(result.counts()).isEqualTo(new ImportCounts(6, 4, 0, 2, 0, 3, 1));
        Customer a = loop.customer(ada);
        assertThat(a.orderCount()).isEqualTo(2);
        assertThat(a.firstOrderAt()).isEqualTo(daysAgo(400));
        assertThat(a.lastContactAt()).isEqualTo(daysAgo(200));
        assertThat(a.netSpend().minor()).isEqualTo(12_000);
        assertThat(a.marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
        assertThat(a.referralCode()).hasSize(8);
        assertThat(a.affirmedOrders()).isEmpty();
        // Overdue for two months: a moment in the 14 days after the import day.
        assertThat(a.followUp().dueAt()).isBetween(TOMORROW, TOMORROW.plus(Duration.ofDays(14)));
        assertThat(a.followUp().survey().dueAt()).isNull();
        Customer b = loop.customer(bob);
        assertThat(b.orderCount()).isEqualTo(1);
        assertThat(b.followUp().dueAt()).isEqualTo(daysAgo(10).plus(Duration.ofDays(45)));
        Customer c = loop.customer(cy);
        assertThat(c.followUp().dueAt()).isNull();
        assertThat(c.followUp().unreachableSince()).isEqualTo(NOW);
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).customers()).isEqualTo(3);
        assertThat(loop.orders.findOrder(loop.shop.domain(), "9003").orElseThrow().imported()).isTrue();
        assertThat(loop.orders.findOrder(loop.shop.domain(), "9005")).isEmpty();
        assertThat(loop.dueBefore(TOMORROW)).isEmpty();
    }

    @Test
    void runningTheSameImportAgainChangesNothing() {
        String ada = loop.newEmail("ada");
        JsonLinesSource source = lines(List.of(
                shopifyOrder("9101", ada, daysAgo(300), "50.00", true, ""),
                shopifyOrder("9102", ada, daysAgo(30), "25.00", true, "")));
        run(source);
        Customer before = loop.customer(ada);

        HistoryImport.Result again = run(source);

        assertThat(again.counts()).isEqualTo(new ImportCounts(2, 0, 2, 0, 0, 0, 0));
        assertThat(loop.customer(ada)).isEqualTo(before);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).customers()).isEqualTo(1);
    }

    @Test
    void refundsInTheOrderAreStoredAndTakenOffTheSpend() {
        String ada = loop.newEmail("ada");
        String refund = ",\"refunds\":[{\"id\":77001,\"order_id\":9201,\"transactions\":[{\"kind\":\"refund\","
                + "\"status\":\"success\",\"amount\":\"15.00\",\"currency\":\"USD\"}]}]";
        HistoryImport.Result result = run(lines(List.of(shopifyOrder("9201", ada, daysAgo(20), "60.00", true, refund),
                shopifyOrder("9202", loop.newEmail("bo"), daysAgo(20), "60.00", true,
                        ",\"cancelled_at\":\"" + daysAgo(19) + "\""))));

        assertThat(result.counts().refunds()).isEqualTo(1);
        assertThat(loop.customer(ada).netSpend().minor()).isEqualTo(4_500);
        assertThat(loop.orders.refundedMinor(loop.shop.domain(), "9201")).isEqualTo(1_500);
        assertThat(loop.orders.refundPublished(loop.shop.domain(), "9201", "77001")).contains(true);
        // A cancelled order is stored, and is no customer's order.
        assertThat(loop.orders.findOrder(loop.shop.domain(), "9202").orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(result.counts().customers()).isEqualTo(1);
    }

    @Test
    void aCustomerTheLoopAlreadyKnowsGetsTheOlderOrdersCountedBeforeTheirs() {
        String ada = loop.newEmail("ada");
        loop.place(ada, "Ada", 4_000);
        Instant due = loop.customer(ada).followUp().dueAt();

        run(lines(List.of(shopifyOrder("9301", ada, daysAgo(500), "10.00", true, ""))));

        Customer a = loop.customer(ada);
        assertThat(a.orderCount()).isEqualTo(2);
        assertThat(a.firstOrderAt()).isEqualTo(daysAgo(500));
        assertThat(a.lastContactAt()).isEqualTo(NOW);
        assertThat(a.netSpend().minor()).isEqualTo(5_000);
        assertThat(a.followUp().dueAt()).isEqualTo(due);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).customers()).isEqualTo(1);
    }

    @Test
    void overdueCustomersAreSpreadOverTheDaysTheShopSetAndNotAllOnOne() {
        loop.saveShop(loop.shop.withSettings(new LoyaltySettings(null, loop.shop.settings().coupons(), null,
                null, null, null, null, new LoyaltySettings.HistorySettings(3), null)));
        List<String> orders = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String email = loop.newEmail("c" + i);
            emails.add(email);
            orders.add(shopifyOrder(Integer.toString(9400 + i), email, daysAgo(120 + i), "10.00", true, ""));
        }

        HistoryImport.Result result = run(lines(orders));

        assertThat(result.counts().overdue()).isEqualTo(40);
        Set<LocalDate> days = new HashSet<>();
        for (String email : emails) {
            Instant due = loop.customer(email).followUp().dueAt();
            assertThat(due).isBetween(TOMORROW, TOMORROW.plus(Duration.ofDays(3)));
            days.add(due.atZone(ZoneOffset.UTC).toLocalDate());
        }
        assertThat(days).hasSize(3);
    }
}
