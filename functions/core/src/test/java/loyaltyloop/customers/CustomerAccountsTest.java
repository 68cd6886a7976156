package loyaltyloop.customers;

import loyaltyloop.orders.Orders;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.dynamodb.DynamoCustomerStore;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The customer rules applied to customers stored in DynamoDB (the moto server), including concurrent writers. */
@MotoTest
class CustomerAccountsTest {

    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private static DynamoDbClient dynamo;
    private static CustomerStore store;

    private final TestClock clock = new TestClock(START);
    private CustomerAccounts accounts;

    @BeforeAll
    static void createTable() {
        dynamo = TestAws.dynamo();
        store = new DynamoCustomerStore(dynamo, TestAws.createTable());
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @BeforeEach
    void newAccounts() {
        accounts = new CustomerAccounts(store, clock);
    }

    private static Shop shop(String currency) {
        String domain = TestAws.unique("shop") + ".myshopify.com";
        return new Shop(domain, Platform.SHOPIFY, "https://" + domain, "hello@" + domain, "Demo Shop",
                "owner@" + domain, "en", currency, "/loyalty-loop/test/shops/" + domain + "/webhook-secret");
    }

    private static Order order(Shop shop, String orderId, String email, Money total) {
        return Orders.anOrder().shop(shop.domain()).orderId(orderId).orderName("#" + orderId)
                .createdAt(START.minus(Duration.ofMinutes(5))).email(email).customer("Jane Doe", "Jane")
                .customerId("115310627314723954").locale("en-US").total(total)
                .marketingConsent(MarketingConsent.GRANTED).build();
    }

    private static <T> List<Callable<T>> times(int n, Callable<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return tasks;
    }

    // --- orders ---

    @Test
    void aFirstOrderMakesTheCustomerWithAReferralCodeThatPointsBack() {
        Shop shop = shop("USD");

        int number = accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("59.90", "USD")));

