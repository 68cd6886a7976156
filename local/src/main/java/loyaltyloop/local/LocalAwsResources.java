package loyaltyloop.local;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import loyaltyloop.local.LocalTemplate.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * What the template would create, made on the emulator: the DynamoDB tables (named by logical id, skipped when
 * they already exist, so data on a long-lived emulator survives).
 */
final class LocalAwsResources {

    private LocalAwsResources() {
    }

    /** Creates the missing tables; answers the ones it created. */
    static List<String> createTables(DynamoDbClient dynamo, List<TableSpec> tables) {
        Set<String> existing = new HashSet<>();
        dynamo.listTablesPaginator().tableNames().forEach(existing::add);
        List<String> created = new ArrayList<>();
        for (TableSpec table : tables) {
            if (existing.contains(table.logicalId())) {
                continue;
            }
            try {
                dynamo.createTable(createRequest(table));
                created.add(table.logicalId());
            } catch (ResourceInUseException raced) {
                continue;
            }
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table.logicalId()));
            if (table.ttlAttribute() != null) {
                dynamo.updateTimeToLive(b -> b.tableName(table.logicalId())
                        .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
            }
        }
        return created;
    }

    static CreateTableRequest createRequest(TableSpec table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.logicalId())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                        .toList())
                .keySchema(keys(table.keySchema()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(i.keySchema()))
                            .projection(Projection.builder()
                                    .projectionType(i.projectionType())
                                    .nonKeyAttributes(i.nonKeyAttributes().isEmpty() ? null : i.nonKeyAttributes())
                                    .build())
                            .build())
                    .toList());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keys(List<LocalTemplate.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.name()).keyType(k.type()).build()).toList();
    }

    /** A SecureString parameter's value, if it exists. */
    static Optional<String> parameter(SsmClient ssm, String name) {
        try {
            return Optional.of(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        }
    }
}
