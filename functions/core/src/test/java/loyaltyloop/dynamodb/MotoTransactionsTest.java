package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The local AWS keeps DynamoDB's transaction semantics under concurrency, which the exactly-once tests rely on: a
 * cancelled TransactWriteItems leaves nothing of itself and undoes nobody else's writes. (Plain moto 5.2 restores a
 * whole-table copy on cancel and loses concurrent writes: run with MOTO_SERVER=moto_server to see this fail.)
 */
@MotoTest
class MotoTransactionsTest {

    private static final int WRITERS = 16;
    private static final int ROUNDS = 12;

    @Test
    void everyCommittedTransactionSurvivesConcurrentCancelledOnes() throws Exception {
        String table = TestAws.createTable();
        try (DynamoDbClient dynamo = TestAws.dynamo()) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of("PK", s("ACCOUNT#a"), "SK", s("BALANCE"), "points", n(0))));

            List<Callable<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(() -> {
                    int committed = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        // A third of the transactions are cancelled by their last condition, after their first
                        // writes were applied: those must be undone, and nothing else.
                        boolean cancelled = round % 3 == 0;
                        List<TransactWriteItem> items = credit(table, writer, round, cancelled);
                        try {
                            dynamo.transactWriteItems(b -> b.transactItems(items));
                            committed++;
                        } catch (TransactionCanceledException expected) {
                            assertThat(cancelled).as("only the doomed transactions are cancelled").isTrue();
                        }
                    }
                    return committed;
                });
            }
            int committed = Concurrently.run(writers).stream().mapToInt(Integer::intValue).sum();

            long balance = Long.parseLong(dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("PK", s("ACCOUNT#a"), "SK", s("BALANCE")))).item().get("points").n());
            int entries = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :entry)")
                    .expressionAttributeValues(Map.of(":pk", s("ACCOUNT#a"), ":entry", s("ENTRY#")))).count();
            assertThat(committed).isEqualTo(WRITERS * (ROUNDS - ROUNDS / 3));
            assertThat(entries).as("ledger entries").isEqualTo(committed);
            assertThat(balance).as("balance").isEqualTo(committed * 10L);
        }
    }

    private static List<TransactWriteItem> credit(String table, int writer, int round, boolean cancelled) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("PK", s("ACCOUNT#a"), "SK", s("BALANCE")))
                .updateExpression("ADD points :ten").expressionAttributeValues(Map.of(":ten", n(10)))).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("PK", s("ACCOUNT#a"), "SK", s("ENTRY#" + writer + "#" + round), "points", n(10)))
                .conditionExpression("attribute_not_exists(PK)")).build());
        if (cancelled) {
            items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                    .key(Map.of("PK", s("ACCOUNT#a"), "SK", s("NO-SUCH-ITEM")))
                    .conditionExpression("attribute_exists(PK)")).build());
        }
        return items;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
