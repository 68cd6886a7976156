package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.deliverability.Suppression;
import loyaltyloop.deliverability.SuppressionList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Bounces and complaints as one item per shop and address ({@code CUSTOMER#<shop>#<email>} / {@code SUPPRESSION}),
 * written with a version check; counted SES events as short-lived claims ({@code MAILEVENT#...}, 8 days by TTL,
 * longer than EventBridge retries an event).
 */
@Singleton
public class DynamoSuppressionList implements SuppressionList {

    private static final Duration EVENT_CLAIM_RETENTION = Duration.ofDays(8);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoSuppressionList(DynamoDbClient dynamo, @Value("${loyalty.table}") String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Suppression find(String shop, String email) {
        return read(shop, email, true);
    }

    @Override
    public Suppression findBeforeSending(String shop, String email) {
        return read(shop, email, false);
    }

    private Suppression read(String shop, String email, boolean consistent) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.suppression(shop, email)).consistentRead(consistent)).item();
        if (item == null || item.isEmpty()) {
            return Suppression.NONE;
        }
        List<Instant> transients = new ArrayList<>();
        AttributeValue list = item.get("transientBounces");
        if (list != null && list.hasL()) {
            list.l().forEach(v -> transients.add(Instant.parse(v.s())));
        }
        return new Suppression(Items.instant(item, "permanentBounceAt"), transients,
                Items.instant(item, "marketingStoppedAt"), Items.instant(item, "complainedAt"),
                Items.num(item, "version", 0));
    }

    @Override
    public boolean saveIfUnchanged(String shop, String email, Suppression after) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.suppression(shop, email));
        Items.putInstant(item, "permanentBounceAt", after.permanentBounceAt());
        Items.putInstant(item, "marketingStoppedAt", after.marketingStoppedAt());
        Items.putInstant(item, "complainedAt", after.complainedAt());
        item.put("transientBounces", AttributeValue.fromL(after.transientBounces().stream()
                .map(at -> AttributeValue.fromS(at.toString())).toList()));
        item.put("version", Items.n(after.version()));
        try {
            if (after.version() <= 1) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :before")
                        .expressionAttributeValues(Map.of(":before", Items.n(after.version() - 1))));
            }
            return true;
        } catch (ConditionalCheckFailedException someoneElse) {
            return false;
        }
    }

    @Override
    public boolean claimEvent(String shop, String eventKey) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.mailEvent(shop, eventKey));
        item.put("expiresAt", Items.n(clock.instant().plus(EVENT_CLAIM_RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException seen) {
            return false;
        }
    }
}
