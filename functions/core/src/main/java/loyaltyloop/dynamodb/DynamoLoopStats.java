package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.stats.LoopStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The loop's counters ({@code STATS#<shop>}: {@code UNREACHABLE}, {@code SENT#<day>}) and the digest's notes and
 * once-a-day claims ({@code DIGEST#<shop>#<day>}). Counters are atomic {@code ADD}s; days are UTC dates.
 */
@Singleton
public class DynamoLoopStats implements LoopStats {

    private static final long NOTE_RETENTION_SECONDS = 14L * 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLoopStats(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void addUnreachable(String shop, long delta) {
        add(TableKeys.unreachableCount(shop), "count", delta);
    }

    @Override
    public long unreachable(String shop) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.unreachableCount(shop))).item();
        return item == null ? 0 : Math.max(0, Items.num(item, "count", 0));
    }

    @Override
    public void add(String shop, LocalDate day, Count count, long delta) {
        if (delta != 0) {
            add(TableKeys.dailyCounts(shop, day), attribute(count), delta);
        }
    }

    @Override
    public void add(String shop, LocalDate day, Map<Count, Long> deltas) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expression = new StringBuilder();
        for (Map.Entry<Count, Long> e : deltas.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            int i = names.size();
            expression.append(i == 0 ? "ADD " : ", ").append("#a").append(i).append(" :d").append(i);
            names.put("#a" + i, attribute(e.getKey()));
            values.put(":d" + i, Items.n(e.getValue()));
        }
        if (!names.isEmpty()) {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.dailyCounts(shop, day))
                    .updateExpression(expression.toString()).expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        }
    }

    @Override
    public Map<Count, Long> totals(String shop, LocalDate first, LocalDate last) {
        QueryResponse page = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.statsPartition(shop)),
                        ":from", AttributeValue.fromS(TableKeys.dailyCountsSortKey(first)),
                        ":to", AttributeValue.fromS(TableKeys.dailyCountsSortKey(last)))));
        Map<Count, Long> totals = new EnumMap<>(Count.class);
        for (Count count : Count.values()) {
            long total = 0;
            for (Map<String, AttributeValue> item : page.items()) {
                total += Items.num(item, attribute(count), 0);
            }
            totals.put(count, total);
        }
        return totals;
    }

    /** One item per shop and day holds every daily count, each in its own attribute. */
    private static String attribute(Count count) {
        return switch (count) {
            case FOLLOW_UPS_SENT -> "followUps";
            case SURVEYS_ANSWERED -> "surveysAnswered";
            case COUPONS_REDEEMED -> "couponsRedeemed";
            case EMAILS_DELIVERED -> "emailsDelivered";
            case EMAILS_BOUNCED -> "emailsBounced";
            case EMAILS_COMPLAINED -> "emailsComplained";
            case RATED_1 -> "rated1";
            case RATED_2 -> "rated2";
            case RATED_3 -> "rated3";
            case RATED_4 -> "rated4";
            case RATED_5 -> "rated5";
            case REFERRAL_CLICKS -> "referralClicks";
            case REFERRAL_CONVERSIONS -> "referralConversions";
            case COUPONS_ISSUED -> "couponsIssued";
            case LOOP_REVENUE_MINOR -> "loopRevenueMinor";
        };
    }

    @Override
    public void note(String shop, LocalDate day, DigestNote note) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.digestNote(shop, day, note.kind(), note.orderId()));
        item.put("kind", AttributeValue.fromS(note.kind()));
        item.put("email", AttributeValue.fromS(note.email()));
        item.put("orderId", AttributeValue.fromS(note.orderId()));
        item.put("expiresAt", Items.n(day.toEpochDay() * 86_400 + NOTE_RETENTION_SECONDS));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<DigestNote> notes(String shop, LocalDate day) {
        QueryResponse page = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :note)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.digestPartition(shop, day)),
                        ":note", AttributeValue.fromS(TableKeys.DIGEST_NOTE))));
        List<DigestNote> notes = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            notes.add(new DigestNote(Items.str(item, "kind"), Items.str(item, "email"), Items.str(item, "orderId")));
        }
        return notes;
    }

    @Override
    public boolean claimDigest(String shop, LocalDate day) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.digestClaim(shop, day));
        item.put("expiresAt", Items.n(day.toEpochDay() * 86_400 + NOTE_RETENTION_SECONDS));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public void releaseDigest(String shop, LocalDate day) {
        dynamo.deleteItem(b -> b.tableName(table).key(TableKeys.digestClaim(shop, day)));
    }

    private void add(Map<String, AttributeValue> key, String attribute, long delta) {
        dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("ADD #a :delta")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":delta", Items.n(delta))));
    }
}
