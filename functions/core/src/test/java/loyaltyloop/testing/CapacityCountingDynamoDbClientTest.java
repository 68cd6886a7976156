package loyaltyloop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The capacity counter's size and rounding rules, on real writes against the moto server. */
@MotoTest
class CapacityCountingDynamoDbClientTest {

    private static String table;
    private static CapacityCountingDynamoDbClient dynamo;

    @BeforeAll
    static void createTable() {
        table = TestAws.createTable();
        dynamo = new CapacityCountingDynamoDbClient(TestAws.dynamo());
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @BeforeEach
    void startCountingAfresh() {
        dynamo.reset();
    }

    /** An item of exactly {@code bytes} bytes: PK, SK and a padding attribute {@code data}. */
    private static Map<String, AttributeValue> item(String pk, int bytes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(pk));
        item.put("SK", AttributeValue.fromS("ITEM"));
        long rest = CapacityCountingDynamoDbClient.itemSize(item) + "data".length();
        item.put("data", AttributeValue.fromS("x".repeat((int) (bytes - rest))));
        assertThat(CapacityCountingDynamoDbClient.itemSize(item)).isEqualTo(bytes);
        return item;
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("ITEM"));
    }

    private static String pk() {
        return TestAws.unique("PK");
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    // --- sizes ---

    @Test
    void numbersTakeOneBytePerPairOfSignificantDigitsPlusOne() {
        assertThat(CapacityCountingDynamoDbClient.numberSize("0")).isEqualTo(1);
        assertThat(CapacityCountingDynamoDbClient.numberSize("7")).isEqualTo(2);
        assertThat(CapacityCountingDynamoDbClient.numberSize("42")).isEqualTo(2);
        assertThat(CapacityCountingDynamoDbClient.numberSize("123")).isEqualTo(3);
        assertThat(CapacityCountingDynamoDbClient.numberSize("1000000")).isEqualTo(2);
        assertThat(CapacityCountingDynamoDbClient.numberSize("-7")).isEqualTo(3);
        assertThat(CapacityCountingDynamoDbClient.numberSize("1.5")).isEqualTo(3);
        assertThat(CapacityCountingDynamoDbClient.numberSize("820982911946154508")).isEqualTo(10);
        assertThat(CapacityCountingDynamoDbClient.numberSize("1" + "3".repeat(37))).isEqualTo(20);
    }

    @Test
    void itemSizeCountsNamesValuesAndDocumentOverheads() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("abc"));                               // 2 + 3
        item.put("n", AttributeValue.fromN("12"));                                 // 1 + 2
        item.put("b", AttributeValue.fromBool(true));                              // 1 + 1
        item.put("z", AttributeValue.fromNul(true));                               // 1 + 1
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"),     // 1 + 3 + (1+1) + (1+2)
                AttributeValue.fromN("1"))));
        item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))); // 1 + 3 + (1+1+1)
        item.put("ss", AttributeValue.fromSs(List.of("ab", "cde")));               // 2 + 5
        item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))); // 3 + 10

        assertThat(CapacityCountingDynamoDbClient.itemSize(item)).isEqualTo(5 + 3 + 2 + 2 + 9 + 7 + 7 + 13);
    }

    @Test
    void stringsAreMeasuredInUtf8Bytes() {
        assertThat(CapacityCountingDynamoDbClient.valueSize(AttributeValue.fromS("é"))).isEqualTo(2);
        assertThat(CapacityCountingDynamoDbClient.valueSize(AttributeValue.fromS("感謝"))).isEqualTo(6);
        assertThat(CapacityCountingDynamoDbClient.valueSize(AttributeValue.fromS("🎉"))).isEqualTo(4);
        assertThat(CapacityCountingDynamoDbClient.itemSize(Map.of("名", AttributeValue.fromS("a")))).isEqualTo(4);
    }

    // --- writes ---

    @Test
    void aPutOfA1500ByteItemCostsTwoWriteUnits() {
        put(item(pk(), 1500));

        assertThat(dynamo.wcu()).isEqualTo(2.0);
        assertThat(dynamo.wcuByOperation()).containsExactly(Map.entry("PutItem", 2.0));
    }

    @Test
    void writeUnitsAreWholeKilobytes() {
        put(item(pk(), 1024));
        assertThat(dynamo.wcu()).isEqualTo(1.0);
        put(item(pk(), 1025));
        assertThat(dynamo.wcu()).isEqualTo(3.0);
        put(item(pk(), 60));
        assertThat(dynamo.wcu()).isEqualTo(4.0);
    }

    @Test
    void aPutThatReplacesALargerItemIsChargedForTheLargerOne() {
        String pk = pk();
        put(item(pk, 2500));
        dynamo.reset();

        put(item(pk, 100));

        assertThat(dynamo.wcu()).isEqualTo(3.0);
    }

    @Test
    void aConditionalPutThatFailsStillCostsWriteUnits() {
        String pk = pk();
        put(item(pk, 500));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item(pk, 1500))
                .conditionExpression("attribute_not_exists(PK)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(dynamo.wcu()).isEqualTo(1.0 + 2.0);
        assertThat(dynamo.charges()).last().extracting(CapacityCountingDynamoDbClient.Charge::outcome)
                .isEqualTo("condition-failed");
    }

    @Test
    void anUpdateOfA3KilobyteItemCostsThreeWriteUnits() {
        String pk = pk();
        put(item(pk, 3000));
        dynamo.reset();

        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("SET flag = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));

        assertThat(dynamo.wcu()).isEqualTo(3.0);
        assertThat(dynamo.wcuByOperation()).containsExactly(Map.entry("UpdateItem", 3.0));
    }

    @Test
    void anUpdateIsChargedForTheLargerOfTheItemBeforeAndAfter() {
        String pk = pk();
        put(item(pk, 900));
        dynamo.reset();

        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("SET more = :more")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromS("y".repeat(300)))));

        assertThat(dynamo.wcu()).isEqualTo(2.0);
    }

    @Test
    void aConditionalUpdateThatFailsIsChargedForTheStoredItem() {
        String pk = pk();
        put(item(pk, 2100));
        dynamo.reset();

        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key(pk))
                .updateExpression("SET flag = :t").conditionExpression("attribute_not_exists(PK)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(dynamo.wcu()).isEqualTo(3.0);
    }

    @Test
    void aDeleteIsChargedForTheDeletedItemAndAtLeastOneUnit() {
        String pk = pk();
        put(item(pk, 2500));
        dynamo.reset();

        dynamo.deleteItem(b -> b.tableName(table).key(key(pk)));
        assertThat(dynamo.wcu()).isEqualTo(3.0);

        dynamo.deleteItem(b -> b.tableName(table).key(key(pk)));
        assertThat(dynamo.wcu()).isEqualTo(4.0);
    }

    @Test
    void aTransactionCostsTwiceEachWrite() {
        String updated = pk();
        String checked = pk();
        put(item(updated, 500));
        put(item(checked, 200));
        dynamo.reset();

        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(pk(), 1500)).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(updated))
                        .updateExpression("SET flag = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key(checked))
                        .conditionExpression("attribute_exists(PK)").build()).build()));

        assertThat(dynamo.wcu()).isEqualTo(2 * 2.0 + 2 * 1.0 + 2 * 1.0);
        assertThat(dynamo.wcuByOperation()).containsExactly(Map.entry("TransactWriteItems", 8.0));
    }

    @Test
    void aCancelledTransactionIsChargedAsAttempted() {
        String existing = pk();
        put(item(existing, 300));
        dynamo.reset();

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(existing, 300))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(pk(), 300)).build()).build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(dynamo.wcu()).isEqualTo(4.0);
        assertThat(dynamo.charges()).extracting(CapacityCountingDynamoDbClient.Charge::outcome)
                .containsOnly("cancelled");
    }

    @Test
    void aBatchWriteChargesEachItemOnItsOwn() {
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(item(pk(), 1500)).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(item(pk(), 300)).build()).build()))));

        assertThat(dynamo.wcu()).isEqualTo(3.0);
    }

    // --- index writes ---

    private static Map<String, AttributeValue> due(String pk, String dueAt) {
        Map<String, AttributeValue> item = new HashMap<>(item(pk, 400));
        item.put("duePk", AttributeValue.fromS("DUE#shop"));
        item.put("dueAt", AttributeValue.fromS(dueAt));
        return item;
    }

    @Test
    void anItemWithTheIndexKeysAlsoWritesTheIndexEntry() {
        put(due(pk(), "2025-01-01T00:00:00Z"));

        assertThat(dynamo.wcuByOperation()).containsExactly(
                Map.entry("PutItem", 1.0), Map.entry("PutItem DueIndex", 1.0));
        assertThat(dynamo.wcu()).isEqualTo(2.0);
    }

    @Test
    void theIndexEntryIsTheKeysPlusOneHundredBytes() {
        String pk = pk();
        put(due(pk, "2025-01-01T00:00:00Z"));

        long entry = CapacityCountingDynamoDbClient.itemSize(Map.of(
                "PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("ITEM"),
                "duePk", AttributeValue.fromS("DUE#shop"), "dueAt", AttributeValue.fromS("2025-01-01T00:00:00Z")));
        assertThat(dynamo.charges()).filteredOn(c -> "DueIndex".equals(c.index()))
                .singleElement().extracting(CapacityCountingDynamoDbClient.Charge::bytes).isEqualTo(entry + 100);
    }

    @Test
    void movingAnItemInTheIndexDeletesTheOldEntryAndWritesTheNewOne() {
        String pk = pk();
        put(due(pk, "2025-01-01T00:00:00Z"));
        dynamo.reset();

        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("SET dueAt = :later")
                .expressionAttributeValues(Map.of(":later", AttributeValue.fromS("2025-02-15T00:00:00Z"))));

        assertThat(dynamo.wcuByOperation()).containsExactly(
                Map.entry("UpdateItem", 1.0), Map.entry("UpdateItem DueIndex", 2.0));
    }

    @Test
    void removingTheIndexKeysDeletesTheEntry() {
        String pk = pk();
        put(due(pk, "2025-01-01T00:00:00Z"));
        dynamo.reset();

        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("REMOVE duePk, dueAt"));

        assertThat(dynamo.wcuByOperation()).containsExactly(
                Map.entry("UpdateItem", 1.0), Map.entry("UpdateItem DueIndex", 1.0));
    }

    @Test
    void changingAnAttributeTheKeysOnlyIndexDoesNotHoldWritesNoIndexEntry() {
        String pk = pk();
        put(due(pk, "2025-01-01T00:00:00Z"));
        dynamo.reset();

        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("SET flag = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));

        assertThat(dynamo.wcuByOperation()).containsExactly(Map.entry("UpdateItem", 1.0));
    }

    @Test
    void aFailedConditionalWriteWritesNoIndexEntry() {
        String pk = pk();
        put(due(pk, "2025-01-01T00:00:00Z"));
        dynamo.reset();

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(due(pk, "2025-03-01T00:00:00Z"))
                .conditionExpression("attribute_not_exists(PK)")))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(dynamo.wcuByOperation()).containsExactly(Map.entry("PutItem", 1.0));
    }

    // --- reads ---

    @Test
    void anEventuallyConsistentGetCostsHalfAStronglyConsistentOne() {
        String pk = pk();
        put(item(pk, 5000));
        dynamo.reset();

        dynamo.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true));
        assertThat(dynamo.rcu()).isEqualTo(2.0);

        dynamo.getItem(b -> b.tableName(table).key(key(pk)));
        assertThat(dynamo.rcu()).isEqualTo(3.0);
        assertThat(dynamo.wcu()).isZero();
    }

    @Test
    void readingAMissingItemStillCostsTheMinimum() {
        dynamo.getItem(b -> b.tableName(table).key(key(pk())));
        assertThat(dynamo.rcu()).isEqualTo(0.5);

        dynamo.getItem(b -> b.tableName(table).key(key(pk())).consistentRead(true));
        assertThat(dynamo.rcu()).isEqualTo(1.5);
    }

    @Test
    void aProjectionDoesNotMakeAGetCheaper() {
        String pk = pk();
        put(item(pk, 5000));
        dynamo.reset();

        dynamo.getItem(b -> b.tableName(table).key(key(pk)).projectionExpression("SK").consistentRead(true));

        assertThat(dynamo.rcu()).isEqualTo(2.0);
    }

    @Test
    void theCountersOwnReadsAreNotCharged() {
        String pk = pk();
        put(item(pk, 500));
        dynamo.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression("SET flag = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
        dynamo.deleteItem(b -> b.tableName(table).key(key(pk)));

        assertThat(dynamo.rcu()).isZero();
        assertThat(dynamo.charges()).extracting(CapacityCountingDynamoDbClient.Charge::capacity)
                .containsOnly(CapacityCountingDynamoDbClient.Capacity.WRITE);
    }

    @Test
    void aQueryIsChargedForEveryItemItEvaluatedRoundedOnce() {
        String pk = pk();
        for (String sk : List.of("A", "B", "C")) {
            Map<String, AttributeValue> item = new HashMap<>(item(pk, 1500));
            item.put("SK", AttributeValue.fromS(sk));
            put(item);
        }
        dynamo.reset();

        dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))));
        assertThat(dynamo.rcu()).isEqualTo(2.0);

        dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))));
        assertThat(dynamo.rcu()).isEqualTo(3.0);

        // A filter that drops everything still reads everything.
        dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk").filterExpression("SK = :none")
                .consistentRead(true).expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk),
                        ":none", AttributeValue.fromS("nothing"))));
        assertThat(dynamo.rcu()).isEqualTo(5.0);
    }

    @Test
    void aBatchGetChargesEachItemAndHalvesEventuallyConsistentReads() {
        String small = pk();
        String large = pk();
        put(item(small, 1500));
        put(item(large, 5000));
        dynamo.reset();

        dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(key(small), key(large)).build())));

        assertThat(dynamo.rcu()).isEqualTo(0.5 + 1.0);
    }

    @Test
    void aTransactionalGetCostsTwiceAStronglyConsistentOne() {
        String pk = pk();
        put(item(pk, 5000));
        dynamo.reset();

        dynamo.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(table).key(key(pk))).build()));

        assertThat(dynamo.rcu()).isEqualTo(4.0);
    }

    // --- concurrency ---

    @Test
    void countsFromManyThreadsAddUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        put(item(pk(), 1500));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(dynamo.wcu()).isEqualTo(8 * 5 * 2.0);
        assertThat(dynamo.charges()).hasSize(40);
    }
}
