package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.followup.FollowUpSweep.Report;
import loyaltyloop.followup.FollowUpSweep.Visit;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.customers.FollowUpState;

/**
 * The sweep against the moto server, sending through SES on moto: what it sends, what it moves, and that nothing
 * is sent twice when it fires twice, runs concurrently, dies mid-batch or races a new order.
 */
@MotoTest
class FollowUpSweepTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private LoopFixture loop;

    @BeforeEach
    void start() {
        loop = LoopFixture.start(T0);
    }

    @AfterEach
    void close() {
        if (loop != null) {
            loop.close();
        }
    }

    private Report run(FollowUpSweep sweep) {
        return sweep.run(() -> true);
    }

    /** A big spender first, so the customers placed after them are regulars (90 days). */
    private String bigSpender() {
        String email = loop.newEmail("big");
        loop.place(email, "Bea", 90_000);
        return email;
    }

    private List<String> regulars(int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = loop.newEmail("regular");
            loop.place(email, "Reg", 2_000);
            emails.add(email);
        }
        return emails;
    }

    private static List<JsonNode> sesTo(String email) {
        return TestAws.sentEmailsTo(email);
    }

    // --- what one run does ---

    @Test
    void aDueCustomerGetsExactlyOneFollowUpWithTheUnsubscribeHeaders() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        Instant now = loop.clock.instant();

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.SENT)).isEqualTo(2);
        assertThat(report.incomplete()).isFalse();
        List<JsonNode> ses = sesTo(jane);
        assertThat(ses).hasSize(1);
        assertThat(ses.get(0).path("subject").asText()).isEqualTo("How's your Ceramic Mug, Jane?");
        assertThat(ses.get(0).path("source").asText()).contains(loop.shop.senderAddress());
        EmailMessage message = loop.sentTo(jane).get(0);
        assertThat(message.kind()).isEqualTo(EmailKind.FOLLOW_UP);
        assertThat(message.kind().wireName()).isEqualTo("follow-up");
        assertThat(message.headers().get("List-Unsubscribe")).startsWith("<" + LoopFixture.BASE_URL + "/u/").endsWith(">");
        assertThat(message.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        String unsubscribeUrl = message.headers().get("List-Unsubscribe").replaceAll("[<>]", "");
        assertThat(message.text()).contains(unsubscribeUrl);
        assertThat(message.html()).contains(unsubscribeUrl.replace("&", "&amp;"));

        Customer after = loop.customer(jane);
        assertThat(after.lastContactAt()).isEqualTo(now);
        assertThat(after.followUp().lastMarketingAt()).isEqualTo(now);
        assertThat(after.followUp().followUpsSent()).isEqualTo(1);
        assertThat(after.followUp().dueAt()).isEqualTo(now.plus(Duration.ofDays(90)));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(loop.loopStats.followUpsSent(loop.shop.domain(), today, today)).isEqualTo(2);
    }

    @Test
    void aNameWithMarkupIsEscapedInTheFollowUp() {
        bigSpender();
        String mallory = loop.newEmail("mallory");
        loop.place(mallory, "<script>alert(1)</script>", 2_000);
        loop.clock.advance(Duration.ofDays(90));

        run(loop.sweep());

        EmailMessage message = loop.sentTo(mallory).get(0);
        assertThat(message.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aTopTenPercentCustomerGetsTheVipFollowUpAtFortyFiveDays() {
        regulars(9);
        String bea = loop.newEmail("bea");
        loop.place(bea, "Bea", 90_000);
        loop.clock.advance(Duration.ofDays(45));

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.SENT)).isEqualTo(1);
        assertThat(sesTo(bea)).hasSize(1);
        assertThat(sesTo(bea).get(0).path("subject").asText()).startsWith("Bea, a thank-you from");
        // The next check is 45 days on again.
        assertThat(loop.customer(bea).followUp().dueAt()).isEqualTo(loop.clock.instant().plus(Duration.ofDays(45)));
    }

    @Test
    void nobodyIsMailedBeforeTheyAreDue() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        // Bea (top) is due at 45 days; Jane is not due until 90, and not within the hour before.
        loop.clock.advance(Duration.ofDays(90).minus(FollowUpSweep.INTERVAL));

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.SENT)).isEqualTo(1);
        assertThat(sesTo(jane)).isEmpty();
        loop.clock.advance(Duration.ofSeconds(1));
        assertThat(run(loop.sweep()).count(Visit.SENT)).isEqualTo(1);
        assertThat(sesTo(jane)).hasSize(1);
    }

    @Test
    void aCustomerWithALaterContactIsRescheduledWithoutBeingMailed() {
        bigSpender();
        String jane = loop.newEmail("jane");
        Order first = loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(30));
        // The thank-you for the first order went out late: a contact, which the due index does not know about.
        loop.accounts.claimAffirmation(loop.shop.domain(), jane, first.orderId());
        loop.clock.advance(Duration.ofDays(60));

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.RESCHEDULED)).isEqualTo(1);
        assertThat(sesTo(jane)).isEmpty();
        assertThat(loop.customer(jane).followUp().dueAt()).isEqualTo(T0.plus(Duration.ofDays(30 + 90)));
    }

    @Test
    void aFortyFiveDayCheckOfACustomerNotInTheTopTenPercentMovesToNinetyDays() {
        // Ten customers: the top 10% is one slot, the top 20% two. Bea holds the first, Ray the second.
        List<String> small = regulars(8);
        String bea = bigSpender();
        String ray = loop.newEmail("ray");
        loop.place(ray, "Ray", 40_000);
        assertThat(loop.customer(ray).followUp().dueAt()).isEqualTo(T0.plus(Duration.ofDays(45)));
        loop.clock.advance(Duration.ofDays(45));

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.SENT)).isEqualTo(1);
        // Ray, and the first small customer, who was the whole shop (its top 10%) when they ordered.
        assertThat(report.count(Visit.RESCHEDULED)).isEqualTo(2);
        assertThat(sesTo(bea)).hasSize(1);
        assertThat(sesTo(ray)).isEmpty();
        assertThat(loop.customer(ray).followUp().dueAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(small).allSatisfy(email -> assertThat(sesTo(email)).isEmpty());
    }

    @Test
    void aCustomerWhoEntersTheTopTenPercentWithoutOrderingIsMailedAtTheirFortyFiveDayCheck() {
        // Ray is second of ten when he orders (checked at 45 days); the big spender's refund makes him the top.
        List<String> small = regulars(8);
        String bea = bigSpender();
        String ray = loop.newEmail("ray");
        loop.place(ray, "Ray", 40_000);
        loop.accounts.recordRefund(loop.shop.domain(), bea, new loyaltyloop.orders.Money(89_000, "USD"));
        loop.scheduler.reconcile(loop.shop.domain(), bea, null, false);
        loop.clock.advance(Duration.ofDays(45));

        run(loop.sweep());

        assertThat(sesTo(ray)).hasSize(1);
        assertThat(sesTo(bea)).isEmpty();
        assertThat(small).allSatisfy(email -> assertThat(sesTo(email)).isEmpty());
    }

    @Test
    void aFollowUpWithinTwentyFourHoursOfAnotherMarketingEmailIsDeferredNotDropped() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        // A marketing email (as a survey will be) 23h59m ago that did not move the due time.
        Instant marketing = loop.clock.instant().minus(Duration.ofHours(23).plusMinutes(59));
        Customer c = loop.customer(jane);
        FollowUpState state = c.followUp();
        assertThat(loop.customers.saveIfUnchanged(c.withFollowUp(new FollowUpState(state.dueAt(), state.spendBucket(),
                marketing, null, null, state.followUpsSent()), c.lastContactAt()))).isTrue();

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.DEFERRED)).isEqualTo(1);
        assertThat(sesTo(jane)).isEmpty();
        assertThat(loop.customer(jane).followUp().dueAt()).isEqualTo(marketing.plus(DAY));

        // Still held back one second before the 24 hours are up, sent once they are.
        loop.clock.set(marketing.plus(DAY).minusSeconds(1));
        Report held = run(loop.sweep());
        assertThat(held.count(Visit.SENT)).isZero();
        assertThat(held.count(Visit.DEFERRED)).isEqualTo(1);
        loop.clock.set(marketing.plus(DAY));
        assertThat(run(loop.sweep()).count(Visit.SENT)).isEqualTo(1);
        assertThat(sesTo(jane)).hasSize(1);
    }

    @Test
    void aDueCustomerWhoUnsubscribedIsTakenOffTheScheduleAndCountedUnreachable() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(10));
        loop.accounts.unsubscribe(loop.shop.domain(), jane);
        loop.clock.advance(Duration.ofDays(80));

        Report report = run(loop.sweep());

        assertThat(report.count(Visit.UNREACHABLE)).isEqualTo(1);
        assertThat(sesTo(jane)).isEmpty();
        Customer after = loop.customer(jane);
        assertThat(after.followUp().dueAt()).isNull();
        assertThat(after.followUp().unreachableSince()).isEqualTo(loop.clock.instant());
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);

        // Off the index: later runs do not see them, nor count them again.
        loop.clock.advance(Duration.ofDays(100));
        assertThat(run(loop.sweep()).count(Visit.UNREACHABLE)).isZero();
        assertThat(loop.loopStats.unreachable(loop.shop.domain())).isEqualTo(1);
        assertThat(sesTo(jane)).isEmpty();
    }

    @Test
    void aShopSwitchedToExplicitConsentStopsFollowUpsToCustomersWhoNeverOptedIn() {
        loop.consentMode(loyaltyloop.shops.ConsentMode.SOFT_OPT_IN);
        String uma = loop.newEmail("uma");
        loop.place(loop.order(uma, "Uma", 2_000, loyaltyloop.orders.MarketingConsent.UNKNOWN));
        loop.consentMode(loyaltyloop.shops.ConsentMode.EXPLICIT);
        loop.clock.advance(Duration.ofDays(90));

        assertThat(run(loop.sweep()).count(Visit.UNREACHABLE)).isEqualTo(1);
        assertThat(sesTo(uma)).isEmpty();
    }

    // --- at most once ---

    @Test
    void theSweepFiredTwiceAtTheSameInstantSendsEachFollowUpOnce() {
        bigSpender();
        List<String> due = regulars(3);
        loop.clock.advance(Duration.ofDays(90));

        Report first = run(loop.sweep());
        Report second = run(loop.sweep());

        assertThat(first.count(Visit.SENT)).isEqualTo(4);
        assertThat(second.count(Visit.SENT)).isZero();
        assertThat(due).allSatisfy(email -> assertThat(sesTo(email)).hasSize(1));
    }

    @Test
    void fourSweepsRunningAtOnceSendEachDueCustomerOneFollowUp() throws Exception {
        List<String> due = regulars(12);
        loop.clock.advance(Duration.ofDays(90));
        int sweeps = 4;
        ExecutorService pool = Executors.newFixedThreadPool(sweeps);
        CountDownLatch go = new CountDownLatch(1);
        List<Report> reports = new ArrayList<>();
        try {
            List<Future<Report>> runs = new ArrayList<>();
            for (int i = 0; i < sweeps; i++) {
                // Separate instances, as in separate Lambda containers.
                FollowUpSweep sweep = loop.sweep();
                runs.add(pool.submit(() -> {
                    go.await();
                    return run(sweep);
                }));
            }
            go.countDown();
            for (Future<Report> r : runs) {
                reports.add(r.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reports.stream().mapToInt(r -> r.count(Visit.SENT)).sum()).isEqualTo(12);
        assertThat(due).allSatisfy(email -> assertThat(sesTo(email)).hasSize(1));
        assertThat(due).allSatisfy(email -> assertThat(loop.customer(email).followUp().followUpsSent()).isEqualTo(1));
        LocalDate today = LocalDate.ofInstant(loop.clock.instant(), ZoneOffset.UTC);
        assertThat(loop.loopStats.followUpsSent(loop.shop.domain(), today, today)).isEqualTo(12);
    }

    @Test
    void aRunStoppedAtItsBatchLimitLeavesTheRestDueAndTheNextRunSendsThem() {
        List<String> due = regulars(7);
        loop.clock.advance(Duration.ofDays(90));
        FollowUpSweep small = loop.sweep(loop.ses, loop.customers, 3);

        Report first = run(small);
        Report second = run(small);
        Report third = run(small);

        assertThat(first.incomplete()).isTrue();
        assertThat(first.count(Visit.SENT)).isEqualTo(3);
        assertThat(second.incomplete()).isTrue();
        assertThat(second.count(Visit.SENT)).isEqualTo(3);
        assertThat(third.count(Visit.SENT)).isEqualTo(1);
        assertThat(third.incomplete()).isFalse();
        assertThat(due).allSatisfy(email -> assertThat(sesTo(email)).hasSize(1));
        assertThat(run(small).count(Visit.SENT)).isZero();
    }

    @Test
    void aRunOutOfTimeStopsAndTheNextRunCarriesOn() {
        List<String> due = regulars(5);
        loop.clock.advance(Duration.ofDays(90));
        AtomicInteger checks = new AtomicInteger();

        Report first = loop.sweep().run(() -> checks.incrementAndGet() <= 1);
        assertThat(first.incomplete()).isTrue();
        Report second = run(loop.sweep());

        assertThat(first.count(Visit.SENT) + second.count(Visit.SENT)).isEqualTo(5);
        assertThat(due).allSatisfy(email -> assertThat(sesTo(email)).hasSize(1));
    }

    @Test
    void aProcessDyingInTheMiddleOfABatchLosesNothingAndSendsNothingTwice() {
        List<String> due = regulars(7);
        loop.clock.advance(Duration.ofDays(90));
        AtomicInteger writes = new AtomicInteger();
        InterceptingStore dying = new InterceptingStore(loop.customers, c -> {
            if (writes.incrementAndGet() == 4) {
                throw new IllegalStateException("the Lambda container died");
            }
        });

        assertThatThrownBy(() -> run(loop.sweep(loop.ses, dying, 500))).hasMessageContaining("died");
        long sentBeforeTheCrash = due.stream().filter(email -> !sesTo(email).isEmpty()).count();
        assertThat(sentBeforeTheCrash).isEqualTo(3);

        Report next = run(loop.sweep());

        assertThat(next.count(Visit.SENT)).isEqualTo(4);
        assertThat(due).allSatisfy(email -> assertThat(sesTo(email)).hasSize(1));
    }

    @Test
    void aNewOrderDuringTheSweepWinsNoFollowUpIsSentAndTheNewContactSetsTheDueTime() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        Instant now = loop.clock.instant();
        AtomicBoolean ordered = new AtomicBoolean();
        // Between the sweep's read of Jane and its claim, her new order is counted and scheduled.
        InterceptingStore racing = new InterceptingStore(loop.customers, c -> {
            if (c.email().equals(jane) && ordered.compareAndSet(false, true)) {
                loop.place(jane, "Jane", 3_000);
            }
        });

        Report report = run(loop.sweep(loop.ses, racing, 500));

        assertThat(ordered).isTrue();
        assertThat(sesTo(jane)).isEmpty();
        assertThat(report.count(Visit.RESCHEDULED)).isEqualTo(1);
        Customer after = loop.customer(jane);
        assertThat(after.lastContactAt()).isEqualTo(now);
        assertThat(after.followUp().followUpsSent()).isZero();
        assertThat(after.followUp().dueAt()).isEqualTo(now.plus(Duration.ofDays(90)));
        assertThat(after.orderCount()).isEqualTo(2);
    }

    @Test
    void aThankYouSentWhileTheFollowUpIsBeingClaimedWins() {
        bigSpender();
        String jane = loop.newEmail("jane");
        Order order = loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        AtomicBoolean thanked = new AtomicBoolean();
        InterceptingStore racing = new InterceptingStore(loop.customers, c -> {
            if (c.email().equals(jane) && thanked.compareAndSet(false, true)) {
                loop.accounts.claimAffirmation(loop.shop.domain(), jane, order.orderId());
            }
        });

        run(loop.sweep(loop.ses, racing, 500));

        assertThat(thanked).isTrue();
        assertThat(sesTo(jane)).isEmpty();
        assertThat(loop.customer(jane).followUp().dueAt())
                .isEqualTo(loop.clock.instant().plus(Duration.ofDays(90)));
    }

    @Test
    void aFollowUpThatSesRefusesIsGivenBackAndTheNextRunSendsIt() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        Instant now = loop.clock.instant();
        Customer before = loop.customer(jane);
        Shop verified = loop.shop;
        // SES refuses mail from an address that is not verified: a real refusal, not a stand-in.
        loop.saveShop(new Shop(verified.domain(), verified.platform(), verified.storefrontUrl(),
                TestAws.unique("unverified") + "@nowhere.example", verified.senderName(), verified.ownerEmail(),
                verified.defaultLocale(), verified.currency(), verified.webhookSecretRef()));

        Report failed = run(loop.sweep());

        assertThat(failed.count(Visit.FAILED)).isEqualTo(2);
        assertThat(sesTo(jane)).isEmpty();
        Customer givenBack = loop.customer(jane);
        assertThat(givenBack.followUp().dueAt()).isEqualTo(now);
        assertThat(givenBack.lastContactAt()).isEqualTo(before.lastContactAt());
        assertThat(givenBack.followUp().lastMarketingAt()).isNull();
        assertThat(givenBack.followUp().followUpsSent()).isZero();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(loop.loopStats.followUpsSent(loop.shop.domain(), today, today)).isZero();

        loop.saveShop(verified);
        loop.clock.advance(FollowUpSweep.INTERVAL);
        Report retried = run(loop.sweep());

        assertThat(retried.count(Visit.SENT)).isEqualTo(2);
        assertThat(sesTo(jane)).hasSize(1);
        assertThat(loop.customer(jane).followUp().followUpsSent()).isEqualTo(1);
    }

    @Test
    void aSendFailureThatIsNotSesStillGivesTheClaimBack() {
        bigSpender();
        String jane = loop.newEmail("jane");
        loop.place(jane, "Jane", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        // Only to simulate a failure SES on moto cannot produce (a timeout): fails for Jane, sends for the rest.
        FollowUpSweep flaky = loop.sweep(message -> {
            if (message.to().equals(jane)) {
                throw new IllegalStateException("SES timed out");
            }
            loop.ses.send(message);
        }, loop.customers, 500);

        Report report = run(flaky);

        assertThat(report.count(Visit.FAILED)).isEqualTo(1);
        assertThat(report.count(Visit.SENT)).isEqualTo(1);
        assertThat(loop.customer(jane).followUp().dueAt()).isEqualTo(loop.clock.instant());
        assertThat(run(loop.sweep()).count(Visit.SENT)).isEqualTo(1);
        assertThat(sesTo(jane)).hasSize(1);
    }

    @Test
    void sesSayingNotNowStopsTheRunAndLeavesEveryoneDueForTheNext() {
        bigSpender();
        String jane = loop.newEmail("jane");
        String omar = loop.newEmail("omar");
        loop.place(jane, "Jane", 2_000);
        loop.place(omar, "Omar", 2_000);
        loop.clock.advance(Duration.ofDays(90));
        // Only to simulate what SES on moto cannot produce: the account's sending rate used up for every send.
        FollowUpSweep throttled = loop.sweep(message -> {
            throw new loyaltyloop.email.SendingDeferred("SES refused for now: TooManyRequestsException", null);
        }, loop.customers, 500);

        Report report = run(throttled);

        assertThat(report.incomplete()).isTrue();
        assertThat(report.count(Visit.FAILED)).isEqualTo(1);
        assertThat(report.count(Visit.SENT)).isZero();
        assertThat(loop.dueBefore(loop.clock.instant().plus(FollowUpSweep.INTERVAL))).contains(jane, omar);
        Report next = run(loop.sweep());
        assertThat(next.count(Visit.SENT)).isEqualTo(3);
        assertThat(sesTo(jane)).hasSize(1);
        assertThat(sesTo(omar)).hasSize(1);
    }

    // --- cost ---

    @Test
    void theSweepReadsAtMostTwoCapacityUnitsPerDueCustomerAndNotMoreForMoreCustomersWhoAreNotDue() throws Exception {
        loop.close();
        loop = null;
        // Kept small so the test stays quick on moto; large shops (10,000 and 100,000 customers) are for the benchmark.
        double small = sweepReadUnits(50, 50);
        double large = sweepReadUnits(50, 200);

        // 2.5: the sweep's own reads stay under 2; every email then costs one eventually consistent read (0.5 RCU) of
        // the address's bounces and complaints before it is sent (deliverability.Suppressions).
        assertThat(small / 50).as("RCU per due customer, 50 not due").isLessThanOrEqualTo(2.5);
        assertThat(large / 50).as("RCU per due customer, 200 not due").isLessThanOrEqualTo(2.5);
        assertThat(large).as("4x the customers who are not due").isLessThanOrEqualTo(small * 1.1);
        System.out.printf("sweep read capacity: %.1f RCU for 50 due + 50 not due (%.2f per due customer), "
                + "%.1f RCU for 50 due + 200 not due (%.2f per due customer)%n", small, small / 50, large, large / 50);
    }

    /** Read units of one sweep that sends {@code due} follow-ups in a shop with {@code notDue} other customers. */
    private static double sweepReadUnits(int due, int notDue) throws Exception {
        try (LoopFixture shop = LoopFixture.countingCapacity(T0); LoopFixture seeder = shop.plainTwin()) {
            java.util.Random random = new java.util.Random(due * 31L + notDue);
            placeConcurrently(seeder, due, random);
            shop.clock.advance(Duration.ofDays(80));
            placeConcurrently(seeder, notDue, random);
            shop.clock.advance(Duration.ofDays(11));
            CapacityCountingDynamoDbClient capacity = shop.capacity();
            capacity.reset();

            Report report = shop.sweep().run(() -> true);

            assertThat(report.count(Visit.SENT)).isEqualTo(due);
            assertThat(report.visits().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(due);
            assertThat(capacity.rcuByOperation()).doesNotContainKey("Scan");
            System.out.println("sweep of " + due + " due / " + notDue + " not due: " + capacity.rcuByOperation());
            return capacity.rcu();
        }
    }

    private static void placeConcurrently(LoopFixture shop, int customers, java.util.Random random) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Order>> orders = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                // Spends on a coarse grid (at most 40 buckets) keep seeding quick; the sweep reads the histogram once.
                long spend = 1_000 + 5_000L * random.nextInt(40);
                orders.add(() -> shop.place(shop.newEmail("c"), "Cas", spend));
            }
            for (Future<Order> f : pool.invokeAll(orders)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The real store with a hook that runs just before each write: a crash, or another writer getting in first. */
    static final class InterceptingStore implements CustomerStore {
        private final CustomerStore real;
        private final Consumer<Customer> beforeSave;

        InterceptingStore(CustomerStore real, Consumer<Customer> beforeSave) {
            this.real = real;
            this.beforeSave = beforeSave;
        }

        @Override
        public Optional<Customer> find(String shop, String email) {
            return real.find(shop, email);
        }

        @Override
        public boolean saveIfUnchanged(Customer customer) {
            beforeSave.accept(customer);
            return real.saveIfUnchanged(customer);
        }

        @Override
        public boolean claimReferralCode(String shop, String code, String email, java.time.Instant firstOrderAt) {
            return real.claimReferralCode(shop, code, email, firstOrderAt);
        }

        @Override
        public Optional<String> findEmailByReferralCode(String shop, String code) {
            return real.findEmailByReferralCode(shop, code);
        }

        @Override
        public void keepForRetention(String shop, String email, String referralCode, java.time.Instant from) {
            real.keepForRetention(shop, email, referralCode, from);
        }

        @Override
        public void rememberOrders(String shop, String email, java.util.Collection<String> orderIds) {
            real.rememberOrders(shop, email, orderIds);
        }
    }
}
