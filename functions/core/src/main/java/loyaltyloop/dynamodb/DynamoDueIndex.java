package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import loyaltyloop.followup.DueCustomers;
import loyaltyloop.followup.FollowUpPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The {@code DueIndex} GSI ({@code duePk = DUE#<shop>#<shard>}, {@code dueAt}): a Query per shard reads only
 * customers who are due, so a sweep costs what is due, not what the shop has.
 */
@Singleton
public class DynamoDueIndex implements DueCustomers {

    static final String INDEX = "DueIndex";
    private static final String CUSTOMER_PREFIX = "CUSTOMER#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDueIndex(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page due(String shop, int shard, Instant until, int limit, String cursor) {
        Map<String, AttributeValue> start = cursor == null ? null : decode(cursor, shop, shard);
        QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                .keyConditionExpression("duePk = :pk AND dueAt < :until")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TableKeys.dueShard(shop, shard)),
                        ":until", AttributeValue.fromS(TableKeys.dueSortKey(until))))
                .limit(limit)
                .exclusiveStartKey(start));
        List<String> emails = new ArrayList<>();
        String prefix = CUSTOMER_PREFIX + shop + "#";
        for (Map<String, AttributeValue> item : page.items()) {
            String pk = item.get("PK").s();
            if (pk.startsWith(prefix)) {
                emails.add(pk.substring(prefix.length()));
            }
        }
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? encode(page.lastEvaluatedKey()) : null;
        return new Page(emails, next);
    }

    @Override
    public long count(String shop, Instant until) {
        long total = 0;
        for (int shard = 0; shard < FollowUpPolicy.DUE_SHARDS; shard++) {
            int s = shard;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(INDEX)
                        .keyConditionExpression("duePk = :pk AND dueAt < :until")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(TableKeys.dueShard(shop, s)),
                                ":until", AttributeValue.fromS(TableKeys.dueSortKey(until))))
                        .select(Select.COUNT)
                        .exclusiveStartKey(from));
                total += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return total;
    }

    // The cursor is the index key of the last entry read: PK and dueAt (SK and duePk are implied).
    private static String encode(Map<String, AttributeValue> key) {
        String raw = key.get("PK").s() + "\n" + key.get("SK").s() + "\n" + key.get("dueAt").s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor, String shop, int shard) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
        return Map.of("PK", AttributeValue.fromS(parts[0]), "SK", AttributeValue.fromS(parts[1]),
                "dueAt", AttributeValue.fromS(parts[2]), "duePk", AttributeValue.fromS(TableKeys.dueShard(shop, shard)));
    }
}
