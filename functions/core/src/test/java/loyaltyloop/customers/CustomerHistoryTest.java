package loyaltyloop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class CustomerHistoryTest {

    private static final String SHOP = "demo.myshopify.com";
    private static final String EMAIL = "jane.doe@example.com";
    private static final Instant T0 = Instant.parse("2026-11-28T15:15:30Z");
    private static final Instant NOW = T0.plusSeconds(5);

    private static Customer fresh() {
        return CustomerHistory.newCustomer(SHOP, EMAIL, "USD", "K7QH2MZP");
    }

    private static Order order(String id, Instant createdAt, String total, String currency, MarketingConsent consent) {
        Money money = Money.parse(total, currency);
        return Orders.anOrder().shop(SHOP).orderId(id).orderName("#" + id).createdAt(createdAt).email(EMAIL)
                .customer("Jane Doe", "Jane").customerId("115310627314723954").locale("en").currency(currency)
                .total(money).lineItems(new LineItem("Mug", 1, money, "1")).marketingConsent(consent).build();
    }

    private static Order order(String id, Instant createdAt, String total) {
        return order(id, createdAt, total, "USD", MarketingConsent.GRANTED);
    }

    @Test
    void aNewCustomerHasNothingYet() {
        Customer c = fresh();
        assertThat(c.orderCount()).isZero();
        assertThat(c.netSpend()).isEqualTo(Money.zero("USD"));
        assertThat(c.firstOrderAt()).isNull();
        assertThat(c.lastContactAt()).isNull();
        assertThat(c.marketingConsent()).isEqualTo(MarketingConsent.UNKNOWN);
        assertThat(c.referralCode()).isEqualTo("K7QH2MZP");
        assertThat(c.unsubscribed()).isFalse();
        assertThat(c.version()).isZero();
    }

    @Test
    void theFirstOrderSetsFirstOrderAtCountSpendAndLastContact() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "59.90"), "USD", NOW);
        assertThat(c.firstOrderAt()).isEqualTo(T0);
        assertThat(c.orderCount()).isEqualTo(1);
        assertThat(c.netSpend()).isEqualTo(new Money(5990, "USD"));
        assertThat(c.lastContactAt()).isEqualTo(T0);
        assertThat(c.marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
        assertThat(c.firstName()).isEqualTo("Jane");
        assertThat(c.name()).isEqualTo("Jane Doe");
        assertThat(c.locale()).isEqualTo("en");
        assertThat(c.countedOrders()).containsExactlyEntriesOf(Map.of("1001", 1));
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.referralCode()).isEqualTo("K7QH2MZP");
    }

    @Test
    void theSameOrderTwiceChangesNothing() {
        Order first = order("1001", T0, "59.90");
        Customer once = CustomerHistory.withOrder(fresh(), first, "USD", NOW);
        Customer twice = CustomerHistory.withOrder(once, first, "USD", NOW.plusSeconds(60));
        assertThat(twice).isSameAs(once);
    }

    @Test
    void aSecondOrderAddsUp() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "59.90"), "USD", NOW);
        c = CustomerHistory.withOrder(c, order("1002", T0.plus(Duration.ofDays(30)), "0.10"), "USD", NOW);
        assertThat(c.orderCount()).isEqualTo(2);
        assertThat(c.netSpend()).isEqualTo(new Money(6000, "USD"));
        assertThat(c.firstOrderAt()).isEqualTo(T0);
        assertThat(c.lastContactAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(c.countedOrders()).containsEntry("1002", 2);
    }

    @Test
    void aLateDeliveredOlderOrderDoesNotMoveLastContactBack() {
        Instant later = T0.plus(Duration.ofDays(2));
        Customer c = CustomerHistory.withOrder(fresh(), order("1002", later, "10.00"), "USD", NOW);
        c = CustomerHistory.withOrder(c, order("1001", T0, "20.00"), "USD", NOW);
        assertThat(c.lastContactAt()).isEqualTo(later);
        assertThat(c.firstOrderAt()).isEqualTo(T0); // but it is the earlier first order
        assertThat(c.orderCount()).isEqualTo(2);
        assertThat(c.netSpend()).isEqualTo(new Money(3000, "USD"));
    }

    @Test
    void anOrderDoesNotMoveLastContactBackBehindASentEmail() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        Instant emailed = T0.plus(Duration.ofDays(3));
        c = CustomerHistory.withAffirmationSent(c, "1001", emailed);
        c = CustomerHistory.withOrder(c, order("1000", T0.minus(Duration.ofDays(1)), "10.00"), "USD", emailed);
        assertThat(c.lastContactAt()).isEqualTo(emailed);
    }

    @Test
    void unknownConsentKeepsWhatWeKnew() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "1.00", "USD", MarketingConsent.GRANTED), "USD", NOW);
        c = CustomerHistory.withOrder(c, order("1002", T0.plusSeconds(60), "1.00", "USD", MarketingConsent.UNKNOWN), "USD", NOW);
        assertThat(c.marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
        c = CustomerHistory.withOrder(c, order("1003", T0.plusSeconds(120), "1.00", "USD", MarketingConsent.DENIED), "USD", NOW);
        assertThat(c.marketingConsent()).isEqualTo(MarketingConsent.DENIED);
        c = CustomerHistory.withOrder(c, order("1004", T0.plusSeconds(180), "1.00", "USD", MarketingConsent.UNKNOWN), "USD", NOW);
        assertThat(c.marketingConsent()).isEqualTo(MarketingConsent.DENIED);
    }

    @Test
    void aRefundReducesNetSpend() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "59.90"), "USD", NOW);
        c = CustomerHistory.withRefund(c, Money.parse("19.95", "USD"));
        assertThat(c.netSpend()).isEqualTo(new Money(3995, "USD"));
        assertThat(c.orderCount()).isEqualTo(1);
    }

    @Test
    void aRefundNeverTakesNetSpendBelowZero() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        c = CustomerHistory.withRefund(c, Money.parse("25.00", "USD"));
        assertThat(c.netSpend()).isEqualTo(Money.zero("USD"));
    }

    @Test
    void aRefundInAnotherCurrencyChangesNothing() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        assertThat(CustomerHistory.withRefund(c, Money.parse("500", "JPY"))).isSameAs(c);
    }

    @Test
    void anOrderInAnotherCurrencyIsCountedButDoesNotChangeSpend() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        c = CustomerHistory.withOrder(c, order("1002", T0.plusSeconds(60), "1200", "JPY", MarketingConsent.GRANTED), "USD", NOW);
        assertThat(c.netSpend()).isEqualTo(new Money(1000, "USD"));
        assertThat(c.orderCount()).isEqualTo(2);
    }

    @Test
    void theAffirmationIsClaimedOnceAndCountsAsAContact() {
        Customer ordered = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        Instant sentAt = T0.plus(Duration.ofMinutes(1));
        Customer claimed = CustomerHistory.withAffirmationSent(ordered, "1001", sentAt);
        assertThat(claimed.affirmedOrders()).containsExactly("1001");
        assertThat(claimed.lastContactAt()).isEqualTo(sentAt);
        assertThat(claimed.version()).isEqualTo(ordered.version() + 1);
        Customer again = CustomerHistory.withAffirmationSent(claimed, "1001", sentAt.plusSeconds(30));
        assertThat(again).isSameAs(claimed);
    }

    @Test
    void aReleasedClaimCanBeClaimedAgain() {
        Customer claimed = CustomerHistory.withAffirmationSent(
                CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW), "1001", NOW);
        Customer released = CustomerHistory.withAffirmationReleased(claimed, "1001");
        assertThat(released.affirmedOrders()).doesNotContain("1001");
        Customer reclaimed = CustomerHistory.withAffirmationSent(released, "1001", NOW.plusSeconds(10));
        assertThat(reclaimed).isNotSameAs(released);
        assertThat(reclaimed.affirmedOrders()).containsExactly("1001");
    }

    @Test
    void releasingKeepsOtherClaims() {
        Customer c = CustomerHistory.withAffirmationSent(fresh(), "1001", NOW);
        c = CustomerHistory.withAffirmationSent(c, "1002", NOW);
        c = CustomerHistory.withAffirmationReleased(c, "1002");
        assertThat(c.affirmedOrders()).containsExactly("1001");
    }

    @Test
    void rememberedOrdersAreBoundedAndKeepTheNewest() {
        Customer c = fresh();
        for (int i = 1; i <= 40; i++) {
            c = CustomerHistory.withOrder(c, order("order-" + i, T0.plusSeconds(i), "1.00"), "USD", NOW);
        }
        assertThat(c.orderCount()).isEqualTo(40);
        assertThat(c.netSpend()).isEqualTo(new Money(4000, "USD"));
        assertThat(c.countedOrders()).hasSize(30);
        assertThat(c.countedOrders().keySet())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(11, 40).mapToObj(i -> "order-" + i).toList());
        assertThat(c.countedOrders()).containsEntry("order-40", 40).containsEntry("order-11", 11);
    }

    @Test
    void aRepeatOfARememberedOrderIsStillHarmlessAfterTrimming() {
        Customer c = fresh();
        Order recent = null;
        for (int i = 1; i <= 40; i++) {
            recent = order("order-" + i, T0.plusSeconds(i), "1.00");
            c = CustomerHistory.withOrder(c, recent, "USD", NOW);
        }
        assertThat(CustomerHistory.withOrder(c, recent, "USD", NOW)).isSameAs(c);
    }

    @Test
    void rememberedAffirmationsAreBoundedToo() {
        Customer c = fresh();
        for (int i = 1; i <= 40; i++) {
            c = CustomerHistory.withAffirmationSent(c, "order-" + i, T0.plusSeconds(i));
        }
        assertThat(c.affirmedOrders()).hasSize(30).startsWith("order-11").endsWith("order-40");
    }

    @Test
    void unsubscribingIsRecordedOnce() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        Customer unsubscribed = CustomerHistory.withUnsubscribe(c, NOW);
        assertThat(unsubscribed.unsubscribed()).isTrue();
        assertThat(unsubscribed.unsubscribedAt()).isEqualTo(NOW);
        assertThat(CustomerHistory.withUnsubscribe(unsubscribed, NOW.plusSeconds(60))).isSameAs(unsubscribed);
    }

    @Test
    void blankNamesAndLocaleOnALaterOrderDoNotEraseWhatWeKnew() {
        Customer c = CustomerHistory.withOrder(fresh(), order("1001", T0, "10.00"), "USD", NOW);
        Money m = Money.parse("1.00", "USD");
        Order anonymous = Orders.anOrder().shop(SHOP).orderId("1002").orderName("#1002").createdAt(T0.plusSeconds(60))
                .email(EMAIL).customerName(" ").currency("USD").total(m).build();
        c = CustomerHistory.withOrder(c, anonymous, "USD", NOW);
        assertThat(c.firstName()).isEqualTo("Jane");
        assertThat(c.name()).isEqualTo("Jane Doe");
        assertThat(c.locale()).isEqualTo("en");
    }
}
