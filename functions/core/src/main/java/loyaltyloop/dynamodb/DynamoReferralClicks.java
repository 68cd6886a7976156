package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import loyaltyloop.referral.ReferralClicks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@code ADD clicks :1} on the code's own item ({@code REFCODE#<shop>#<code>}), only when it exists. */
@Singleton
public class DynamoReferralClicks implements ReferralClicks {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReferralClicks(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean count(String shop, String code) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.referralCode(shop, code))
                    .updateExpression("ADD clicks :one")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        }
    }

    /** The clicks counted for a code (0 when none or unknown). */
    public long clicks(String shop, String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.referralCode(shop, code)).consistentRead(true)).item();
        return item == null ? 0 : Items.num(item, "clicks", 0);
    }
}
