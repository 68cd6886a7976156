package loyaltyloop.referral;

import loyaltyloop.points.PointsEmails;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsLedger;
import loyaltyloop.points.PointsOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.referral.ReferralCredits.Outcome;
import loyaltyloop.shops.LoyaltySettings.ReferralSettings;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.points.Conversion;

/** Crediting converted referrals and clawing back on refunds, through the DynamoDB ledger on the moto server. */
@MotoTest
class ReferralCreditsTest {

    private ReferralFixture f;
    private ReferralCredits credits;
    private Customer rita;

    @BeforeEach
    void setUp() {
        f = ReferralFixture.start();
        credits = f.credits();
        rita = f.referrer(f.newEmail("rita"), "9001", 10_000);
        f.bus.drain();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private Outcome placed(Order order) {
        return credits.onOrderPlaced(firstOrderPlaced(order));
    }

    private static OrderPlaced firstOrderPlaced(Order order) {
        return new OrderPlaced(order, 1, ReferralFixture.BASE_URL);
    }

    private Order convert(long totalMinor) {
        Order order = f.friendOrder(f.newEmail("friend"), "Fay", rita.referralCode(), totalMinor);
        assertThat(placed(order)).isEqualTo(Outcome.CREDITED);
        return order;
    }

    private Outcome refund(Order order, String refundId, long amountMinor) {
        return credits.onOrderRefunded(new OrderRefunded(f.shop.domain(), order.orderId(), order.email(), refundId,
                new Money(amountMinor, "USD")));
    }

    private Outcome cancel(Order order) {
        return credits.onOrderCancelled(new OrderCancelled(f.shop.domain(), order.orderId(), order.email()));
    }

    private List<String> eventTypes() {
        return f.bus.drain().stream().map(e -> e.path("detail-type").asText()).toList();
    }

    @Test
    void aFriendsFirstOrderCreditsTheReferrerOnceWithAnEmailAnEventAndALedgerEntry() {
        Order order = convert(5990);

        assertThat(f.balance(rita.email())).isEqualTo(500);
        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.entries()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(LedgerEntry.Reason.REFERRAL);
            assertThat(e.reference()).isEqualTo(order.orderId());
            assertThat(e.points()).isEqualTo(500);
            assertThat(e.friendName()).isEqualTo("Fay");
        });
        Conversion conversion = f.ledger.findConversion(f.shop.domain(), order.orderId()).orElseThrow();
        assertThat(conversion.status()).isEqualTo(Conversion.Status.CREDITED);
        assertThat(conversion.source()).isEqualTo(Conversion.Source.ATTRIBUTE);
        assertThat(conversion.referrerEmail()).isEqualTo(rita.email());

