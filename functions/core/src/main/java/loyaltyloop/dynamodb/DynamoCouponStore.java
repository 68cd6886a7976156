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
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.shops.CouponTerms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Coupons at {@code COUPON#<shop>#<code>}: one item each, so a code is unique per shop by its key. */
@Singleton
public class DynamoCouponStore implements CouponStore {

    private static final String NOT_STORED = "attribute_not_exists(PK)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCouponStore(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Coupon> find(String shop, String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.coupon(shop, code))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean create(Coupon coupon) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(coupon)).conditionExpression(NOT_STORED));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * The put of a new coupon as one element of a transaction, for callers that store it together with what earned
     * it (a survey answer, a points debit); it cancels the transaction when the code is taken.
     */
    TransactWriteItem createInTransaction(Coupon coupon) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(coupon))
                .conditionExpression(NOT_STORED).build()).build();
    }

    @Override
    public boolean markIssued(String shop, String code) {
        return transition(shop, code, Coupon.State.PENDING, Coupon.State.ISSUED, Map.of());
    }

    @Override
    public boolean markRedeemed(String shop, String code, String orderId, Instant at) {
        return transition(shop, code, Coupon.State.ISSUED, Coupon.State.REDEEMED,
                Map.of("redeemedOrderId", AttributeValue.fromS(orderId),
                        "redeemedAt", AttributeValue.fromS(at.toString())));
    }

    private boolean transition(String shop, String code, Coupon.State from, Coupon.State to,
            Map<String, AttributeValue> also) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", AttributeValue.fromS(from.name()), ":to", AttributeValue.fromS(to.name())));
        StringBuilder update = new StringBuilder("SET #state = :to");
        also.forEach((name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, value);
            update.append(", #").append(name).append(" = :").append(name);
        });
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.coupon(shop, code))
                    .updateExpression(update.toString())
                    .conditionExpression("#state = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInThatState) {
            return false;
        }
    }

    Map<String, AttributeValue> item(Coupon c) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.coupon(c.shop(), c.code()));
        putS(item, "type", "coupon");
        putS(item, "shop", c.shop());
        putS(item, "code", c.code());
        putS(item, "email", c.email());
        putS(item, "kind", c.terms().kind().name());
        item.put("value", Items.n(c.terms().value()));
        item.put("minimumOrder", Items.n(c.terms().minimumOrderMinor()));
        item.put("validDays", Items.n(c.terms().validDays()));
        putS(item, "currency", c.currency());
        putS(item, "origin", c.origin().name());
        putS(item, "reference", c.reference());
        putS(item, "state", c.state().name());
        putInstant(item, "createdAt", c.createdAt());
        putInstant(item, "expiresAt", c.expiresAt());
        putS(item, "redeemedOrderId", c.redeemedOrderId());
        putInstant(item, "redeemedAt", c.redeemedAt());
        return item;
    }

    static Coupon fromItem(Map<String, AttributeValue> item) {
        CouponTerms terms = new CouponTerms(CouponTerms.Kind.valueOf(str(item, "kind")), num(item, "value", 0),
                num(item, "minimumOrder", 0), (int) num(item, "validDays", 60));
        return new Coupon(str(item, "shop"), str(item, "code"), str(item, "email"), terms, str(item, "currency"),
                Coupon.Origin.valueOf(str(item, "origin")), str(item, "reference"),
                Coupon.State.valueOf(str(item, "state")), instant(item, "createdAt"), instant(item, "expiresAt"),
                str(item, "redeemedOrderId"), instant(item, "redeemedAt"));
    }
}
