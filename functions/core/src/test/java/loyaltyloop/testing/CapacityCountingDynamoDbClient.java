package loyaltyloop.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A {@link DynamoDbClient} that forwards every call to a real client and counts the capacity units each data call
 * would consume on DynamoDB, computed from the <em>real</em> item sizes with DynamoDB's own rules rather than taken
 * from {@code ReturnConsumedCapacity} (which an emulator may fake). This is how docs/performance.md measures WCU
 * per order: wrap the context's client, run the flow, read {@link #wcu()} and {@link #wcuByOperation()}.
 *
 * <h2>Item size</h2>
 * The sum over attributes of the UTF-8 length of the name plus the value's size: S = UTF-8 bytes; N = one byte per
 * two significant digits (aligned on the decimal point) + 1, + 1 more when negative, 21 at most; B = its bytes;
 * BOOL and NULL = 1; SS/NS/BS = the sum of the members; L and M = 3 bytes + for each element 1 byte + its size
 * (map elements also count their name). See {@link #itemSize(Map)}.
 *
 * <h2>Writes (1 WCU per started KB)</h2>
 * <ul>
 *   <li>PutItem: {@code ceil(max(old item, new item) / 1 KB)}, at least 1.</li>
 *   <li>UpdateItem: {@code ceil(max(item before, item after) / 1 KB)}, at least 1.</li>
 *   <li>DeleteItem: {@code ceil(deleted item / 1 KB)}, at least 1 (also when nothing was there).</li>
 *   <li>A write whose condition fails is still charged: {@code ceil(max(existing item, new item) / 1 KB)}
 *       for a put, the existing item for an update or delete, at least 1; it writes no index entry.</li>
 *   <li>TransactWriteItems: twice the units of the same write outside a transaction, per action; a
 *       ConditionCheck is charged as a write of the checked item. A cancelled transaction is charged in full
 *       (outcome {@code cancelled}), an upper bound: what DynamoDB bills for a cancelled transaction is not
 *       documented precisely.</li>
 *   <li>BatchWriteItem: each processed put or delete as above; unprocessed items are not charged.</li>
 *   <li>Secondary indexes (GSI and LSI, read once per table with DescribeTable): for each index whose key
 *       attributes are all on the written item, the index entry (table keys + index keys + projected attributes
 *       + 100 bytes) is written in whole KB; when the write changes the entry's keys, or removes them, deleting
 *       the old entry is charged too; when only projected attributes change, one write of the larger entry.
 *       Index writes are never doubled by a transaction.</li>
 * </ul>
 *
 * <h2>Reads (1 RCU per started 4 KB, strongly consistent; half of that eventually consistent)</h2>
 * <ul>
 *   <li>GetItem: the full item's size (a projection does not make it cheaper), at least one unit even when
 *       the item is missing.</li>
 *   <li>Query and Scan: the sum of the sizes of every item <em>evaluated</em> (before a filter, without a
 *       projection: the call is repeated without them to see those items), rounded up once per call, at least
 *       one unit. Items read from an index are sized as the index returns them.</li>
 *   <li>BatchGetItem: each processed key as its own GetItem. TransactGetItems: twice a strongly consistent
 *       GetItem per item.</li>
 * </ul>
 *
 * <p>The item before a write and after an update are read through the delegate with consistent GetItems that are
 * <em>not</em> counted; neither is DescribeTable. Those reads are not atomic with the write, so under concurrent
 * writers to one item a charge may be sized from a neighbour's version (a few bytes off, never a whole call).
 * PartiQL calls are forwarded but not measured: {@link #unmeasuredCalls()} says how many there were. Counting is
 * thread-safe.
 */
public final class CapacityCountingDynamoDbClient implements DynamoDbClient {

    public static final int WRITE_UNIT_BYTES = 1024;
    public static final int READ_UNIT_BYTES = 4096;
    public static final int INDEX_ENTRY_OVERHEAD_BYTES = 100;

    /** Read or write capacity. */
    public enum Capacity { READ, WRITE }

    /**
     * One charge.
     *
     * @param operation the API operation, e.g. {@code PutItem}
     * @param index null for the table itself, else the index whose entry was written
     * @param partitionKey the item's partition key value as a string (to group charges by item kind); null for a query
     * @param sortKey the item's sort key value; null for a query or a table without one
     * @param bytes the size the units were computed from
     * @param outcome {@code ok}, {@code condition-failed} or {@code cancelled}
     */
    public record Charge(String operation, String table, String index, Capacity capacity, double units, long bytes,
            String partitionKey, String sortKey, String outcome) {

        /** The label {@link #wcuByOperation()} groups by: the operation, plus the index name for index writes. */
        public String label() {
            return index == null ? operation : operation + " " + index;
        }
    }

    private final DynamoDbClient delegate;
    private final Map<String, TableShape> shapes = new ConcurrentHashMap<>();
    private final List<Charge> charges = new ArrayList<>();
    private final Map<String, Integer> unmeasured = new TreeMap<>();
    private int calls;

    public CapacityCountingDynamoDbClient(DynamoDbClient delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    public DynamoDbClient delegate() {
        return delegate;
    }

    // ------------------------------------------------------------------------------------------------ results

    /** Write capacity units charged since creation or the last {@link #reset()}. */
    public synchronized double wcu() {
        return sum(Capacity.WRITE);
    }

    /** Read capacity units charged since creation or the last {@link #reset()}. */
    public synchronized double rcu() {
        return sum(Capacity.READ);
    }

    /** WCU by {@link Charge#label()}: {@code PutItem}, {@code UpdateItem}, ..., {@code PutItem DueIndex}. */
    public synchronized Map<String, Double> wcuByOperation() {
        return byLabel(Capacity.WRITE);
    }

    /** RCU by operation. */
    public synchronized Map<String, Double> rcuByOperation() {
        return byLabel(Capacity.READ);
    }

    /** Every charge so far, oldest first. */
    public synchronized List<Charge> charges() {
        return List.copyOf(charges);
    }

    /**
     * WCU by partition key (an index write by the index's partition key, prefixed with the index's name), most first:
     * what one partition must absorb, since DynamoDB allows each partition 1,000 WCU a second.
     */
    public synchronized Map<String, Double> wcuByPartition() {
        Map<String, Double> by = new TreeMap<>();
        for (Charge c : charges) {
            if (c.capacity() == Capacity.WRITE && c.partitionKey() != null) {
                by.merge(c.index() == null ? c.partitionKey() : c.index() + " " + c.partitionKey(), c.units(),
                        Double::sum);
            }
        }
        return by;
    }

    /** DynamoDB calls the code under test made since creation or the last {@link #reset()} (each a round trip). */
    public synchronized int calls() {
        return calls;
    }

    /** PartiQL operations that were forwarded without being measured, by operation. */
    public synchronized Map<String, Integer> unmeasuredCalls() {
        return Map.copyOf(unmeasured);
    }

    public synchronized void reset() {
        calls = 0;
        charges.clear();
        unmeasured.clear();
    }

    /** One line per charge and the totals, for a benchmark's output. */
    public synchronized String describe() {
        StringBuilder out = new StringBuilder();
        for (Charge c : charges) {
            out.append(String.format("%-5s %5.1f  %-22s %6d B  %s%s%s%n", c.capacity(), c.units(), c.label(),
                    c.bytes(), c.partitionKey(), c.sortKey() == null ? "" : " / " + c.sortKey(),
                    "ok".equals(c.outcome()) ? "" : "  (" + c.outcome() + ")"));
        }
        out.append(String.format("total %.1f WCU, %.1f RCU%n", sum(Capacity.WRITE), sum(Capacity.READ)));
        return out.toString();
    }

    private double sum(Capacity capacity) {
        return charges.stream().filter(c -> c.capacity() == capacity).mapToDouble(Charge::units).sum();
    }

    private Map<String, Double> byLabel(Capacity capacity) {
        Map<String, Double> by = new TreeMap<>();
        charges.stream().filter(c -> c.capacity() == capacity).forEach(c -> by.merge(c.label(), c.units(), Double::sum));
        return by;
    }

    private synchronized void charge(Charge charge) {
        charges.add(charge);
    }

    private synchronized void countUnmeasured(String operation) {
        unmeasured.merge(operation, 1, Integer::sum);
    }

    // ------------------------------------------------------------------------------------------------ sizes

    /** An item's size in bytes by DynamoDB's rules; 0 for a missing item. */
    public static long itemSize(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8Length(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    /** One attribute value's size in bytes (without its name). */
    public static long valueSize(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8Length(value.s());
            case N:
                return numberSize(value.n());
            case B:
                return value.b().asByteArray().length;
            case BOOL:
            case NUL:
                return 1;
            case SS:
                return value.ss().stream().mapToLong(CapacityCountingDynamoDbClient::utf8Length).sum();
            case NS:
                return value.ns().stream().mapToLong(CapacityCountingDynamoDbClient::numberSize).sum();
            case BS:
                return value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L: {
                long size = 3;
                for (AttributeValue element : value.l()) {
                    size += 1 + valueSize(element);
                }
                return size;
            }
            case M: {
                long size = 3;
                for (Map.Entry<String, AttributeValue> element : value.m().entrySet()) {
                    size += 1 + utf8Length(element.getKey()) + valueSize(element.getValue());
                }
                return size;
            }
            default:
                throw new IllegalArgumentException("unknown attribute value type " + value);
        }
    }

    /**
     * A number's size: DynamoDB stores digits in pairs aligned on the decimal point, without leading or trailing
     * zero pairs, plus one byte of exponent and one more for a negative sign; 0 takes 1 byte, 21 bytes at most.
     */
    public static long numberSize(String number) {
        BigDecimal value = new BigDecimal(number.trim());
        if (value.signum() == 0) {
            return 1;
        }
        String plain = value.abs().stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        if (integer.equals("0")) {
            integer = "";
        }
        if (integer.length() % 2 != 0) {
            integer = "0" + integer;
        }
        if (fraction.length() % 2 != 0) {
            fraction = fraction + "0";
        }
        String digits = integer + fraction;
        while (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        while (digits.endsWith("00")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        long size = digits.length() / 2 + 1 + (value.signum() < 0 ? 1 : 0);
        return Math.min(size, 21);
    }

    private static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Write units for an item of this size: whole KB, at least 1. */
    public static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    /** Read units for this many bytes: whole 4 KB, at least 1, halved when eventually consistent. */
    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2;
    }

    // ------------------------------------------------------------------------------------------------ table shapes

    private record IndexShape(String name, List<String> keys, ProjectionType projection, Set<String> included) {
    }

    private record TableShape(List<String> keys, List<IndexShape> indexes) {

        Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String name : keys) {
                AttributeValue value = item.get(name);
                if (value != null) {
                    key.put(name, value);
                }
            }
            return key;
        }

        /** The entry the index holds for the item, or null when the item is not in the index. */
        Map<String, AttributeValue> indexEntry(IndexShape index, Map<String, AttributeValue> item) {
            if (item == null || item.isEmpty() || !item.keySet().containsAll(index.keys())) {
                return null;
            }
            if (index.projection() == ProjectionType.ALL) {
                return item;
            }
            Map<String, AttributeValue> entry = new HashMap<>(keyOf(item));
            index.keys().forEach(k -> entry.put(k, item.get(k)));
            index.included().stream().filter(item::containsKey).forEach(a -> entry.put(a, item.get(a)));
            return entry;
        }
    }

    private TableShape shape(String table) {
        return shapes.computeIfAbsent(table, t -> {
            TableDescription d = delegate.describeTable(b -> b.tableName(t)).table();
            List<IndexShape> indexes = new ArrayList<>();
            for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
                indexes.add(index(g.indexName(), g.keySchema(), g.projection()));
            }
            for (LocalSecondaryIndexDescription l : d.localSecondaryIndexes()) {
                indexes.add(index(l.indexName(), l.keySchema(), l.projection()));
            }
            return new TableShape(d.keySchema().stream().map(KeySchemaElement::attributeName).toList(),
                    List.copyOf(indexes));
        });
    }

    private static IndexShape index(String name, List<KeySchemaElement> keySchema, Projection projection) {
        ProjectionType type = projection == null || projection.projectionType() == null
                ? ProjectionType.KEYS_ONLY : projection.projectionType();
        Set<String> included = projection == null ? Set.of() : Set.copyOf(projection.nonKeyAttributes());
        return new IndexShape(name, keySchema.stream().map(KeySchemaElement::attributeName).toList(), type, included);
    }

    /** The stored item, read through the delegate (not counted); null when there is none. */
    private Map<String, AttributeValue> peek(String table, Map<String, AttributeValue> key) {
        GetItemResponse response = delegate.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(true).build());
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    // ------------------------------------------------------------------------------------------------ charging

    private void chargeWrite(String operation, String table, TableShape shape, Map<String, AttributeValue> key,
            long bytes, int multiplier, String outcome) {
        charge(new Charge(operation, table, null, Capacity.WRITE, multiplier * writeUnits(bytes), bytes,
                keyPart(shape, key, 0), keyPart(shape, key, 1), outcome));
    }

    private void chargeIndexes(String operation, String table, TableShape shape, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        if (before == null && after == null) {
            return;
        }
        Map<String, AttributeValue> key = shape.keyOf(after != null ? after : before);
        for (IndexShape index : shape.indexes()) {
            Map<String, AttributeValue> old = shape.indexEntry(index, before);
            Map<String, AttributeValue> now = shape.indexEntry(index, after);
            if (old == null && now == null || Objects.equals(old, now)) {
                continue;
            }
            long oldBytes = old == null ? 0 : itemSize(old) + INDEX_ENTRY_OVERHEAD_BYTES;
            long newBytes = now == null ? 0 : itemSize(now) + INDEX_ENTRY_OVERHEAD_BYTES;
            double units;
            if (old == null) {
                units = writeUnits(newBytes);
            } else if (now == null) {
                units = writeUnits(oldBytes);
            } else if (sameValues(index.keys(), old, now)) {
                units = writeUnits(Math.max(oldBytes, newBytes)); // a projected attribute changed
            } else {
                units = writeUnits(oldBytes) + writeUnits(newBytes); // the entry moves: delete + put
            }
            // The index's own partition (where its write throughput is spent), and the item's sort key.
            AttributeValue indexPartition = (now != null ? now : old).get(index.keys().get(0));
            charge(new Charge(operation, table, index.name(), Capacity.WRITE, units, Math.max(oldBytes, newBytes),
                    indexPartition == null ? keyPart(shape, key, 0) : text(indexPartition), keyPart(shape, key, 1),
                    "ok"));
        }
    }

    private void chargeRead(String operation, String table, TableShape shape, Map<String, AttributeValue> key,
            long bytes, double units) {
        charge(new Charge(operation, table, null, Capacity.READ, units, bytes,
                key == null ? null : keyPart(shape, key, 0), key == null ? null : keyPart(shape, key, 1), "ok"));
    }

    private static boolean sameValues(List<String> names, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return names.stream().allMatch(n -> Objects.equals(a.get(n), b.get(n)));
    }

    private static String keyPart(TableShape shape, Map<String, AttributeValue> key, int position) {
        if (shape == null || key == null || shape.keys().size() <= position) {
            return null;
        }
        AttributeValue value = key.get(shape.keys().get(position));
        return value == null ? null : text(value);
    }

    private static String text(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            default -> value.toString();
        };
    }

    private static long larger(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return Math.max(itemSize(a), itemSize(b));
    }

    private synchronized void countCall() {
        calls++;
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        countCall();
        String table = request.tableName();
        TableShape shape = shape(table);
        Map<String, AttributeValue> key = shape.keyOf(request.item());
        Map<String, AttributeValue> before = peek(table, key);
        PutItemResponse response;
        try {
            response = delegate.putItem(request);
        } catch (ConditionalCheckFailedException e) {
            chargeWrite("PutItem", table, shape, key, larger(before, request.item()), 1, "condition-failed");
            throw e;
        }
        chargeWrite("PutItem", table, shape, key, larger(before, request.item()), 1, "ok");
        chargeIndexes("PutItem", table, shape, before, request.item());
        return response;
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        countCall();
        String table = request.tableName();
        TableShape shape = shape(table);
        Map<String, AttributeValue> before = peek(table, request.key());
        UpdateItemResponse response;
        try {
            response = delegate.updateItem(request);
        } catch (ConditionalCheckFailedException e) {
            chargeWrite("UpdateItem", table, shape, request.key(), itemSize(before), 1, "condition-failed");
            throw e;
        }
        Map<String, AttributeValue> after = peek(table, request.key());
        chargeWrite("UpdateItem", table, shape, request.key(), larger(before, after), 1, "ok");
        chargeIndexes("UpdateItem", table, shape, before, after);
        return response;
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        countCall();
        String table = request.tableName();
        TableShape shape = shape(table);
        Map<String, AttributeValue> before = peek(table, request.key());
        DeleteItemResponse response;
        try {
            response = delegate.deleteItem(request);
        } catch (ConditionalCheckFailedException e) {
            chargeWrite("DeleteItem", table, shape, request.key(), itemSize(before), 1, "condition-failed");
            throw e;
        }
        chargeWrite("DeleteItem", table, shape, request.key(), itemSize(before), 1, "ok");
        chargeIndexes("DeleteItem", table, shape, before, null);
        return response;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        countCall();
        Map<String, Map<WriteRequest, Map<String, AttributeValue>>> befores = new LinkedHashMap<>();
        request.requestItems().forEach((table, writes) -> {
            TableShape shape = shape(table);
            Map<WriteRequest, Map<String, AttributeValue>> byWrite = new LinkedHashMap<>();
            for (WriteRequest write : writes) {
                Map<String, AttributeValue> key = write.putRequest() != null
                        ? shape.keyOf(write.putRequest().item()) : write.deleteRequest().key();
                Map<String, AttributeValue> before = peek(table, key);
                byWrite.put(write, before == null ? Map.of() : before);
            }
            befores.put(table, byWrite);
        });
        BatchWriteItemResponse response = delegate.batchWriteItem(request);
        befores.forEach((table, byWrite) -> {
            TableShape shape = shape(table);
            List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            byWrite.forEach((write, storedBefore) -> {
                if (unprocessed.contains(write)) {
                    return;
                }
                Map<String, AttributeValue> before = storedBefore.isEmpty() ? null : storedBefore;
                if (write.putRequest() != null) {
                    Map<String, AttributeValue> item = write.putRequest().item();
                    chargeWrite("BatchWriteItem", table, shape, shape.keyOf(item), larger(before, item), 1, "ok");
                    chargeIndexes("BatchWriteItem", table, shape, before, item);
                } else {
                    chargeWrite("BatchWriteItem", table, shape, write.deleteRequest().key(), itemSize(before), 1, "ok");
                    chargeIndexes("BatchWriteItem", table, shape, before, null);
                }
            });
        });
        return response;
    }

    /** One action of a transaction, with the item as it was before. */
    private record Action(String table, TableShape shape, Map<String, AttributeValue> key,
            Map<String, AttributeValue> before, Map<String, AttributeValue> putItem, boolean update, boolean check) {
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        countCall();
        List<Action> actions = new ArrayList<>();
        for (TransactWriteItem item : request.transactItems()) {
            if (item.put() != null) {
                TableShape shape = shape(item.put().tableName());
                Map<String, AttributeValue> key = shape.keyOf(item.put().item());
                actions.add(new Action(item.put().tableName(), shape, key, peek(item.put().tableName(), key),
                        item.put().item(), false, false));
            } else if (item.update() != null) {
                Update u = item.update();
                actions.add(new Action(u.tableName(), shape(u.tableName()), u.key(), peek(u.tableName(), u.key()),
                        null, true, false));
            } else if (item.delete() != null) {
                Delete d = item.delete();
                actions.add(new Action(d.tableName(), shape(d.tableName()), d.key(), peek(d.tableName(), d.key()),
                        null, false, false));
            } else if (item.conditionCheck() != null) {
                ConditionCheck c = item.conditionCheck();
                actions.add(new Action(c.tableName(), shape(c.tableName()), c.key(), peek(c.tableName(), c.key()),
                        null, false, true));
            }
        }
        TransactWriteItemsResponse response;
        try {
            response = delegate.transactWriteItems(request);
        } catch (TransactionCanceledException e) {
            for (Action a : actions) {
                chargeWrite("TransactWriteItems", a.table(), a.shape(), a.key(), larger(a.before(), a.putItem()), 2,
                        "cancelled");
            }
            throw e;
        }
        for (Action a : actions) {
            Map<String, AttributeValue> after;
            if (a.check()) {
                after = a.before();
            } else if (a.putItem() != null) {
                after = a.putItem();
            } else if (a.update()) {
                after = peek(a.table(), a.key());
            } else {
                after = null;
            }
            chargeWrite("TransactWriteItems", a.table(), a.shape(), a.key(), larger(a.before(), after), 2, "ok");
            if (!a.check()) {
                chargeIndexes("TransactWriteItems", a.table(), a.shape(), a.before(), after);
            }
        }
        return response;
    }

    // ------------------------------------------------------------------------------------------------ reads

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        countCall();
        GetItemResponse response = delegate.getItem(request);
        String table = request.tableName();
        TableShape shape = shape(table);
        boolean projected = request.projectionExpression() != null || request.hasAttributesToGet();
        Map<String, AttributeValue> item = projected ? peek(table, request.key())
                : response.hasItem() && !response.item().isEmpty() ? response.item() : null;
        long bytes = itemSize(item);
        chargeRead("GetItem", table, shape, request.key(), bytes,
                readUnits(bytes, Boolean.TRUE.equals(request.consistentRead())));
        return response;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        countCall();
        BatchGetItemResponse response = delegate.batchGetItem(request);
        request.requestItems().forEach((table, wanted) -> {
            TableShape shape = shape(table);
            KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
            for (Map<String, AttributeValue> key : wanted.keys()) {
                if (unprocessed != null && unprocessed.keys().contains(key)) {
                    continue;
                }
                long bytes = itemSize(peek(table, key));
                chargeRead("BatchGetItem", table, shape, key, bytes,
                        readUnits(bytes, Boolean.TRUE.equals(wanted.consistentRead())));
            }
        });
        return response;
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        countCall();
        TransactGetItemsResponse response = delegate.transactGetItems(request);
        for (TransactGetItem item : request.transactItems()) {
            Get get = item.get();
            TableShape shape = shape(get.tableName());
            long bytes = itemSize(peek(get.tableName(), get.key()));
            chargeRead("TransactGetItems", get.tableName(), shape, get.key(), bytes, 2 * readUnits(bytes, true));
        }
        return response;
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        countCall();
        QueryResponse response = delegate.query(request);
        boolean narrowed = request.filterExpression() != null || request.hasQueryFilter()
                || request.projectionExpression() != null || request.hasAttributesToGet() || request.select() != null;
        List<Map<String, AttributeValue>> evaluated = response.items();
        if (narrowed) {
            Set<String> expressions = new LinkedHashSet<>();
            expressions.add(request.keyConditionExpression());
            QueryRequest plain = request.toBuilder().filterExpression(null).queryFilter(null)
                    .conditionalOperator((String) null).projectionExpression(null)
                    .attributesToGet((Collection<String>) null).select((String) null)
                    .expressionAttributeNames(referenced(request.expressionAttributeNames(), expressions))
                    .expressionAttributeValues(referenced(request.expressionAttributeValues(), expressions))
                    .build();
            evaluated = delegate.query(plain).items();
        }
        long bytes = evaluated.stream().mapToLong(CapacityCountingDynamoDbClient::itemSize).sum();
        chargeRead(request.indexName() == null ? "Query" : "Query " + request.indexName(), request.tableName(),
                null, null, bytes, readUnits(bytes, Boolean.TRUE.equals(request.consistentRead())));
        return response;
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        countCall();
        ScanResponse response = delegate.scan(request);
        boolean narrowed = request.filterExpression() != null || request.hasScanFilter()
                || request.projectionExpression() != null || request.hasAttributesToGet() || request.select() != null;
        List<Map<String, AttributeValue>> evaluated = response.items();
        if (narrowed) {
            ScanRequest plain = request.toBuilder().filterExpression(null).scanFilter(null)
                    .conditionalOperator((String) null).projectionExpression(null)
                    .attributesToGet((Collection<String>) null).select((String) null)
                    .expressionAttributeNames(null).expressionAttributeValues(null)
                    .build();
            evaluated = delegate.scan(plain).items();
        }
        long bytes = evaluated.stream().mapToLong(CapacityCountingDynamoDbClient::itemSize).sum();
        chargeRead(request.indexName() == null ? "Scan" : "Scan " + request.indexName(), request.tableName(),
                null, null, bytes, readUnits(bytes, Boolean.TRUE.equals(request.consistentRead())));
        return response;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    /** The placeholders the remaining expressions still use (DynamoDB refuses unused ones). */
    private static <V> Map<String, V> referenced(Map<String, V> placeholders, Collection<String> expressions) {
        if (placeholders == null || placeholders.isEmpty()) {
            return null;
        }
        Set<String> used = new LinkedHashSet<>();
        for (String expression : expressions) {
            if (expression != null) {
                Matcher m = PLACEHOLDER.matcher(expression);
                while (m.find()) {
                    used.add(m.group());
                }
            }
        }
        Map<String, V> kept = new LinkedHashMap<>();
        placeholders.forEach((name, value) -> {
            if (used.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept.isEmpty() ? null : kept;
    }

    // ------------------------------------------------------------------------------------------------ PartiQL

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        countCall();
        countUnmeasured("ExecuteStatement");
        return delegate.executeStatement(request);
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        countCall();
        countUnmeasured("BatchExecuteStatement");
        return delegate.batchExecuteStatement(request);
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        countCall();
        countUnmeasured("ExecuteTransaction");
        return delegate.executeTransaction(request);
    }

    // ------------------------------------------------------------------------------------------------ client

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return delegate.serviceClientConfiguration();
    }

    /** Waiters poll through this client (their DescribeTable calls are not capacity). */
    @Override
    public DynamoDbWaiter waiter() {
        return DynamoDbWaiter.builder().client(this).build();
    }

    @Override
    public void close() {
        delegate.close();
    }

    // ------------------------------------------------------------------------------------------------ forwarded as is

    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        countCall();
        return delegate.createBackup(request);
    }

    @Override
    public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
        countCall();
        return delegate.createGlobalTable(request);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        countCall();
        return delegate.createTable(request);
    }

    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        countCall();
        return delegate.deleteBackup(request);
    }

    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
        countCall();
        return delegate.deleteResourcePolicy(request);
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        countCall();
        return delegate.deleteTable(request);
    }

    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        countCall();
        return delegate.describeBackup(request);
    }

    @Override
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        countCall();
        return delegate.describeContinuousBackups(request);
    }

    @Override
    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest request) {
        countCall();
        return delegate.describeContributorInsights(request);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        countCall();
        return delegate.describeEndpoints(request);
    }

    @Override
    public DescribeExportResponse describeExport(DescribeExportRequest request) {
        countCall();
        return delegate.describeExport(request);
    }

    @Override
    public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
        countCall();
        return delegate.describeGlobalTable(request);
    }

    @Override
    public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
        countCall();
        return delegate.describeGlobalTableSettings(request);
    }

    @Override
    public DescribeImportResponse describeImport(DescribeImportRequest request) {
        countCall();
        return delegate.describeImport(request);
    }

    @Override
    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(DescribeKinesisStreamingDestinationRequest request) {
        countCall();
        return delegate.describeKinesisStreamingDestination(request);
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        countCall();
        return delegate.describeLimits(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        countCall();
        return delegate.describeTable(request);
    }

    @Override
    public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(DescribeTableReplicaAutoScalingRequest request) {
        countCall();
        return delegate.describeTableReplicaAutoScaling(request);
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        countCall();
        return delegate.describeTimeToLive(request);
    }

    @Override
    public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(DisableKinesisStreamingDestinationRequest request) {
        countCall();
        return delegate.disableKinesisStreamingDestination(request);
    }

    @Override
    public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(EnableKinesisStreamingDestinationRequest request) {
        countCall();
        return delegate.enableKinesisStreamingDestination(request);
    }

    @Override
    public ExportTableToPointInTimeResponse exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
        countCall();
        return delegate.exportTableToPointInTime(request);
    }

    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
        countCall();
        return delegate.getResourcePolicy(request);
    }

    @Override
    public ImportTableResponse importTable(ImportTableRequest request) {
        countCall();
        return delegate.importTable(request);
    }

    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        countCall();
        return delegate.listBackups(request);
    }

    @Override
    public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest request) {
        countCall();
        return delegate.listContributorInsights(request);
    }

    @Override
    public ListExportsResponse listExports(ListExportsRequest request) {
        countCall();
        return delegate.listExports(request);
    }

    @Override
    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
        countCall();
        return delegate.listGlobalTables(request);
    }

    @Override
    public ListImportsResponse listImports(ListImportsRequest request) {
        countCall();
        return delegate.listImports(request);
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        countCall();
        return delegate.listTables(request);
    }

    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        countCall();
        return delegate.listTagsOfResource(request);
    }

    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
        countCall();
        return delegate.putResourcePolicy(request);
    }

    @Override
    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        countCall();
        return delegate.restoreTableFromBackup(request);
    }

    @Override
    public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
        countCall();
        return delegate.restoreTableToPointInTime(request);
    }

    @Override
    public SearchVectorsResponse searchVectors(SearchVectorsRequest request) {
        countCall();
        return delegate.searchVectors(request);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        countCall();
        return delegate.tagResource(request);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        countCall();
        return delegate.untagResource(request);
    }

    @Override
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        countCall();
        return delegate.updateContinuousBackups(request);
    }

    @Override
    public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest request) {
        countCall();
        return delegate.updateContributorInsights(request);
    }

    @Override
    public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
        countCall();
        return delegate.updateGlobalTable(request);
    }

    @Override
    public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
        countCall();
        return delegate.updateGlobalTableSettings(request);
    }

    @Override
    public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(UpdateKinesisStreamingDestinationRequest request) {
        countCall();
        return delegate.updateKinesisStreamingDestination(request);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        countCall();
        return delegate.updateTable(request);
    }

    @Override
    public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(UpdateTableReplicaAutoScalingRequest request) {
        countCall();
        return delegate.updateTableReplicaAutoScaling(request);
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        countCall();
        return delegate.updateTimeToLive(request);
    }
}
