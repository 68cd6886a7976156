package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.followup.SpendStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One small item per spend bucket ({@code SPEND#<shop>} / {@code B#<bucket>}), counted with atomic {@code ADD}:
 * concurrent orders never conflict, and a move costs one write unit per bucket touched.
 */
@Singleton
public class DynamoSpendStats implements SpendStats {

    private static final String COUNT = "count";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSpendStats(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public SpendHistogram histogram(String shop) {
        Map<Long, Long> buckets = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.spendPartition(shop))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                buckets.put(TableKeys.spendBucketOf(item), Items.num(item, COUNT, 0));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return new SpendHistogram(buckets);
    }

    @Override
    public void move(String shop, Long fromBucket, Long toBucket) {
        if (fromBucket != null && fromBucket.equals(toBucket)) {
            return;
        }
        if (toBucket != null) {
            add(shop, toBucket, 1);
        }
        if (fromBucket != null) {
            add(shop, fromBucket, -1);
        }
    }

    @Override
    public void addCounts(String shop, Map<Long, Long> deltas) {
        deltas.forEach((bucket, delta) -> {
            if (delta != 0) {
                add(shop, bucket, delta);
            }
        });
    }

    private void add(String shop, long bucket, long delta) {
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.spendBucket(shop, bucket))
                .updateExpression("ADD #count :delta")
                .expressionAttributeNames(Map.of("#count", COUNT))
                .expressionAttributeValues(Map.of(":delta", Items.n(delta))));
    }

    /** A bucket's item holding {@code customers}, as the {@code ADD}s leave it. */
    static Map<String, AttributeValue> bucketItem(String shop, long bucket, long customers) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.spendBucket(shop, bucket));
        item.put(COUNT, Items.n(customers));
        return item;
    }
}
