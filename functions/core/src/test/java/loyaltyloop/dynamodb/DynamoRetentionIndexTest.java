package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.Customers;
import loyaltyloop.orders.Orders;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.Platform;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the retention run finds a customer (docs/privacy.md): the entry on their referral code's item, written with
 * the code on their first order, and the activity day on their profile.
 */
@MotoTest
class DynamoRetentionIndexTest {

    private static final Instant FIRST_ORDER = Instant.parse("2023-01-10T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoCustomerStore customers;
    private static DynamoPersonalData personal;
    private static TestClock clock;

    @BeforeAll
    static void createTable() {
        table = TestAws.createTable();
        dynamo = TestAws.dynamo();
        clock = new TestClock(NOW);
        customers = new DynamoCustomerStore(dynamo, table);
        personal = new DynamoPersonalData(dynamo, table, clock, 500);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static String shop() {
        return TestAws.unique("shop") + ".myshopify.com";
    }

    @Test
    void aNewCustomerIsFoundFromTheirFirstOrderAndTheirLastActivityIsOnTheProfile() {
        String shop = shop();
        assertThat(customers.claimReferralCode(shop, "RETAIN01", "ann@example.com", FIRST_ORDER)).isTrue();
        customers.saveIfUnchanged(Customers.aCustomer().shop(shop).email("ann@example.com").referralCode("RETAIN01")
                .firstOrderAt(FIRST_ORDER).lastActiveAt(Instant.parse("2025-06-01T00:00:00Z")).version(1).build());

        assertThat(personal.dueForRetention(shop, FIRST_ORDER, 10)).isEmpty();
        assertThat(personal.dueForRetention(shop, FIRST_ORDER.plusSeconds(1), 10)).containsExactly("ann@example.com");
        assertThat(personal.lastActivity(shop, "ann@example.com")).contains(Instant.parse("2025-06-01T00:00:00Z"));
    }

    @Test
    void strippingMovesTheEntryOnToTheLastActivity() {
        String shop = shop();
        customers.claimReferralCode(shop, "RETAIN02", "bo@example.com", FIRST_ORDER);
        customers.saveIfUnchanged(Customers.aCustomer().shop(shop).email("bo@example.com").referralCode("RETAIN02")
                .firstOrderAt(FIRST_ORDER).lastActiveAt(Instant.parse("2025-06-01T00:00:00Z")).version(1).build());

        personal.stripOrdersPlacedBefore(shop, "bo@example.com", Instant.parse("2023-03-01T00:00:00Z"), "erased:x");

        assertThat(personal.dueForRetention(shop, Instant.parse("2025-06-01T00:00:00Z"), 10)).isEmpty();
        assertThat(personal.dueForRetention(shop, Instant.parse("2025-06-01T00:00:01Z"), 10))
                .containsExactly("bo@example.com");
    }

    @Test
    void aCodeThatIsNotItsCustomersCodeIsDeletedAndFindsNoOne() {
        String shop = shop();
        // A first order that lost the race to create the customer claimed a code nobody uses.
        customers.claimReferralCode(shop, "STRAY001", "cy@example.com", FIRST_ORDER);
        customers.claimReferralCode(shop, "RETAIN03", "cy@example.com", FIRST_ORDER);
        customers.saveIfUnchanged(Customers.aCustomer().shop(shop).email("cy@example.com").referralCode("RETAIN03")
                .firstOrderAt(FIRST_ORDER).lastActiveAt(FIRST_ORDER).version(1).build());

        assertThat(personal.dueForRetention(shop, NOW, 10)).containsExactly("cy@example.com");
        assertThat(customers.findEmailByReferralCode(shop, "STRAY001")).isEmpty();
        assertThat(customers.findEmailByReferralCode(shop, "RETAIN03")).contains("cy@example.com");
    }

    @Test
    void aCustomerStoredBeforeActivityWasKeptIsFoundAfterTheirNextOrder() {
        String shop = shop();
        Shop theShop = new Shop(shop, Platform.SHOPIFY, "https://" + shop, "hello@" + shop, "Demo Shop",
                "owner@" + shop, "en", "USD", "/loyalty-loop/test/shops/" + shop + "/webhook-secret");
        // As stored before: a code item without an index entry, a profile without an activity day.
        Map<String, AttributeValue> code = new HashMap<>(TableKeys.referralCode(shop, "OLDCODE1"));
        code.put("email", AttributeValue.fromS("dee@example.com"));
        dynamo.putItem(b -> b.tableName(table).item(code));
        customers.saveIfUnchanged(Customers.aCustomer().shop(shop).email("dee@example.com").referralCode("OLDCODE1")
                .firstOrderAt(FIRST_ORDER).orderCount(1).countedOrders(Map.of("1", 1)).version(1).build());
        assertThat(personal.dueForRetention(shop, NOW, 10)).isEmpty();

        new CustomerAccounts(customers, clock).recordOrder(theShop, Orders.anOrder().shop(shop).orderId("2")
                .email("dee@example.com").createdAt(NOW).total(new loyaltyloop.orders.Money(1000, "USD")).build());

        Customer dee = customers.find(shop, "dee@example.com").orElseThrow();
        assertThat(dee.lastActiveAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        // From their first order, the oldest that may still hold their personal fields.
        assertThat(personal.dueForRetention(shop, FIRST_ORDER.plusSeconds(1), 10)).containsExactly("dee@example.com");
        assertThat(List.of(personal.lastActivity(shop, "dee@example.com").orElseThrow()))
                .containsExactly(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
