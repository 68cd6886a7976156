package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
import static loyaltyloop.dynamodb.Items.n;
import static loyaltyloop.dynamodb.Items.num;
import static loyaltyloop.dynamodb.Items.putInstant;
import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.s;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.points.Conversion;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The points ledger in the single table. Per customer one partition {@code POINTS#<shop>#<email>}: the balance item
 * ({@code SK = BALANCE}) and one item per entry ({@code SK = ENTRY#<reason>#<reference>}, so an entry's key is its
 * idempotency key). Conversions at {@code REFERRAL#<shop>#<order id>}. Every change is one TransactWriteItems.
 */
@Singleton
public class DynamoPointsLedger implements PointsLedger {

    private static final String NOT_STORED = "attribute_not_exists(PK)";
    private static final int CONFLICT_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoCouponStore coupons;

    public DynamoPointsLedger(DynamoDbClient dynamo, @Value("${loyalty.table}") String table, DynamoCouponStore coupons) {
        this.dynamo = dynamo;
        this.table = table;
        this.coupons = coupons;
    }

    @Override
    public Statement statement(String shop, String email) {
        String pk = TableKeys.pointsPartition(shop, email);
        long balance = 0;
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk))).consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                if (TableKeys.isPointsBalance(item)) {
                    balance = num(item, "balance", 0);
                } else {
                    entries.add(entry(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        entries.sort(Comparator.comparing(LedgerEntry::at).reversed());
        return new Statement(balance, entries);
    }

    @Override
    public long balance(String shop, String email) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.pointsBalance(shop, email)).consistentRead(true)).item();
        return item == null ? 0 : num(item, "balance", 0);
    }

    @Override
    public Optional<LedgerEntry> findEntry(String shop, String email, LedgerEntry.Reason reason, String reference) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.pointsEntry(shop, email, reason.wireName(), reference)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    @Override
    public Optional<Conversion> findConversion(String shop, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.conversion(shop, orderId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(conversion(item));
    }

    @Override
    public boolean recordRejected(Conversion conversion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(conversion)).conditionExpression(NOT_STORED));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public Optional<Long> credit(Conversion conversion, LedgerEntry entry) {
        String email = conversion.referrerEmail();
        try {
            transact(List.of(
                    putNew(item(conversion)),
                    putNew(item(conversion.shop(), email, entry)),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(TableKeys.pointsBalance(conversion.shop(), email))
                            .updateExpression("ADD balance :p SET updatedAt = :at")
                            .expressionAttributeValues(Map.of(":p", n(entry.points()), ":at", s(entry.at().toString())))
                            .build()).build()));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 0) || failedCondition(e, 1)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(balance(conversion.shop(), email));
    }

    @Override
    public void markNotifyPending(String shop, String orderId) {
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.conversion(shop, orderId))
                .updateExpression("SET notifyPending = :yes").conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public boolean claimNotifyPending(String shop, String orderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.conversion(shop, orderId))
                    .updateExpression("REMOVE notifyPending").conditionExpression("attribute_exists(notifyPending)"));
            return true;
        } catch (ConditionalCheckFailedException notOwed) {
            return false;
        }
    }

    @Override
    public Change clawback(Conversion before, Conversion after, LedgerEntry entry, long balanceBefore) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":v", n(before.version()), ":nv", n(after.version()),
                ":refunded", n(after.refundedMinor()), ":clawed", n(after.clawedPoints()),
                ":applied", AttributeValue.fromSs(List.copyOf(after.appliedRefunds()))));
        Update conversion = Update.builder().tableName(table).key(TableKeys.conversion(before.shop(), before.orderId()))
                .updateExpression("SET version = :nv, refundedMinor = :refunded, clawedPoints = :clawed, appliedRefunds = :applied")
                .conditionExpression("version = :v")
                .expressionAttributeValues(values).build();
        if (entry.points() == 0 && entry.shortfall() == 0) {
            try {
                dynamo.updateItem(b -> b.tableName(table).key(conversion.key())
                        .updateExpression(conversion.updateExpression()).conditionExpression(conversion.conditionExpression())
                        .expressionAttributeValues(conversion.expressionAttributeValues()));
                return Change.APPLIED;
            } catch (ConditionalCheckFailedException moved) {
                return Change.CONFLICT;
            }
        }
        String shop = before.shop();
        String email = before.referrerEmail();
        try {
            transact(List.of(
                    TransactWriteItem.builder().update(conversion).build(),
                    putNew(item(shop, email, entry)),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(TableKeys.pointsBalance(shop, email))
                            .updateExpression("SET balance = :after, updatedAt = :at")
                            .conditionExpression(balanceBefore == 0
                                    ? "attribute_not_exists(balance) OR balance = :before" : "balance = :before")
                            .expressionAttributeValues(Map.of(":before", n(balanceBefore),
                                    ":after", n(balanceBefore + entry.points()), ":at", s(entry.at().toString())))
                            .build()).build()));
            return Change.APPLIED;
        } catch (TransactionCanceledException e) {
            return failedCondition(e, 1) ? Change.ALREADY_APPLIED : Change.CONFLICT;
        }
    }

    @Override
    public Redemption redeem(String shop, String email, LedgerEntry entry, Coupon coupon) {
        long cost = -entry.points();
        if (cost <= 0) {
            throw new IllegalArgumentException("a redemption debits points");
        }
        try {
            transact(List.of(
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(TableKeys.pointsBalance(shop, email))
                            .updateExpression("SET balance = balance - :cost, updatedAt = :at")
                            .conditionExpression("balance >= :cost")
                            .expressionAttributeValues(Map.of(":cost", n(cost), ":at", s(entry.at().toString())))
                            .build()).build(),
                    putNew(item(shop, email, entry)),
                    coupons.createInTransaction(coupon)));
            return Redemption.REDEEMED;
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 1)) {
                return Redemption.ALREADY_REDEEMED;
            }
            if (failedCondition(e, 0)) {
                return Redemption.NOT_ENOUGH_POINTS;
            }
            throw e;
        }
    }

    /**
     * Runs the transaction, trying again when DynamoDB cancelled it only because another transaction was touching
     * the same items at that moment ({@code TransactionConflict}: nothing was checked, nothing written). Conditions
     * are evaluated afresh on each try, so a retry can never apply a change twice.
     */
    private void transact(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                boolean conflictOnly = e.cancellationReasons() != null && e.cancellationReasons().stream()
                        .anyMatch(r -> "TransactionConflict".equals(r.code()))
                        && e.cancellationReasons().stream().noneMatch(r -> "ConditionalCheckFailed".equals(r.code()));
                if (!conflictOnly || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(NOT_STORED)
                .build()).build();
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> item(String shop, String email, LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(
                TableKeys.pointsEntry(shop, email, e.reason().wireName(), e.reference()));
        putS(item, "reason", e.reason().wireName());
        putS(item, "reference", e.reference());
        item.put("points", n(e.points()));
        putInstant(item, "at", e.at());
        putS(item, "friendName", e.friendName());
        if (e.shortfall() != 0) {
            item.put("shortfall", n(e.shortfall()));
        }
        putS(item, "couponCode", e.couponCode());
        putS(item, "note", e.note());
        return item;
    }

    private static LedgerEntry entry(Map<String, AttributeValue> item) {
        return new LedgerEntry(LedgerEntry.Reason.fromWireName(str(item, "reason")), str(item, "reference"),
                num(item, "points", 0), instant(item, "at"), str(item, "friendName"), num(item, "shortfall", 0),
                str(item, "couponCode"), str(item, "note"));
    }

    private static Map<String, AttributeValue> item(Conversion c) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.conversion(c.shop(), c.orderId()));
        putS(item, "referrer", c.referrerEmail());
        putS(item, "code", c.code());
        putS(item, "source", c.source() == null ? null : c.source().wireName());
        putS(item, "status", c.status().name());
        putS(item, "reason", c.rejectReason());
        item.put("points", n(c.points()));
        item.put("orderTotalMinor", n(c.orderTotalMinor()));
        putS(item, "currency", c.currency());
        putInstant(item, "orderPlacedAt", c.orderPlacedAt());
        putInstant(item, "at", c.at());
        item.put("refundedMinor", n(c.refundedMinor()));
        item.put("clawedPoints", n(c.clawedPoints()));
        if (!c.appliedRefunds().isEmpty()) {
            item.put("appliedRefunds", AttributeValue.fromSs(List.copyOf(c.appliedRefunds())));
        }
        item.put("version", n(c.version()));
        return item;
    }

    private static Conversion conversion(Map<String, AttributeValue> item) {
        TableKeys.ConversionKey key = TableKeys.conversionKey(item);
        AttributeValue applied = item.get("appliedRefunds");
        Set<String> refunds = applied == null || !applied.hasSs() ? Set.of() : new HashSet<>(applied.ss());
        return new Conversion(key.shop(), key.orderId(), str(item, "referrer"), str(item, "code"),
                Conversion.Source.fromWireName(str(item, "source")), Conversion.Status.valueOf(str(item, "status")),
                str(item, "reason"), num(item, "points", 0), num(item, "orderTotalMinor", 0), str(item, "currency"),
                instant(item, "orderPlacedAt"), instant(item, "at"), num(item, "refundedMinor", 0),
                num(item, "clawedPoints", 0), refunds, num(item, "version", 0),
                item.containsKey("notifyPending"));
    }
}
