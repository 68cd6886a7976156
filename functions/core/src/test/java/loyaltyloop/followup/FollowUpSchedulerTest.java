package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loyaltyloop.customers.Customer;
import loyaltyloop.followup.FollowUpScheduler.Outcome;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.stats.LoopStats;

/** Scheduling against the moto server: the due index and the spend histogram follow orders and refunds. */
@MotoTest
class FollowUpSchedulerTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private LoopFixture loop;

    @BeforeEach
    void start() {
        loop = LoopFixture.countingCapacity(T0);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private String bigSpender() {
        String email = loop.newEmail("big");
        loop.place(email, "Bea", 90_000);
        return email;
    }

    @Test
    void aRegularCustomersFirstOrderPutsThemOnTheDueIndexNinetyDaysOut() {
        bigSpender();
        String jane = loop.newEmail("jane");

        Order order = loop.place(jane, "Jane", 2_000);

        Customer customer = loop.customer(jane);
        assertThat(customer.followUp().dueAt()).isEqualTo(order.createdAt().plus(Duration.ofDays(90)));
        assertThat(customer.followUp().spendBucket()).isEqualTo(2_000L);
        assertThat(customer.followUp().unreachableSince()).isNull();
        assertThat(loop.dueBefore(T0.plus(Duration.ofDays(91)))).contains(jane);
        assertThat(loop.dueBefore(T0.plus(Duration.ofDays(89)))).doesNotContain(jane);
    }

    @Test
    void aCustomerInTheTopTwentyPercentIsCheckedAtFortyFiveDays() {
        for (int i = 0; i < 4; i++) {
            loop.place(loop.newEmail("small"), "Sam", 1_500);
        }
        String big = loop.newEmail("big");

        Order order = loop.place(big, "Bea", 50_000);

        assertThat(loop.customer(big).followUp().dueAt()).isEqualTo(order.createdAt().plus(Duration.ofDays(45)));
    }

    @Test
    void theHistogramCountsEveryCustomerInTheBucketOfTheirSpend() {
        String a = loop.newEmail("a");
        loop.place(a, "Ann", 12_345);
        loop.place(loop.newEmail("b"), "Bob", 12_349);
        loop.place(loop.newEmail("c"), "Cat", 999);

        SpendHistogram histogram = loop.spendStats.histogram(loop.shop.domain());

        assertThat(histogram.customers()).isEqualTo(3);
        assertThat(histogram.buckets()).containsOnly(Map.entry(12_340L, 2L), Map.entry(999L, 1L));
        assertThat(loop.customer(a).followUp().spendBucket()).isEqualTo(12_340L);
    }

    @Test
    void aSecondOrderMovesTheCustomerUpAndKeepsTheEarlierDueTime() {
        bigSpender();
        String jane = loop.newEmail("jane");
        Order first = loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(30));

        loop.place(jane, "Jane", 3_000);

        Customer customer = loop.customer(jane);
        assertThat(customer.followUp().spendBucket()).isEqualTo(5_000L);
        // A lower bound: the sweep moves it to 90 days after the second order when it comes.
        assertThat(customer.followUp().dueAt()).isEqualTo(first.createdAt().plus(Duration.ofDays(90)));
        assertThat(loop.spendStats.histogram(loop.shop.domain()).buckets())
                .containsOnly(Map.entry(90_000L, 1L), Map.entry(5_000L, 1L));
    }

    @Test
    void reconcilingTheSameOrderAgainChangesNothingAndWritesNothing() {
        bigSpender();
        String jane = loop.newEmail("jane");
        Order order = loop.place(jane, "Jane", 2_000);
        Customer before = loop.customer(jane);
        loop.clock.advance(Duration.ofHours(3));
        loop.capacity().reset();

        Outcome again = loop.scheduler.reconcile(loop.shop.domain(), jane, order.orderId(), true);

        assertThat(again).isEqualTo(Outcome.UNCHANGED);
        assertThat(loop.capacity().wcu()).as(loop.capacity().describe()).isZero();
        assertThat(loop.customer(jane)).isEqualTo(before);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).customers()).isEqualTo(2);
    }

    @Test
    void aLateRepeatOfABigFirstOrderWritesNothingAndIsNotNotedAgainOnALaterDay() {
        String bea = loop.newEmail("bea");
        Order order = loop.place(bea, "Bea", 90_000);
        LocalDate orderDay = LocalDate.ofInstant(T0, java.time.ZoneOffset.UTC);
        assertThat(loop.loopStats.notes(loop.shop.domain(), orderDay)).hasSize(1);
        loop.clock.advance(Duration.ofDays(1));
        loop.capacity().reset();

        // EventBridge retries for up to a day: the repeat must not make yesterday's order "yesterday's" again.
        Outcome again = loop.scheduler.reconcile(loop.shop.domain(), bea, order.orderId(), true);

        assertThat(again).isEqualTo(Outcome.UNCHANGED);
        assertThat(loop.capacity().wcu()).as(loop.capacity().describe()).isZero();
        assertThat(loop.loopStats.notes(loop.shop.domain(), orderDay.plusDays(1))).isEmpty();
    }

    @Test
    void aRefundMovesTheCustomerDownTheHistogram() {
        String jane = loop.newEmail("jane");
        Order order = loop.place(jane, "Jane", 12_345);
        loop.accounts.recordRefund(loop.shop.domain(), jane, new Money(5_000, "USD"));

        assertThat(loop.scheduler.reconcile(loop.shop.domain(), jane, order.orderId(), false))
                .isEqualTo(Outcome.SCHEDULED);

        assertThat(loop.customer(jane).followUp().spendBucket()).isEqualTo(7_345L);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).buckets()).containsOnly(Map.entry(7_345L, 1L));
        // The repeated refund event finds nothing to do.
        assertThat(loop.scheduler.reconcile(loop.shop.domain(), jane, order.orderId(), false))
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(loop.spendStats.histogram(loop.shop.domain()).customers()).isEqualTo(1);
    }

    @Test
    void aCustomerWithoutConsentUnderExplicitConsentIsNotScheduledAndIsCountedUnreachable() {
        String denied = loop.newEmail("denied");
        String unknown = loop.newEmail("unknown");

        loop.place(loop.order(denied, "Dan", 2_000, MarketingConsent.DENIED));
        loop.place(loop.order(unknown, "Uma", 2_000, MarketingConsent.UNKNOWN));

        for (String email : List.of(denied, unknown)) {
            Customer customer = loop.customer(email);
            assertThat(customer.followUp().dueAt()).isNull();
            assertThat(customer.followUp().unreachableSince()).isEqualTo(T0);
            // Still counted in the shop's spend: they are customers, just not mailable.
            assertThat(customer.followUp().spendBucket()).isEqualTo(2_000L);
        }
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(2);
        assertThat(loop.scheduler.reconcile(loop.shop.domain(), denied, null, false)).isEqualTo(Outcome.UNREACHABLE);
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(2);
        assertThat(loop.due.count(loop.shop.domain(), T0.plus(Duration.ofDays(365)))).isZero();
    }

    @Test
    void underSoftOptInACustomerWithUnknownConsentIsScheduledAndOneWhoOptedOutIsNot() {
        loop.consentMode(ConsentMode.SOFT_OPT_IN);
        String unknown = loop.newEmail("unknown");
        String denied = loop.newEmail("denied");

        loop.place(loop.order(unknown, "Uma", 2_000, MarketingConsent.UNKNOWN));
        loop.place(loop.order(denied, "Dan", 2_000, MarketingConsent.DENIED));

        assertThat(loop.customer(unknown).followUp().dueAt()).isNotNull();
        assertThat(loop.customer(denied).followUp().dueAt()).isNull();
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);
    }

    @Test
    void aCustomerWhoOptsInLaterIsScheduledAndNoLongerCountedUnreachable() {
        String dan = loop.newEmail("dan");
        loop.place(loop.order(dan, "Dan", 2_000, MarketingConsent.DENIED));
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);
        loop.clock.advance(Duration.ofDays(10));

        Order second = loop.place(loop.order(dan, "Dan", 2_000, MarketingConsent.GRANTED));

        Customer customer = loop.customer(dan);
        assertThat(customer.followUp().dueAt()).isEqualTo(second.createdAt().plus(Duration.ofDays(45)));
        assertThat(customer.followUp().unreachableSince()).isNull();
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isZero();
    }

    @Test
    void aCustomerWhoUnsubscribedIsTakenOffTheScheduleOnTheirNextEvent() {
        String jane = loop.newEmail("jane");
        Order order = loop.place(jane, "Jane", 2_000);
        loop.accounts.unsubscribe(loop.shop.domain(), jane);

        assertThat(loop.scheduler.reconcile(loop.shop.domain(), jane, order.orderId(), false))
                .isEqualTo(Outcome.UNREACHABLE);

        assertThat(loop.customer(jane).followUp().dueAt()).isNull();
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);
    }

    @Test
    void aBigFirstOrderIsNotedForTheOwnersDigestAndASmallOneIsNot() {
        for (int i = 0; i < 9; i++) {
            loop.place(loop.newEmail("small"), "Sam", 1_500);
        }
        String bea = loop.newEmail("bea");
        Order big = loop.place(bea, "Bea", 90_000);
        loop.place(loop.newEmail("small"), "Sid", 1_000);

        LocalDate today = LocalDate.ofInstant(T0, java.time.ZoneOffset.UTC);
        // The first small customer was alone in the shop (the top 10% of one) when they ordered; Bea is the other.
        assertThat(loop.loopStats.notes(loop.shop.domain(), today))
                .contains(new LoopStats.DigestNote(FollowUpScheduler.BIG_FIRST_ORDER, bea, big.orderId()))
                .hasSize(2);
    }

    @Test
    void unknownShopsAndCustomersAreReportedNotCreated() {
        assertThat(loop.scheduler.reconcile("nobody.myshopify.com", "x@example.com", "1", true))
                .isEqualTo(Outcome.UNKNOWN_SHOP);
        assertThat(loop.scheduler.reconcile(loop.shop.domain(), "nobody@example.com", "1", true))
                .isEqualTo(Outcome.UNKNOWN_CUSTOMER);
        assertThat(loop.find("nobody@example.com")).isEmpty();
    }

    @Test
    void customersOrderingAtTheSameTimeAreAllCountedExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Order>> orders = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long spend = 1_000 + (i % 4);
                orders.add(() -> loop.place(loop.newEmail("rush"), "Ray", spend));
            }
            for (Future<Order> f : pool.invokeAll(orders)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        SpendHistogram histogram = loop.spendStats.histogram(loop.shop.domain());
        assertThat(histogram.customers()).isEqualTo(16);
        assertThat(histogram.buckets()).containsOnly(Map.entry(1_000L, 4L), Map.entry(1_001L, 4L),
                Map.entry(1_002L, 4L), Map.entry(1_003L, 4L));
    }
}
