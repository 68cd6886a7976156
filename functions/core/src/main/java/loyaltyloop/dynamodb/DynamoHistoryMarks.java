package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
import static loyaltyloop.dynamodb.Items.n;
import static loyaltyloop.dynamodb.Items.num;
import static loyaltyloop.dynamodb.Items.putInstant;
import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.history.HistoryMarks;
import loyaltyloop.history.ImportCheckpoint;
import loyaltyloop.history.ImportCounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A shop's import checkpoints and reconciliation watermark, in its {@code HISTORY#<shop>} partition. */
@Singleton
public class DynamoHistoryMarks implements HistoryMarks {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHistoryMarks(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ImportCheckpoint> checkpoint(String shop, String sourceKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.importCheckpoint(shop, sourceKey)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ImportCounts counts = new ImportCounts(num(item, "ordersRead", 0), num(item, "ordersImported", 0),
                num(item, "ordersKnown", 0), num(item, "ordersSkipped", 0), num(item, "refunds", 0),
                num(item, "customers", 0), num(item, "overdue", 0));
        AttributeValue done = item.get("done");
        return Optional.of(new ImportCheckpoint(shop, sourceKey, str(item, "cursor"),
                done != null && Boolean.TRUE.equals(done.bool()), counts, instant(item, "at")));
    }

    @Override
    public void saveCheckpoint(ImportCheckpoint checkpoint) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.importCheckpoint(checkpoint.shop(),
                checkpoint.sourceKey()));
        putS(item, "cursor", checkpoint.cursor());
        item.put("done", AttributeValue.fromBool(checkpoint.done()));
        ImportCounts c = checkpoint.counts();
        item.put("ordersRead", n(c.ordersRead()));
        item.put("ordersImported", n(c.ordersImported()));
        item.put("ordersKnown", n(c.ordersKnown()));
        item.put("ordersSkipped", n(c.ordersSkipped()));
        item.put("refunds", n(c.refunds()));
        item.put("customers", n(c.customers()));
        item.put("overdue", n(c.overdue()));
        putInstant(item, "at", checkpoint.at());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Instant> watermark(String shop) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.reconciliationWatermark(shop)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(instant(item, "readUpTo"));
    }

    @Override
    public void saveWatermark(String shop, Instant readUpTo) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.reconciliationWatermark(shop));
        putInstant(item, "readUpTo", readUpTo);
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
