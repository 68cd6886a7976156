package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import loyaltyloop.followup.DueCustomers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The {@code DueIndex} GSI ({@code duePk = DUE#<shop>#<shard>}, {@code dueAt}): a Query per shard reads only
 * customers who are due, so a sweep costs what is due, not what the shop has. A walk through what is due visits the
 * shards one after another, one Query per page; its cursor says which shard and where in it. The sweep's fan-out
 * walks each shard on its own ({@link #partWalks}): the unit of parallel work is one shard of one shop.
 */
@Singleton
public class DynamoDueIndex implements DueCustomers {

    private static final long HOUR_SECONDS = 3600;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDueIndex(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page due(String shop, Instant until, String cursor, int limit) {
        Position at = cursor == null ? Position.first(until) : Position.decode(cursor);
        QueryResponse page = query(shop, at.shard(), until, b -> b.limit(limit).exclusiveStartKey(at.startKey(shop)));
        List<String> emails = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            String email = TableKeys.customerEmail(shop, item);
            if (email != null) {
                emails.add(email);
            }
        }
        Position next = morePages(page) ? at.after(page.lastEvaluatedKey()) : at.nextShard();
        return new Page(emails, next == null ? null : next.encode());
    }

    @Override
    public List<String> partWalks(String shop) {
        List<String> walks = new ArrayList<>(TableKeys.DUE_SHARDS);
        for (int shard = 0; shard < TableKeys.DUE_SHARDS; shard++) {
            walks.add(Position.shardOnly(shard).encode());
        }
        return walks;
    }

    @Override
    public List<String> dueSoonest(String shop, Instant until, int limit) {
        int perShard = Math.max(1, (limit + TableKeys.DUE_SHARDS - 1) / TableKeys.DUE_SHARDS);
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        for (int shard = 0; shard < TableKeys.DUE_SHARDS; shard++) {
            entries.addAll(query(shop, shard, until, b -> b.limit(perShard)).items());
        }
        // Each shard's entries come earliest first; a stable sort merges them and keeps shard order among equals.
        entries.sort(Comparator.comparing(entry -> entry.get(TableKeys.DUE_AT).s()));
        List<String> emails = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries) {
            String email = TableKeys.customerEmail(shop, entry);
            if (email != null && emails.size() < limit) {
                emails.add(email);
            }
        }
        return emails;
    }

    @Override
    public long count(String shop, Instant until) {
        long total = 0;
        for (int shard = 0; shard < TableKeys.DUE_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = query(shop, shard, until, b -> b.select(Select.COUNT).exclusiveStartKey(from));
                total += page.count();
                start = morePages(page) ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return total;
    }

    private QueryResponse query(String shop, int shard, Instant until, UnaryOperator<QueryRequest.Builder> page) {
        return dynamo.query(b -> page.apply(b.tableName(table).indexName(TableKeys.DUE_INDEX)
                .keyConditionExpression(TableKeys.DUE_PK + " = :pk AND " + TableKeys.DUE_AT + " < :until")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(TableKeys.dueShard(shop, shard)),
                        ":until", AttributeValue.fromS(TableKeys.dueSortKey(until))))));
    }

    private static boolean morePages(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    }

    /**
     * Where a walk is: the shard it started at, how many shards it has finished, how many it covers, and the index
     * key of the last entry read in the current shard (null at the shard's start). Successive hours start at
     * successive shards, so hourly runs that stop early spread a backlog's work over all of them.
     */
    private record Position(int firstShard, int finished, int span, String pk, String sk, String dueAt) {

        static Position first(Instant until) {
            return new Position(Math.floorMod(until.getEpochSecond() / HOUR_SECONDS, TableKeys.DUE_SHARDS), 0,
                    TableKeys.DUE_SHARDS, null, null, null);
        }

        static Position shardOnly(int shard) {
            return new Position(shard, 0, 1, null, null, null);
        }

        int shard() {
            return (firstShard + finished) % TableKeys.DUE_SHARDS;
        }

        Position after(Map<String, AttributeValue> lastKey) {
            return new Position(firstShard, finished, span, lastKey.get(TableKeys.PK).s(),
                    lastKey.get(TableKeys.SK).s(), lastKey.get(TableKeys.DUE_AT).s());
        }

        /** The start of the next shard; null when this was the last. */
        Position nextShard() {
            return finished + 1 < span ? new Position(firstShard, finished + 1, span, null, null, null) : null;
        }

        /** The index key to start after (the table's keys and the index's); null at the shard's start. */
        Map<String, AttributeValue> startKey(String shop) {
            return pk == null ? null : Map.of(TableKeys.PK, AttributeValue.fromS(pk),
                    TableKeys.SK, AttributeValue.fromS(sk), TableKeys.DUE_AT, AttributeValue.fromS(dueAt),
                    TableKeys.DUE_PK, AttributeValue.fromS(TableKeys.dueShard(shop, shard())));
        }

        String encode() {
            String raw = firstShard + "\n" + finished + "\n" + span
                    + (pk == null ? "" : "\n" + pk + "\n" + sk + "\n" + dueAt);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 6);
            int firstShard = Integer.parseInt(parts[0]);
            int finished = Integer.parseInt(parts[1]);
            int span = Integer.parseInt(parts[2]);
            if (firstShard < 0 || firstShard >= TableKeys.DUE_SHARDS || span < 1 || span > TableKeys.DUE_SHARDS
                    || finished < 0 || finished >= span) {
                throw new IllegalArgumentException("not a due-index cursor");
            }
            return parts.length == 3 ? new Position(firstShard, finished, span, null, null, null)
                    : new Position(firstShard, finished, span, parts[3], parts[4], parts[5]);
        }
    }
}
