package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
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
import loyaltyloop.coupons.Coupon;
import loyaltyloop.survey.SurveyResponse;
import loyaltyloop.survey.SurveyResponses;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Survey answers at {@code SURVEY#<shop>#<order id>}, written in one transaction with the coupon they earned, so
 * there is never an answer without its coupon or a coupon without its answer.
 */
@Singleton
public class DynamoSurveyResponses implements SurveyResponses {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoCouponStore coupons;

    public DynamoSurveyResponses(DynamoDbClient dynamo, @Value("${loyalty.table}") String table,
            DynamoCouponStore coupons) {
        this.dynamo = dynamo;
        this.table = table;
        this.coupons = coupons;
    }

    @Override
    public Optional<SurveyResponse> find(String shop, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.survey(shop, orderId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SurveyResponse(shop, orderId, str(item, "email"), (int) num(item, "rating", 0),
                str(item, "comment"), instant(item, "submittedAt"), str(item, "couponCode"),
                instant(item, "publishedAt")));
    }

    @Override
    public Recorded record(SurveyResponse r, Coupon coupon) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.survey(r.shop(), r.orderId()));
        putS(item, "type", "survey");
        putS(item, "email", r.email());
        item.put("rating", Items.n(r.rating()));
        putS(item, "comment", r.comment());
        putInstant(item, "submittedAt", r.submittedAt());
        putS(item, "couponCode", r.couponCode());
        TransactWriteItem answer = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)").build()).build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(answer, coupons.createInTransaction(coupon)));
            return Recorded.RECORDED;
        } catch (TransactionCanceledException e) {
            // Reasons come in the order of the items: the answer first, then the coupon.
            var reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && conditionFailed(reasons.get(0))) {
                return Recorded.ALREADY_ANSWERED;
            }
            if (reasons.size() > 1 && conditionFailed(reasons.get(1))) {
                return Recorded.CODE_TAKEN;
            }
            throw e;
        }
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    @Override
    public void markPublished(String shop, String orderId, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.survey(shop, orderId))
                .updateExpression("SET publishedAt = :at")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
    }

    @Override
    public boolean claim(String shop, String orderId, Step step, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.survey(shop, orderId))
                    .updateExpression("SET #step = :at")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(#step)")
                    .expressionAttributeNames(Map.of("#step", attribute(step)))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
            return true;
        } catch (ConditionalCheckFailedException alreadyClaimed) {
            return false;
        }
    }

    @Override
    public void release(String shop, String orderId, Step step) {
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.survey(shop, orderId))
                .updateExpression("REMOVE #step")
                .expressionAttributeNames(Map.of("#step", attribute(step))));
    }

    private static String attribute(Step step) {
        return switch (step) {
            case COUPON_EMAIL -> "couponEmailAt";
            case RECOVERY_EMAIL -> "recoveryEmailAt";
            case OWNER_ALERT -> "ownerAlertAt";
        };
    }
}