        assertThat(number).isEqualTo(1);
        Customer jane = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(jane.orderCount()).isEqualTo(1);
        assertThat(jane.firstOrderAt()).isEqualTo(START.minus(Duration.ofMinutes(5)));
        assertThat(ReferralCodes.looksLikeCode(jane.referralCode())).isTrue();
        assertThat(store.findEmailByReferralCode(shop.domain(), jane.referralCode())).contains("jane@example.com");
    }

    @Test
    void recordingTheSameOrderAgainAnswersTheSameNumberAndCountsItOnce() {
        Shop shop = shop("USD");
        Order first = order(shop, "1001", "jane@example.com", Money.parse("59.90", "USD"));
        accounts.recordOrder(shop, first);
        Order second = order(shop, "1002", "jane@example.com", Money.parse("10.00", "USD"));
        assertThat(accounts.recordOrder(shop, second)).isEqualTo(2);
        Customer before = accounts.find(shop.domain(), "jane@example.com").orElseThrow();

        assertThat(accounts.recordOrder(shop, second)).isEqualTo(2);
        assertThat(accounts.recordOrder(shop, first)).isEqualTo(1);

        Customer after = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(after.orderCount()).isEqualTo(2);
        assertThat(after.netSpend()).isEqualTo(Money.parse("69.90", "USD"));
        assertThat(after.version()).as("a repeat writes nothing").isEqualTo(before.version());
    }

    @Test
    void eightConcurrentDeliveriesOfOneOrderCountItOnce() throws Exception {
        Shop shop = shop("USD");
        Order order = order(shop, "1001", "jane@example.com", Money.parse("59.90", "USD"));

        List<Integer> numbers = Concurrently.run(times(8, () -> accounts.recordOrder(shop, order)));

        assertThat(numbers).containsOnly(1);
        Customer jane = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(jane.orderCount()).isEqualTo(1);
        assertThat(jane.netSpend()).isEqualTo(Money.parse("59.90", "USD"));
    }

    @Test
    void eightConcurrentDifferentOrdersOfOneCustomerAreNumberedOneToEight() throws Exception {
        Shop shop = shop("USD");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Order order = order(shop, "20" + i, "jane@example.com", Money.parse("1.25", "USD"));
            tasks.add(() -> accounts.recordOrder(shop, order));
        }

        List<Integer> numbers = Concurrently.run(tasks);

        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        Customer jane = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(jane.orderCount()).isEqualTo(8);
        assertThat(jane.countedOrders().values()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(jane.netSpend()).isEqualTo(Money.parse("10.00", "USD"));
    }

    @Test
    void customersOfOneShopAreCountedApart() {
        Shop shop = shop("USD");

        assertThat(accounts.recordOrder(shop, order(shop, "1", "jane@example.com", Money.parse("1", "USD")))).isEqualTo(1);
        assertThat(accounts.recordOrder(shop, order(shop, "2", "john@example.com", Money.parse("1", "USD")))).isEqualTo(1);
        assertThat(accounts.recordOrder(shop, order(shop, "3", "jane@example.com", Money.parse("1", "USD")))).isEqualTo(2);
    }

    @Test
    void spendInJpyTwdAndUsdIsKeptExactly() {
        Shop yen = shop("JPY");
        accounts.recordOrder(yen, order(yen, "1", "jane@example.com", Money.parse("1280", "JPY")));
        accounts.recordOrder(yen, order(yen, "2", "jane@example.com", Money.parse("999999999", "JPY")));
        assertThat(accounts.find(yen.domain(), "jane@example.com").orElseThrow().netSpend())
                .isEqualTo(new Money(1_000_001_279L, "JPY"));

        Shop taiwan = shop("TWD");
        accounts.recordOrder(taiwan, order(taiwan, "1", "jane@example.com", Money.parse("1280.50", "TWD")));
        accounts.recordOrder(taiwan, order(taiwan, "2", "jane@example.com", Money.parse("0.50", "TWD")));
        assertThat(accounts.find(taiwan.domain(), "jane@example.com").orElseThrow().netSpend())
                .isEqualTo(Money.parse("1281.00", "TWD"));

        Shop dollars = shop("USD");
        for (int i = 0; i < 10; i++) {
            accounts.recordOrder(dollars, order(dollars, "o" + i, "jane@example.com", Money.parse("0.10", "USD")));
        }
        Customer jane = accounts.find(dollars.domain(), "jane@example.com").orElseThrow();
        assertThat(jane.netSpend()).isEqualTo(Money.parse("1.00", "USD"));
        assertThat(jane.netSpend().toDecimal()).isEqualByComparingTo("1.00");
    }

    @Test
    void aRefundLowersSpendAndNeverBelowZero() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1", "jane@example.com", Money.parse("20.00", "USD")));

        accounts.recordRefund(shop.domain(), "jane@example.com", Money.parse("5.05", "USD"));
        assertThat(accounts.find(shop.domain(), "jane@example.com").orElseThrow().netSpend())
                .isEqualTo(Money.parse("14.95", "USD"));

        accounts.recordRefund(shop.domain(), "jane@example.com", Money.parse("100", "USD"));
        assertThat(accounts.find(shop.domain(), "jane@example.com").orElseThrow().netSpend())
                .isEqualTo(Money.zero("USD"));
    }

    // --- the thank-you claim ---

    @Test
    void theThankYouIsClaimedOncePerOrder() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));

        assertThat(accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")).isTrue();
        assertThat(accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")).isFalse();
    }

    @Test
    void eightConcurrentClaimsForOneOrderLetExactlyOneWin() throws Exception {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));

        List<Boolean> claimed = Concurrently.run(times(8,
                () -> accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")));

        assertThat(claimed).hasSize(8).containsOnlyOnce(true);
    }

    @Test
    void claimingIsAContact() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));
        clock.advance(Duration.ofMinutes(3));

        accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001");

        assertThat(accounts.find(shop.domain(), "jane@example.com").orElseThrow().lastContactAt())
                .isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));
        assertThat(accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")).isTrue();

        accounts.releaseAffirmation(shop.domain(), "jane@example.com", "1001");

        assertThat(accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")).isTrue();
        assertThat(accounts.claimAffirmation(shop.domain(), "jane@example.com", "1001")).isFalse();
    }

    @Test
    void aClaimForAnUnknownCustomerIsRefused() {
        assertThat(accounts.claimAffirmation(shop("USD").domain(), "ghost@example.com", "1")).isFalse();
    }

    // --- unsubscribe ---

    @Test
    void unsubscribingRecordsTheFirstTimeOnly() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));
        clock.advance(Duration.ofHours(1));

        assertThat(accounts.unsubscribe(shop.domain(), "jane@example.com")).isTrue();
        Customer first = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        clock.advance(Duration.ofHours(1));
        assertThat(accounts.unsubscribe(shop.domain(), "jane@example.com")).isTrue();

        Customer second = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(second.unsubscribedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(second.version()).isEqualTo(first.version());
    }

    @Test
    void concurrentUnsubscribesRecordOneTime() throws Exception {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1001", "jane@example.com", Money.parse("1", "USD")));
        long before = accounts.find(shop.domain(), "jane@example.com").orElseThrow().version();
        AtomicInteger calls = new AtomicInteger();

        Concurrently.run(times(8, () -> {
            calls.incrementAndGet();
            return accounts.unsubscribe(shop.domain(), "jane@example.com");
        }));

        Customer jane = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
        assertThat(calls).hasValue(8);
        assertThat(jane.unsubscribed()).isTrue();
        assertThat(jane.version()).isEqualTo(before + 1);
    }

    @Test
    void unsubscribingAnUnknownCustomerAnswersFalseAndCreatesNobody() {
        Shop shop = shop("USD");

        assertThat(accounts.unsubscribe(shop.domain(), "ghost@example.com")).isFalse();
        assertThat(accounts.find(shop.domain(), "ghost@example.com")).isEmpty();
    }

    @Test
    void anOrderAfterUnsubscribingKeepsTheCustomerUnsubscribed() {
        Shop shop = shop("USD");
        accounts.recordOrder(shop, order(shop, "1", "jane@example.com", Money.parse("1", "USD")));
        accounts.unsubscribe(shop.domain(), "jane@example.com");

        accounts.recordOrder(shop, order(shop, "2", "jane@example.com", Money.parse("1", "USD")));

        assertThat(accounts.find(shop.domain(), "jane@example.com").orElseThrow().unsubscribed()).isTrue();
    }
}
