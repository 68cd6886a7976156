package loyaltyloop.dynamodb;

import loyaltyloop.orders.Orders;
import loyaltyloop.testing.Concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.orders.DeliveryRecord;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@MotoTest
class DynamoOrderStoreTest {

    private static final Instant STORED_AT = Instant.parse("2025-03-01T10:15:31.123Z");

    private static String table;
    private static DynamoDbClient dynamo;
    private static DynamoOrderStore store;

    @BeforeAll
    static void createTable() {
        table = TestAws.createTable();
        dynamo = TestAws.dynamo();
        store = new DynamoOrderStore(dynamo, table);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static String shop() {
        return TestAws.unique("shop") + ".myshopify.com";
    }

    static Order order(String shop, String orderId, Money total) {
        LineItem item = new LineItem("Oolong <script>alert(1)</script> 烏龍茶", 2,
                new Money(total.minor() / 2, total.currency()), "7513594");
        return Orders.anOrder().shop(shop).orderId(orderId).orderName("#1001")
                .createdAt(Instant.parse("2025-03-01T10:15:30Z")).email("jane@example.com").customer("Jane Doe", "Jane")
                .customerId("115310627314723954").locale("zh-TW").total(total).lineItems(item)
                .discountCodes(List.of("WELCOME10")).attributes(Map.of("gift_note", "生日快樂"))
                .landingSite("/?ref=newsletter").marketingConsent(MarketingConsent.GRANTED).build();
    }

    private static StoredOrder stored(String shop, String orderId) {
        return new StoredOrder(order(shop, orderId, new Money(11980, "USD")), OrderStatus.PLACED, "delivery-1",
                STORED_AT);
    }

    // --- orders ---

    @Test
    void aCreatedOrderIsFoundWithItsStatusDeliveryAndTime() {
        String shop = shop();
        StoredOrder order = stored(shop, "5001");

        assertThat(store.createOrder(order)).isTrue();

        assertThat(store.findOrder(shop, "5001")).contains(order);
    }

    @Test
    void anUnknownOrderIsEmpty() {
        assertThat(store.findOrder(shop(), "404")).isEmpty();
    }

    @Test
    void secondCreateOfTheSameOrderIsRefused() {
        String shop = shop();
        assertThat(store.createOrder(stored(shop, "5002"))).isTrue();

        StoredOrder again = new StoredOrder(order(shop, "5002", new Money(1, "USD")), OrderStatus.PLACED,
                "delivery-2", STORED_AT.plusSeconds(60));

        assertThat(store.createOrder(again)).isFalse();
        assertThat(store.findOrder(shop, "5002")).map(StoredOrder::createdByDelivery).contains("delivery-1");
    }

    @Test
    void creatingAStoredOrderHandsBackTheStoredOneWithoutChangingIt() {
        String shop = shop();
        StoredOrder first = stored(shop, "5011");
        assertThat(store.create(first)).isEqualTo(new OrderStore.OrderCreation(null, false));

        OrderStore.OrderCreation again = store.create(new StoredOrder(order(shop, "5011", new Money(1, "USD")),
                OrderStatus.CANCELLED, "delivery-2", STORED_AT.plusSeconds(60)));

        assertThat(again.created()).isFalse();
        assertThat(again.existing()).isEqualTo(first);
        assertThat(store.findOrder(shop, "5011")).contains(first);
    }

    @Test
    void refundsWaitingForAnOrderAreReportedByTheWriteThatStoresItAndHideNothingBeforeIt() {
        String shop = shop();
        assertThat(store.recordEarlyRefund(shop, "5012", "r-1", new Money(500, "USD"), STORED_AT)).isTrue();
        assertThat(store.markRefundsWaiting(shop, "5012")).isTrue();
        assertThat(store.markRefundsWaiting(shop, "5012")).isTrue();

        // Only the mark is there: no order to find, cancel or replace.
        assertThat(store.findOrder(shop, "5012")).isEmpty();
        assertThat(store.findOrderToShow(shop, "5012")).isEmpty();
        assertThat(store.markCancelled(shop, "5012")).isFalse();
        assertThat(store.replaceIfNewer(order(shop, "5012", new Money(1, "USD")))).isFalse();
        assertThat(store.findOrder(shop, "5012")).isEmpty();

        StoredOrder order = stored(shop, "5012");
        assertThat(store.create(order)).isEqualTo(new OrderStore.OrderCreation(null, true));
        assertThat(store.findOrder(shop, "5012")).contains(order);
        assertThat(store.earlyRefunds(shop, "5012")).containsExactly(
                new OrderStore.EarlyRefund("r-1", new Money(500, "USD")));
        // Once the order is stored nothing will look for a later mark: the caller is told to apply the refund itself.
        assertThat(store.markRefundsWaiting(shop, "5012")).isFalse();
        assertThat(store.findOrder(shop, "5012")).contains(order);
    }

    @Test
    void anOrderStoredWithoutRefundsWaitingSaysSo() {
        assertThat(store.create(stored(shop(), "5013"))).isEqualTo(new OrderStore.OrderCreation(null, false));
    }

    @Test
    void theSameOrderIdInAnotherShopIsAnotherOrder() {
        assertThat(store.createOrder(stored(shop(), "5003"))).isTrue();
        assertThat(store.createOrder(stored(shop(), "5003"))).isTrue();
    }

    @Test
    void eightConcurrentCreatesOfOneOrderLetExactlyOneWin() throws Exception {
        String shop = shop();

        List<Boolean> created = Concurrently.run(8, () -> store.createOrder(stored(shop, "5004")));

        assertThat(created).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void anOrderIdAbove2To53RoundTripsExactly() {
        String shop = shop();
        String id = "820982911946154508"; // above 2^53 = 9007199254740992: a double would change its last digits
        assertThat(Long.parseLong(id)).isGreaterThan(1L << 53);
        assertThat((long) (double) Long.parseLong(id)).isNotEqualTo(Long.parseLong(id));

        store.createOrder(stored(shop, id));

        Order found = store.findOrder(shop, id).orElseThrow().order();
        assertThat(found.orderId()).isEqualTo(id);
        assertThat(found.customerId()).isEqualTo("115310627314723954");
        assertThat(store.findOrder(shop, "820982911946154500")).isEmpty();
    }

    @Test
    void moneyInJpyTwdAndUsdIsKeptExactly() {
        String shop = shop();
        for (Money total : List.of(Money.parse("1280", "JPY"), Money.parse("1280.50", "TWD"),
                Money.parse("0.30", "USD"))) {
            String id = "money-" + total.currency();
            store.createOrder(new StoredOrder(order(shop, id, total), OrderStatus.PLACED, "d", STORED_AT));

            Order found = store.findOrder(shop, id).orElseThrow().order();
            assertThat(found.total()).isEqualTo(total);
            assertThat(found.lineItems().get(0).price().currency()).isEqualTo(total.currency());
        }
    }

    // --- takeover after a crash ---

    @Test
    void publishingIsTakenOverOnlyOnceForTheTimeSeen() {
        String shop = shop();
        store.createOrder(stored(shop, "6001"));
        Instant now = STORED_AT.plus(Duration.ofMinutes(5));

        assertThat(store.takeOverPublishing(shop, "6001", STORED_AT, now)).isTrue();
        assertThat(store.takeOverPublishing(shop, "6001", STORED_AT, now.plusSeconds(1))).isFalse();
        assertThat(store.findOrder(shop, "6001")).map(StoredOrder::storedAt).contains(now);
    }

    @Test
    void eightConcurrentTakeoversLetExactlyOneWin() throws Exception {
        String shop = shop();
        store.createOrder(stored(shop, "6002"));

        List<Boolean> won = Concurrently.run(8, () -> store.takeOverPublishing(shop, "6002", STORED_AT,
                Instant.now()));

        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void aTakeoverOfAMissingOrderFailsAndCreatesNothing() {
        String shop = shop();

        assertThat(store.takeOverPublishing(shop, "6003", STORED_AT, STORED_AT.plusSeconds(300))).isFalse();
        assertThat(store.findOrder(shop, "6003")).isEmpty();
    }

    // --- cancellation and refunds ---

    @Test
    void anOrderIsMarkedCancelledOnce() {
        String shop = shop();
        store.createOrder(stored(shop, "7001"));

        assertThat(store.markCancelled(shop, "7001")).isTrue();
        assertThat(store.markCancelled(shop, "7001")).isFalse();
        assertThat(store.findOrder(shop, "7001")).map(StoredOrder::status).contains(OrderStatus.CANCELLED);
    }

    @Test
    void cancellingAnUnknownOrderChangesNothing() {
        String shop = shop();

        assertThat(store.markCancelled(shop, "7002")).isFalse();
        assertThat(store.findOrder(shop, "7002")).isEmpty();
    }

    @Test
    void eachRefundIsRecordedOnce() {
        String shop = shop();
        store.createOrder(stored(shop, "7003"));
        Money amount = Money.parse("19.95", "USD");
        Instant at = STORED_AT.plusSeconds(3600);

        assertThat(store.recordRefund(shop, "7003", "r-1", amount, at)).isTrue();
        assertThat(store.recordRefund(shop, "7003", "r-1", amount, at)).isFalse();
        assertThat(store.recordRefund(shop, "7003", "r-2", amount, at)).isTrue();

        Map<String, AttributeValue> refund = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(TableKeys.refund(shop, "7003", "r-1"))).item();
        assertThat(refund).containsEntry("amountMinor", AttributeValue.fromN("1995"))
                .containsEntry("currency", AttributeValue.fromS("USD"));
        // The refund items share the order's partition but are not the order.
        assertThat(store.findOrder(shop, "7003")).map(StoredOrder::status).contains(OrderStatus.PLACED);
    }

    @Test
    void concurrentDeliveriesOfOneRefundRecordItOnce() throws Exception {
        String shop = shop();
        store.createOrder(stored(shop, "7004"));

        List<Boolean> recorded = Concurrently.run(8, () -> store.recordRefund(shop, "7004", "r-1",
                Money.parse("5", "USD"), STORED_AT));

        assertThat(recorded).containsOnlyOnce(true);
    }

    // --- deliveries ---

    @Test
    void aRecordedDeliveryIsFoundAndExpiresWithATtl() {
        String shop = shop();
        DeliveryRecord record = new DeliveryRecord(shop, "b0c1d2e3-webhook", "orders/create", "8001", "accepted",
                null, STORED_AT);
        Instant expiresAt = STORED_AT.plus(Duration.ofDays(8));

        store.recordDelivery(record, expiresAt);

        assertThat(store.findDelivery(shop, "b0c1d2e3-webhook")).contains(record);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(TableKeys.delivery(shop, "b0c1d2e3-webhook"))).item();
        assertThat(item).containsEntry("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    }

    @Test
    void anIgnoredDeliveryKeepsItsReason() {
        String shop = shop();
        DeliveryRecord record = new DeliveryRecord(shop, "d-ignored", "orders/create", null, "ignored",
                "test order", STORED_AT);

        store.recordDelivery(record, STORED_AT.plus(Duration.ofDays(7)));

        assertThat(store.findDelivery(shop, "d-ignored")).contains(record);
    }

    @Test
    void anUnknownDeliveryIsEmpty() {
        assertThat(store.findDelivery(shop(), "never-seen")).isEmpty();
    }
}
