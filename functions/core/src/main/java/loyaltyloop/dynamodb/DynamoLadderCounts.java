package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loyaltyloop.ladder.LadderCounts;
import loyaltyloop.ladder.LadderDay;
import loyaltyloop.ladder.Stage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The ladder's counters: one item per shop, shard ({@link TableKeys#LADDER_SHARDS}, by the customer's email) and
 * UTC day, each counter an attribute changed by one {@code ADD}, so a customer's move is one write. Attribute
 * names: {@code c_<STAGE>} counted, {@code r_<STAGE>} returned, {@code l_<epochDay>_<STAGE>} lapsing on that day,
 * {@code joined}, {@code up}, {@code down}, {@code recovered}.
 */
@Singleton
public class DynamoLadderCounts implements LadderCounts {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLadderCounts(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(String shop, String customerKey, LadderDay change) {
        Map<String, Long> adds = new TreeMap<>();
        change.counted().forEach((s, n) -> adds.put("c_" + s.name(), n));
        change.returned().forEach((s, n) -> adds.put("r_" + s.name(), n));
        change.lapsing().forEach((on, perStage) -> perStage.forEach((s, n) ->
                adds.merge("l_" + on.toEpochDay() + "_" + s.name(), n, Long::sum)));
        adds.put("joined", change.joined());
        adds.put("up", change.up());
        adds.put("down", change.down());
        adds.put("recovered", change.recovered());
        adds.values().removeIf(v -> v == 0);
        if (adds.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expression = new StringBuilder("ADD ");
        int i = 0;
        for (Map.Entry<String, Long> e : adds.entrySet()) {
            expression.append(i == 0 ? "" : ", ").append("#a").append(i).append(" :v").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":v" + i, Items.n(e.getValue()));
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.ladderDay(shop, customerKey, change.day()))
                .updateExpression(expression.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public List<LadderDay> history(String shop) {
        Map<LocalDate, LadderDay> byDay = new TreeMap<>();
        for (int shard = 0; shard < TableKeys.LADDER_SHARDS; shard++) {
            Map<String, AttributeValue> start = null;
            String partition = TableKeys.ladderPartition(shop, shard);
            do {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)));
                if (start != null) {
                    query.exclusiveStartKey(start);
                }
                QueryResponse page = dynamo.query(query.build());
                for (Map<String, AttributeValue> item : page.items()) {
                    LadderDay day = day(item);
                    byDay.merge(day.day(), day, LadderDay::plus);
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return new ArrayList<>(byDay.values());
    }

    private static LadderDay day(Map<String, AttributeValue> item) {
        LadderDay day = LadderDay.empty(TableKeys.ladderDayOf(item));
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (e.getValue().n() == null) {
                continue;
            }
            long n = Long.parseLong(e.getValue().n());
            if (name.startsWith("c_")) {
                day = day.plusCounted(Stage.valueOf(name.substring(2)), n);
            } else if (name.startsWith("r_")) {
                day = day.plusReturned(Stage.valueOf(name.substring(2)), n);
            } else if (name.startsWith("l_")) {
                int sep = name.indexOf('_', 2);
                day = day.plusLapsing(LocalDate.ofEpochDay(Long.parseLong(name.substring(2, sep))),
                        Stage.valueOf(name.substring(sep + 1)), n);
            } else {
                switch (name) {
                    case "joined" -> day = day.plusJoined(n);
                    case "up" -> day = day.plusUp(n);
                    case "down" -> day = day.plusDown(n);
                    case "recovered" -> day = day.plusRecovered(n);
                    default -> { }
                }
            }
        }
        return day;
    }
}
