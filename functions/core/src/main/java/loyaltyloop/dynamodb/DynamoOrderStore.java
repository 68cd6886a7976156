package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
import static loyaltyloop.dynamodb.Items.n;
import static loyaltyloop.dynamodb.Items.putInstant;
import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.s;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.json.Json;
import loyaltyloop.orders.DeliveryRecord;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

@Singleton
public class DynamoOrderStore implements OrderStore {

    /** On an order's item before the order is stored: refunds came first ({@link #markRefundsWaiting}). */
    private static final String REFUNDS_WAITING = "refundsWaiting";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrderStore(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<DeliveryRecord> findDelivery(String shop, String deliveryId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.delivery(shop, deliveryId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryRecord(shop, deliveryId, str(item, "topic"), str(item, "orderId"),
                str(item, "outcome"), str(item, "reason"), instant(item, "at")));
    }

    @Override
    public void recordDelivery(DeliveryRecord record, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.delivery(record.shop(), record.deliveryId()));
        putS(item, "topic", record.topic());
        putS(item, "orderId", record.orderId());
        putS(item, "outcome", record.outcome());
        putS(item, "reason", record.reason());
        putInstant(item, "at", record.at());
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<StoredOrder> findOrder(String shop, String orderId) {
        return storedOrder(dynamo.getItem(b -> b.tableName(table).key(TableKeys.order(shop, orderId))
                .consistentRead(true)).item());
    }

    /** The order an item holds; empty for no item, or for the mark of refunds waiting for an order not stored yet. */
    private static Optional<StoredOrder> storedOrder(Map<String, AttributeValue> item) {
        if (item == null || str(item, "order") == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredOrder(OrderJson.fromJson(Json.read(str(item, "order"))),
                OrderStatus.valueOf(str(item, "status")), str(item, "createdByDelivery"), instant(item, "storedAt")));
    }

    @Override
    public Optional<loyaltyloop.orders.Order> findOrderToShow(String shop, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.order(shop, orderId))
                .projectionExpression("#order").expressionAttributeNames(Map.of("#order", "order"))).item();
        if (item == null || item.isEmpty() || str(item, "order") == null) {
            return Optional.empty();
        }
        return Optional.of(OrderJson.fromJson(Json.read(str(item, "order"))));
    }

    /**
     * One conditional put: it stores the order over nothing or over the mark of waiting refunds, hands back that mark
     * (the old item), and when the order was there already, the stored order (so a repeat delivery reads nothing).
     */
    @Override
    public OrderCreation create(StoredOrder order) {
        Map<String, AttributeValue> item = item(order);
        try {
            Map<String, AttributeValue> old = dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#order)")
                    .expressionAttributeNames(Map.of("#order", "order"))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new OrderCreation(null, old != null && old.containsKey(REFUNDS_WAITING));
        } catch (ConditionalCheckFailedException alreadyStored) {
            Optional<StoredOrder> stored = alreadyStored.hasItem() ? storedOrder(alreadyStored.item()) : Optional.empty();
            // An emulator that does not hand the item back costs a read, nothing else.
            return new OrderCreation(stored.or(() -> findOrder(order.order().shop(), order.order().orderId()))
                    .orElseThrow(() -> new IllegalStateException("an order that refused to be stored is not there")),
                    false);
        }
    }

    @Override
    public boolean markRefundsWaiting(String shop, String orderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.order(shop, orderId))
                    .updateExpression("SET " + REFUNDS_WAITING + " = :yes")
                    .conditionExpression("attribute_not_exists(#order)")
                    .expressionAttributeNames(Map.of("#order", "order"))
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException stored) {
            return false;
        }
    }


    /** The whole item of an order, as stored: the normalised order as compact JSON, and its state. */
    static Map<String, AttributeValue> item(StoredOrder order) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.order(order.order().shop(), order.order().orderId()));
        putS(item, "order", Json.write(OrderJson.toJson(order.order())));
        putS(item, "status", order.status().name());
        putS(item, "createdByDelivery", order.createdByDelivery());
        putInstant(item, "storedAt", order.storedAt());
        if (order.order().updatedAt() != null) {
            item.put("updatedAtMillis", n(order.order().updatedAt().toEpochMilli()));
        }
        return item;
    }

    @Override
    public boolean takeOverPublishing(String shop, String orderId, Instant expectedStoredAt, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.order(shop, orderId))
                    .updateExpression("SET storedAt = :now")
                    .conditionExpression("storedAt = :expected")
                    .expressionAttributeValues(Map.of(":now", s(now.toString()),
                            ":expected", s(expectedStoredAt.toString()))));
            return true;
        } catch (ConditionalCheckFailedException someoneElse) {
            return false;
        }
    }

    @Override
    public boolean markCancelled(String shop, String orderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.order(shop, orderId))
                    .updateExpression("SET #status = :cancelled")
                    .conditionExpression("attribute_exists(#order) AND #status <> :cancelled")
                    .expressionAttributeNames(Map.of("#status", "status", "#order", "order"))
                    .expressionAttributeValues(Map.of(":cancelled", s(OrderStatus.CANCELLED.name()))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public Optional<Boolean> refundPublished(String shop, String orderId, String refundId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.refund(shop, orderId, refundId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(item.containsKey("publishedAt"));
    }

    @Override
    public void markRefundPublished(String shop, String orderId, String refundId) {
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.refund(shop, orderId, refundId))
                .updateExpression("SET publishedAt = :yes")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public long refundedMinor(String shop, String orderId) {
        long total = 0;
        for (Map<String, AttributeValue> item : dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :refund)")
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.orderPartition(shop, orderId)),
                        ":refund", s(TableKeys.REFUND)))
                .consistentRead(true)).items()) {
            total += Items.num(item, "amountMinor", 0);
        }
        return total;
    }

    @Override
    public boolean replaceIfNewer(loyaltyloop.orders.Order order) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":order", s(Json.write(OrderJson.toJson(order))));
        String update = "SET #order = :order";
        String condition = "attribute_exists(#order) AND attribute_not_exists(updatedAtMillis)";
        if (order.updatedAt() != null) {
            values.put(":updated", n(order.updatedAt().toEpochMilli()));
            update += ", updatedAtMillis = :updated";
            condition = "attribute_exists(#order) AND (attribute_not_exists(updatedAtMillis) OR updatedAtMillis < :updated)";
        }
        String u = update;
        String c = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.order(order.shop(), order.orderId()))
                    .updateExpression(u).conditionExpression(c)
                    .expressionAttributeNames(Map.of("#order", "order"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException staleOrGone) {
            return false;
        }
    }

    @Override
    public boolean recordEarlyRefund(String shop, String orderId, String refundId, Money amount, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.refund(shop, orderId, refundId));
        item.put("amountMinor", n(amount.minor()));
        putS(item, "currency", amount.currency());
        putInstant(item, "at", at);
        item.put("early", AttributeValue.fromBool(true));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public java.util.List<EarlyRefund> earlyRefunds(String shop, String orderId) {
        java.util.List<EarlyRefund> refunds = new java.util.ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :refund)")
                .filterExpression("attribute_exists(early)")
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.orderPartition(shop, orderId)),
                        ":refund", s(TableKeys.REFUND)))
                .consistentRead(true)).items()) {
            String sk = str(item, "SK");
            refunds.add(new EarlyRefund(sk.substring(TableKeys.REFUND.length()),
                    new Money(Items.num(item, "amountMinor", 0), str(item, "currency"))));
        }
        return refunds;
    }

    @Override
    public boolean takeEarlyRefund(String shop, String orderId, String refundId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.refund(shop, orderId, refundId))
                    .updateExpression("REMOVE early")
                    .conditionExpression("attribute_exists(early)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean recordRefund(String shop, String orderId, String refundId, Money amount, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.refund(shop, orderId, refundId));
        item.put("amountMinor", n(amount.minor()));
        putS(item, "currency", amount.currency());
        putInstant(item, "at", at);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }
}