        EmailMessage email = f.sentTo(rita.email()).get(0);
        assertThat(f.sentTo(rita.email())).hasSize(1);
        assertThat(email.kind()).isEqualTo(EmailKind.POINTS);
        assertThat(email.subject()).contains("500 points");
        assertThat(email.text()).contains("Fay placed their first order").contains("Your balance: 500 points")
                .contains(ReferralFixture.BASE_URL + "/p/").doesNotContain("Doe").doesNotContain(order.email());
        List<JsonNode> events = f.bus.drain();
        assertThat(events).extracting(e -> e.path("detail-type").asText()).containsExactly("PointsCredited");
        assertThat(events.get(0).path("detail").path("points").asLong()).isEqualTo(500);
        assertThat(events.get(0).path("detail").path("balance").asLong()).isEqualTo(500);
    }

    @Test
    void thePointsEmailIsAContactThatRestartsTheReferrersNinetyFortyFiveClock() {
        f.clock.advance(java.time.Duration.ofDays(20));
        convert(5990);
        assertThat(f.customers.find(f.shop.domain(), rita.email()).orElseThrow().lastContactAt())
                .isEqualTo(f.clock.instant());
    }

    @Test
    void theSameOrderDeliveredTwiceCreditsOnce() {
        Order order = convert(5990);

        assertThat(placed(order)).isEqualTo(Outcome.ALREADY_CREDITED);

        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(f.sentTo(rita.email())).hasSize(1);
        assertThat(eventTypes()).containsExactly("PointsCredited");
    }

    @Test
    void theSameOrderDeliveredConcurrentlyCreditsOnce() throws Exception {
        Order order = f.friendOrder(f.newEmail("friend"), "Fay", rita.referralCode(), 5990);
        long countedBefore = f.metrics.total(loyaltyloop.metrics.LoopMetrics.POINTS_CREDITED);

        List<Outcome> outcomes = Concurrently.run(8, () -> placed(order));

        assertThat(outcomes).filteredOn(o -> o == Outcome.CREDITED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o == Outcome.ALREADY_CREDITED).hasSize(7);
        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(f.ledger.statement(f.shop.domain(), rita.email()).entries()).hasSize(1);
        assertThat(f.sentTo(rita.email())).hasSize(1);
        assertThat(eventTypes()).containsExactly("PointsCredited");
        assertThat(f.metrics.total(loyaltyloop.metrics.LoopMetrics.POINTS_CREDITED) - countedBefore).isEqualTo(500);
    }

    @Test
    void onlyTheFriendsFirstOrderConvertsAndUnknownCodesAndPlainOrdersEarnNothing() {
        Order second = f.order(f.newEmail("friend"), "Fay", null, 5990, Map.of("loyalty_ref", rita.referralCode()),
                List.of(), null);
        assertThat(credits.onOrderPlaced(new OrderPlaced(second, 2, ReferralFixture.BASE_URL)))
                .isEqualTo(Outcome.NOT_FIRST_ORDER);
        Order unknown = f.friendOrder(f.newEmail("friend"), "Fay", "ZZZZ2222", 5990);
        assertThat(placed(unknown)).isEqualTo(Outcome.UNKNOWN_CODE);
        Order plain = f.order(f.newEmail("plain"), "Pat", null, 5990, Map.of(), List.of("WELCOME10"), "/?utm=x");
        assertThat(placed(plain)).isEqualTo(Outcome.NOT_REFERRED);

        assertThat(f.balance(rita.email())).isZero();
        assertThat(f.ledger.findConversion(f.shop.domain(), second.orderId())).isEmpty();
        assertThat(f.sent).isEmpty();
        assertThat(eventTypes()).isEmpty();
    }

    @Test
    void firstMatchWinsAttributeThenLandingSiteThenDiscountCode() {
        Customer other = f.referrer(f.newEmail("otto"), null, 5_000);
        Order viaAttribute = f.order(f.newEmail("a"), "Ann", null, 1000, Map.of("loyalty_ref", rita.referralCode()),
                List.of(other.referralCode()), "/?ref=" + other.referralCode());
        Order viaLanding = f.order(f.newEmail("b"), "Ben", null, 1000, Map.of("loyalty_ref", "ZZZZ2222"),
                List.of(rita.referralCode()), "/collections?ref=" + other.referralCode().toLowerCase());
        Order viaDiscount = f.order(f.newEmail("c"), "Cat", null, 1000, Map.of(), List.of("WELCOME10",
                rita.referralCode().toLowerCase()), null);
        for (Order o : List.of(viaAttribute, viaLanding, viaDiscount)) {
            f.place(o);
            assertThat(placed(o)).isEqualTo(Outcome.CREDITED);
        }

        assertThat(f.ledger.findConversion(f.shop.domain(), viaAttribute.orderId()).orElseThrow().referrerEmail())
                .isEqualTo(rita.email());
        Conversion landing = f.ledger.findConversion(f.shop.domain(), viaLanding.orderId()).orElseThrow();
        assertThat(landing.referrerEmail()).isEqualTo(other.email());
        assertThat(landing.source()).isEqualTo(Conversion.Source.LANDING_SITE);
        assertThat(f.ledger.findConversion(f.shop.domain(), viaDiscount.orderId()).orElseThrow().source())
                .isEqualTo(Conversion.Source.DISCOUNT_CODE);
        assertThat(f.balance(rita.email())).isEqualTo(1000);
        assertThat(f.balance(other.email())).isEqualTo(500);
    }

    @Test
    void selfReferralBySameFoldedEmailOrSameCustomerIdEarnsNothingAndIsRecordedWithItsReason() {
        String gmail = "rita.smith+shop@gmail.com";
        Customer g = f.referrer(gmail, null, 1000);
        Order sameMailbox = f.order("RitaSmith@googlemail.com", "Rita", null, 1000,
                Map.of("loyalty_ref", g.referralCode()), List.of(), null);
        f.place(sameMailbox);
        Order sameCustomer = f.order(f.newEmail("rita-new-address"), "Rita", "9001", 1000,
                Map.of("loyalty_ref", rita.referralCode()), List.of(), null);
        f.place(sameCustomer);

        assertThat(placed(sameMailbox)).isEqualTo(Outcome.SELF_REFERRAL);
        assertThat(placed(sameCustomer)).isEqualTo(Outcome.SELF_REFERRAL);
        assertThat(placed(sameCustomer)).isEqualTo(Outcome.ALREADY_CREDITED);

        assertThat(f.ledger.findConversion(f.shop.domain(), sameMailbox.orderId()).orElseThrow())
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Conversion.Status.REJECTED);
                    assertThat(c.rejectReason()).isEqualTo(SelfReferral.SAME_EMAIL);
                    assertThat(c.points()).isZero();
                });
        assertThat(f.ledger.findConversion(f.shop.domain(), sameCustomer.orderId()).orElseThrow().rejectReason())
                .isEqualTo(SelfReferral.SAME_CUSTOMER_ID);
        assertThat(f.balance(gmail)).isZero();
        assertThat(f.balance(rita.email())).isZero();
        assertThat(f.sent).isEmpty();
        assertThat(eventTypes()).isEmpty();
    }

    @Test
    void loyalReferrersEarnMoreTenureAndTopTenPercentMultiply() {
        f.clock.advance(Duration.ofDays(366));
        // Rita alone in the shop's histogram is its top 10%.
        f.context.getBean(SpendStats.class).move(f.shop.domain(), null, SpendHistogram.bucketOf(rita.netSpend().minor()));

        convert(1000);

        assertThat(f.balance(rita.email())).isEqualTo(1500);
        assertThat(f.ledger.statement(f.shop.domain(), rita.email()).entries().get(0).note()).isEqualTo("tenure+top");
        assertThat(f.sentTo(rita.email()).get(0).text()).contains("1,500 points").contains("loyalty bonuses");
    }

    @Test
    void pointsPerReferralIsPerShop() {
        f.referralSettings(new ReferralSettings(200, 365, 1.5, 2.0, 60, null));
        credits = f.credits();

        convert(1000);

        assertThat(f.balance(rita.email())).isEqualTo(200);
    }

    @Test
    void aFullRefundClawsBackTheWholeCreditOnceEvenWhenRepeated() {
        Order order = convert(5990);
        f.bus.drain();

        assertThat(refund(order, "r1", 5990)).isEqualTo(Outcome.CLAWED_BACK);
        assertThat(refund(order, "r1", 5990)).isEqualTo(Outcome.ALREADY_CLAWED_BACK);

        assertThat(f.balance(rita.email())).isZero();
        List<LedgerEntry> entries = f.ledger.statement(f.shop.domain(), rita.email()).entries();
        assertThat(entries).extracting(LedgerEntry::points).containsExactlyInAnyOrder(500L, -500L);
        assertThat(eventTypes()).containsExactly("PointsClawedBack");
    }

    @Test
    void partialRefundsClawBackProportionallyRoundedDownAndAddUpToTheWholeCredit() {
        Order order = convert(5990);

        assertThat(refund(order, "r1", 1995)).isEqualTo(Outcome.CLAWED_BACK); // 166.5 → 166
        assertThat(f.balance(rita.email())).isEqualTo(334);
        assertThat(refund(order, "r2", 1995)).isEqualTo(Outcome.CLAWED_BACK); // 333.0 in all → 167 more
        assertThat(f.balance(rita.email())).isEqualTo(167);
        assertThat(refund(order, "r3", 2000)).isEqualTo(Outcome.CLAWED_BACK); // the whole order → the rest
        assertThat(f.balance(rita.email())).isZero();
        assertThat(refund(order, "r2", 1995)).isEqualTo(Outcome.ALREADY_CLAWED_BACK);
        assertThat(f.balance(rita.email())).isZero();
    }

    @Test
    void concurrentRepeatsOfOneRefundClawBackOnce() throws Exception {
        Order order = convert(5990);

        List<Outcome> outcomes = Concurrently.run(6, () -> refund(order, "r1", 2995));

        assertThat(outcomes).filteredOn(o -> o == Outcome.CLAWED_BACK).hasSize(1);
        assertThat(f.balance(rita.email())).isEqualTo(250);
    }

    @Test
    void aClawbackAfterSpendingTakesWhatIsThereAndRecordsTheShortfallNeverGoingNegative() {
        Order first = convert(5990);
        convert(1000);
        assertThat(f.balance(rita.email())).isEqualTo(1000);
        assertThat(f.pages().redeem(f.pointsToken(rita), "1000", "spend-it-all-0000001"))
                .isInstanceOf(PointsOutcome.Redeemed.class);
        assertThat(f.balance(rita.email())).isZero();

        assertThat(cancel(first)).isEqualTo(Outcome.CLAWED_BACK);
        assertThat(cancel(first)).isEqualTo(Outcome.ALREADY_CLAWED_BACK);
        assertThat(refund(first, "r9", 5990)).isEqualTo(Outcome.NOTHING_TO_CLAW_BACK);

        assertThat(f.balance(rita.email())).isZero();
        LedgerEntry clawback = f.ledger.statement(f.shop.domain(), rita.email()).entries().stream()
                .filter(e -> e.reason() == LedgerEntry.Reason.CLAWBACK).findFirst().orElseThrow();
        assertThat(clawback.points()).isZero();
        assertThat(clawback.shortfall()).isEqualTo(500);
        assertThat(f.ledger.findConversion(f.shop.domain(), first.orderId()).orElseThrow().clawedPoints()).isEqualTo(500);
    }

    @Test
    void aPartlySpentBalanceGivesWhatItHas() {
        Order order = convert(5990);
        f.referralSettings(new ReferralSettings(500, 365, 1.5, 2.0, 60, List.of(
                new loyaltyloop.shops.LoyaltySettings.RedeemTier(300, loyaltyloop.shops.CouponTerms.percentOff(5)))));
        assertThat(f.pages().redeem(f.pointsToken(rita), "300", "spend-three-hundred1"))
                .isInstanceOf(PointsOutcome.Redeemed.class);

        assertThat(refund(order, "r1", 5990)).isEqualTo(Outcome.CLAWED_BACK);

        assertThat(f.balance(rita.email())).isZero();
        LedgerEntry clawback = f.ledger.findEntry(f.shop.domain(), rita.email(), LedgerEntry.Reason.CLAWBACK,
                order.orderId() + ":r1").orElseThrow();
        assertThat(clawback.points()).isEqualTo(-200);
        assertThat(clawback.shortfall()).isEqualTo(300);
    }

    @Test
    void refundsAfterTheClawbackWindowOrOfOrdersThatDidNotConvertChangeNothing() {
        Order order = convert(5990);
        Order plain = f.order(f.newEmail("plain"), "Pat", null, 1000, Map.of(), List.of(), null);
        assertThat(refund(plain, "r1", 1000)).isEqualTo(Outcome.NOT_A_CONVERSION);
        f.clock.advance(Duration.ofDays(61));

        assertThat(refund(order, "r1", 5990)).isEqualTo(Outcome.OUTSIDE_WINDOW);
        assertThat(cancel(order)).isEqualTo(Outcome.OUTSIDE_WINDOW);

        assertThat(f.balance(rita.email())).isEqualTo(500);
    }

    @Test
    void aFriendsNameIsEscapedInTheEmailAndOnlyTheFirstNameIsUsed() {
        Order order = f.order(f.newEmail("x"), "<script>alert(1)</script>", null, 1000,
                Map.of("loyalty_ref", rita.referralCode()), List.of(), null);
        f.place(order);

        assertThat(placed(order)).isEqualTo(Outcome.CREDITED);

        EmailMessage email = f.sentTo(rita.email()).get(0);
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aPointsEmailSesRefusedIsOwedAndSentOnceByTheRetryWithoutCreditingAgain() {
        java.util.concurrent.atomic.AtomicBoolean sesDown = new java.util.concurrent.atomic.AtomicBoolean(true);
        loyaltyloop.email.EmailSender flaky = message -> {
            if (sesDown.get()) {
                throw new IllegalStateException("SES throttled");
            }
            f.sender.send(message);
        };
        ReferralCredits withFlakySes = new ReferralCredits(f.shops, f.customers, f.orders,
                f.context.getBean(SpendStats.class), f.ledger, f.context.getBean(loyaltyloop.events.EventPublisher.class),
                flaky, f.links, f.clock, f.context.getBean(PointsEmails.class), f.metrics,
                new loyaltyloop.customers.CustomerLadder(f.customers,
                        f.context.getBean(loyaltyloop.ladder.LadderCounts.class), f.clock),
                f.context.getBean(loyaltyloop.stats.LoopStats.class));
        Order order = f.friendOrder(f.newEmail("friend"), "Fay", rita.referralCode(), 5990);
        java.time.Instant contactBefore = f.customers.find(rita.shop(), rita.email()).orElseThrow().lastContactAt();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> withFlakySes.onOrderPlaced(firstOrderPlaced(order))).hasMessageContaining("SES");
        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(f.sentTo(rita.email())).isEmpty();
        // Advocate on the ladder already; no email went, so no contact either.
        loyaltyloop.customers.Customer refused = f.customers.find(rita.shop(), rita.email()).orElseThrow();
        assertThat(refused.followUp().ladder().advocate()).isTrue();
        assertThat(refused.lastContactAt()).isEqualTo(contactBefore);
        sesDown.set(false);

        assertThat(withFlakySes.onOrderPlaced(firstOrderPlaced(order))).isEqualTo(Outcome.ALREADY_CREDITED);
        assertThat(withFlakySes.onOrderPlaced(firstOrderPlaced(order))).isEqualTo(Outcome.ALREADY_CREDITED);

        assertThat(f.sentTo(rita.email())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Your balance: 500 points"));
        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(eventTypes()).containsExactly("PointsCredited");
        assertThat(f.customers.find(rita.shop(), rita.email()).orElseThrow().lastContactAt()).isEqualTo(f.clock.instant());
    }
}
