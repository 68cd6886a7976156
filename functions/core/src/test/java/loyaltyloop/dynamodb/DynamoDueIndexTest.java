package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.Customers;
import loyaltyloop.followup.DueCustomers;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The due index on the moto server: walking it page by page, its soonest, its count; one Query per page. */
@MotoTest
class DynamoDueIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:30:00Z");

    private static CapacityCountingDynamoDbClient dynamo;
    private static DynamoCustomerStore customers;
    private static DynamoDueIndex index;

    private String shop;
    /** The customers due before NOW, by due time. */
    private final Map<String, Instant> due = new LinkedHashMap<>();

    @BeforeAll
    static void createTable() {
        String table = TestAws.createTable();
        dynamo = new CapacityCountingDynamoDbClient(TestAws.dynamo());
        customers = new DynamoCustomerStore(dynamo, table);
        index = new DynamoDueIndex(dynamo, table);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    /** 40 customers due at distinct times before NOW, over every shard, and 10 due after it. */
    @BeforeEach
    void schedule() {
        shop = TestAws.unique("due") + ".myshopify.com";
        for (int i = 0; i < 50; i++) {
            String email = "customer" + i + "@example.com";
            Instant dueAt = NOW.minus(Duration.ofMinutes(40 - i));
            if (i < 40) {
                due.put(email, dueAt);
            }
            Customer c = Customers.aCustomer().shop(shop).email(email).firstName("Cas").firstOrderAt(NOW).orderCount(1)
                    .netSpend(new Money(2_000, "USD")).locale("en").lastContactAt(NOW)
                    .marketingConsent(MarketingConsent.GRANTED).build();
            assertThat(customers.saveIfUnchanged(c.withFollowUp(new FollowUpState(dueAt, null, null, null, null, 0),
                    NOW))).isTrue();
        }
        dynamo.reset();
    }

    private long queries() {
        return dynamo.charges().stream().filter(c -> c.operation().equals("Query DueIndex")).count();
    }

    @Test
    void walkingEveryPageFindsEachDueCustomerOnceWithOneQueryPerPage() {
        List<String> found = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            DueCustomers.Page page = index.due(shop, NOW, cursor, 3);
            assertThat(page.emails()).hasSizeLessThanOrEqualTo(3);
            found.addAll(page.emails());
            pages++;
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(due.keySet());
        assertThat(queries()).isEqualTo(pages);
        // Every shard at least once, and more pages where a shard holds more than a page.
        assertThat(pages).isGreaterThanOrEqualTo(TableKeys.DUE_SHARDS);
    }

    @Test
    void thePartWalksTogetherFindEachDueCustomerOnceAndEachStaysInItsPart() {
        List<String> walks = index.partWalks(shop);
        List<String> found = new ArrayList<>();
        for (String walk : walks) {
            String cursor = walk;
            int pages = 0;
            while (cursor != null) {
                DueCustomers.Page page = index.due(shop, NOW, cursor, 2);
                found.addAll(page.emails());
                cursor = page.nextCursor();
                pages++;
            }
            // One shard's entries, two a page: never the whole index's 16 shards.
            assertThat(pages).isLessThanOrEqualTo(40 / 2 + 1);
        }

        assertThat(walks).hasSize(TableKeys.DUE_SHARDS).doesNotHaveDuplicates();
        assertThat(found).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(due.keySet());
    }

    @Test
    void aCursorThatIsNoneOfTheIndexIsRefused() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("99\n0\n1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.due(shop, NOW, forged, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWalkStoppedBetweenPagesCarriesOnFromItsCursor() {
        DueCustomers.Page first = index.due(shop, NOW, null, 2);
        List<String> rest = new ArrayList<>();
        String cursor = first.nextCursor();
        while (cursor != null) {
            DueCustomers.Page page = index.due(shop, NOW, cursor, 100);
            rest.addAll(page.emails());
            cursor = page.nextCursor();
        }

        assertThat(rest).doesNotContainAnyElementsOf(first.emails());
        assertThat(first.emails().size() + rest.size()).isEqualTo(due.size());
    }

    @Test
    void theSoonestDueComeEarliestFirst() {
        List<String> byDueTime = due.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).toList();

        assertThat(index.dueSoonest(shop, NOW, 400)).containsExactlyElementsOf(byDueTime);
        assertThat(queries()).isEqualTo(TableKeys.DUE_SHARDS);

        List<String> five = index.dueSoonest(shop, NOW, 5);
        assertThat(five).hasSize(5).isSortedAccordingTo(Comparator.comparing(due::get));
        assertThat(five).allMatch(due::containsKey);
    }

    @Test
    void theCountIsEveryCustomerDueBeforeTheTime() {
        assertThat(index.count(shop, NOW)).isEqualTo(40);
        assertThat(index.count(shop, NOW.plus(Duration.ofHours(1)))).isEqualTo(50);
        assertThat(index.count(shop, NOW.minus(Duration.ofDays(1)))).isZero();
    }
}
