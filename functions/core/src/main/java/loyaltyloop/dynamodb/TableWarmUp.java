package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import loyaltyloop.lambda.SnapshotPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One read of an item that never exists, made before SnapStart's snapshot: the SDK's request pipeline (signer,
 * marshallers, HTTP client, response parsing) is loaded and run once then, so a restored function's first request
 * does not pay for it. A read, never a write: half a read unit each time a version is published.
 */
@Singleton
public class TableWarmUp implements SnapshotPriming {

    private final DynamoDbClient dynamo;
    private final String table;

    public TableWarmUp(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void prime() {
        dynamo.getItem(b -> b.tableName(table).key(TableKeys.warmUp()));
    }
}
