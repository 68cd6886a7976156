package loyaltyloop.dynamodb;

import loyaltyloop.customers.Customers;
import loyaltyloop.testing.Concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@MotoTest
class DynamoCustomerStoreTest {

    private static String table;
    private static DynamoDbClient dynamo;
    private static DynamoCustomerStore store;
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @BeforeAll
    static void createTable() {
        table = TestAws.createTable();
        dynamo = TestAws.dynamo();
        store = new DynamoCustomerStore(dynamo, table);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static String shop() {
        return TestAws.unique("shop") + ".myshopify.com";
    }

    private static Customer customer(String shop, String email, long version) {
        return Customers.aCustomer().shop(shop).email(email).named("Jane", "Jane Doe")
                .firstOrderAt(Instant.parse("2025-03-01T10:15:30Z")).orderCount(2).netSpend(new Money(123456, "TWD"))
                .locale("zh-TW").lastContactAt(Instant.parse("2025-03-02T08:00:00Z"))
                .marketingConsent(MarketingConsent.GRANTED).referralCode("K7QX4MZP")
                .countedOrders(Map.of("820982911946154508", 1, "820982911946154999", 2))
                .affirmedOrders(List.of("820982911946154508")).lastActiveAt(Instant.parse("2025-03-02T00:00:00Z"))
                .version(version).build();
    }

    private static Customer withVersion(Customer c, long version, int orderCount) {
        return Customers.aCustomerLike(c).orderCount(orderCount).version(version).build();
    }

    @Test
    void aSavedCustomerIsFoundWithEveryField() {
        Customer jane = customer(shop(), "jane@example.com", 1);

        assertThat(store.saveIfUnchanged(jane)).isTrue();

        assertThat(store.find(jane.shop(), jane.email())).contains(jane);
    }

    @Test
    void aCustomerWithNothingOptionalRoundTrips() {
        Customer bare = Customers.aCustomer().shop(shop()).email("bare@example.com").netSpend(Money.zero("JPY"))
                .version(1).build();

        assertThat(store.saveIfUnchanged(bare)).isTrue();

        assertThat(store.find(bare.shop(), bare.email())).contains(bare);
    }

    @Test
    void anUnknownCustomerIsEmpty() {
        assertThat(store.find(shop(), "nobody@example.com")).isEmpty();
    }

    @Test
    void theFirstSaveAtVersionOneHappensOnlyOnce() {
        String shop = shop();
        assertThat(store.saveIfUnchanged(customer(shop, "jane@example.com", 1))).isTrue();

        Customer other = withVersion(customer(shop, "jane@example.com", 1), 1, 99);

        assertThat(store.saveIfUnchanged(other)).isFalse();
        assertThat(store.find(shop, "jane@example.com")).map(Customer::orderCount).contains(2);
    }

    @Test
    void aSaveMustFollowTheStoredVersion() {
        String shop = shop();
        Customer v1 = customer(shop, "jane@example.com", 1);
        store.saveIfUnchanged(v1);

        assertThat(store.saveIfUnchanged(withVersion(v1, 3, 5))).as("skips version 2").isFalse();
        assertThat(store.saveIfUnchanged(withVersion(v1, 2, 3))).isTrue();
        assertThat(store.saveIfUnchanged(withVersion(v1, 2, 4))).as("stale writer at version 2").isFalse();
        assertThat(store.find(shop, "jane@example.com")).map(Customer::orderCount).contains(3);
        assertThat(store.find(shop, "jane@example.com")).map(Customer::version).contains(2L);
    }

    @Test
    void aSaveAboveVersionOneNeedsAStoredCustomer() {
        assertThat(store.saveIfUnchanged(customer(shop(), "ghost@example.com", 2))).isFalse();
    }

    @Test
    void concurrentFirstSavesLetExactlyOneWin() throws Exception {
        String shop = shop();

        List<Boolean> saved = Concurrently.run(8, () -> store.saveIfUnchanged(customer(shop, "jane@example.com", 1)));

        assertThat(saved).containsOnlyOnce(true);
    }

    @Test
    void concurrentWritersAtTheSameVersionLetExactlyOneWin() throws Exception {
        String shop = shop();
        Customer v1 = customer(shop, "jane@example.com", 1);
        store.saveIfUnchanged(v1);
        AtomicInteger writer = new AtomicInteger(10);

        List<Boolean> saved = Concurrently.run(8, () -> store.saveIfUnchanged(withVersion(v1, 2, writer.incrementAndGet())));

        assertThat(saved).containsOnlyOnce(true);
        assertThat(store.find(shop, "jane@example.com")).map(Customer::version).contains(2L);
    }

    @Test
    void customersOfDifferentShopsAreApart() {
        Customer a = customer(shop(), "jane@example.com", 1);
        Customer b = withVersion(customer(shop(), "jane@example.com", 1), 1, 7);

        assertThat(store.saveIfUnchanged(a)).isTrue();
        assertThat(store.saveIfUnchanged(b)).isTrue();
        assertThat(store.find(a.shop(), a.email())).map(Customer::orderCount).contains(2);
        assertThat(store.find(b.shop(), b.email())).map(Customer::orderCount).contains(7);
    }

    // --- referral codes ---

    @Test
    void aReferralCodeIsClaimedOnlyOnceInAShop() {
        String shop = shop();

        assertThat(store.claimReferralCode(shop, "K7QX4MZP", "jane@example.com", AT)).isTrue();
        assertThat(store.claimReferralCode(shop, "K7QX4MZP", "john@example.com", AT)).isFalse();
        assertThat(store.claimReferralCode(shop, "K7QX4MZP", "jane@example.com", AT)).isFalse();
        assertThat(store.findEmailByReferralCode(shop, "K7QX4MZP")).contains("jane@example.com");
    }

    @Test
    void theSameCodeMayBeUsedInAnotherShop() {
        assertThat(store.claimReferralCode(shop(), "ABCDEFGH", "a@example.com", AT)).isTrue();
        assertThat(store.claimReferralCode(shop(), "ABCDEFGH", "b@example.com", AT)).isTrue();
    }

    @Test
    void concurrentClaimsOfOneCodeLetExactlyOneWin() throws Exception {
        String shop = shop();
        AtomicInteger n = new AtomicInteger();

        List<Boolean> claimed = Concurrently.run(8, () -> store.claimReferralCode(shop, "RACE2345",
                "c" + n.incrementAndGet() + "@example.com", AT));

        assertThat(claimed).containsOnlyOnce(true);
    }

    @Test
    void anUnknownReferralCodeFindsNobody() {
        assertThat(store.findEmailByReferralCode(shop(), "ZZZZZZZZ")).isEmpty();
    }
}
