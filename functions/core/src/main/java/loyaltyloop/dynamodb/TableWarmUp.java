package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One read of an item that never exists, made before SnapStart's snapshot: the SDK's request pipeline (signer,
 * marshallers, HTTP client, response parsing) is loaded and run once then, so a restored function's first request
 * does not pay for it. A read, never a write: half a read unit each time a version is published.
 */
@Singleton
public class TableWarmUp {

    /** A key that no item of the table's model has (see TableKeys): the read always finds nothing. */
    static final String PARTITION = "WARM-UP";

    private final DynamoDbClient dynamo;
    private final String table;

    public TableWarmUp(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Whether the item was there: always false unless someone wrote it by hand. */
    public boolean readMissingItem() {
        var item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.key(PARTITION, PARTITION))).item();
        return item != null && !item.isEmpty();
    }
}
