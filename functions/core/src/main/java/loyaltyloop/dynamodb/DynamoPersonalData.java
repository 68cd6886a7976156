package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.s;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import loyaltyloop.json.Json;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.privacy.CustomerFile;
import loyaltyloop.privacy.PersonalData;
import loyaltyloop.privacy.PersonalFields;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A customer's items found by key (see docs/data-model.md, "Everything of one customer"): the customer partition
 * (profile, activity, a pointer per order), each order's partition, its survey and conversion, the coupons named
 * by those and by the points ledger, the points partition, the referral code, the digest notes of the last days.
 * Nothing here scans except {@link #eraseShopPage}, which runs only in the background privacy function.
 */
@Singleton
public class DynamoPersonalData implements PersonalData {

    /** Digest notes live 14 days (their TTL); a day more covers TTL's lag. */
    private static final int DIGEST_DAYS = 15;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final int shopErasurePage;

    /** @param shopErasurePage items read per page of a shop's deletion (a Scan page; 500 unless configured) */
    public DynamoPersonalData(DynamoDbClient dynamo, @Value("${loyalty.table}") String table, Clock clock,
            @Value("${loyalty.privacy.shop-erasure-page:500}") int shopErasurePage) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.shopErasurePage = shopErasurePage;
    }

    @Override
    public CustomerFile collect(String shop, String email) {
        Map<String, AttributeValue> profile = get(TableKeys.customer(shop, email));
        Set<String> orderIds = orderIds(shop, email, profile);
        List<Map<String, Object>> orders = new ArrayList<>();
        List<Map<String, Object>> surveys = new ArrayList<>();
        List<Map<String, Object>> received = new ArrayList<>();
        Set<String> couponCodes = new LinkedHashSet<>();
        for (String orderId : orderIds) {
            Map<String, Object> order = null;
            List<Map<String, Object>> refunds = new ArrayList<>();
            for (Map<String, AttributeValue> item : query(TableKeys.orderPartition(shop, orderId), null)) {
                if ("ORDER".equals(TableKeys.sortKey(item))) {
                    order = plain(item);
                    String json = str(item, "order");
                    if (json != null) {
                        order.put("order", Json.MAPPER.convertValue(Json.read(json), Map.class));
                    }
                } else {
                    Map<String, Object> refund = plain(item);
                    refund.put("refundId", TableKeys.sortKey(item).substring(TableKeys.REFUND.length()));
                    refunds.add(refund);
                }
            }
            if (order != null) {
                order.put("orderId", orderId);
                order.put("refunds", refunds);
                orders.add(order);
            }
            Map<String, AttributeValue> survey = get(TableKeys.survey(shop, orderId));
            if (survey != null) {
                Map<String, Object> answer = plain(survey);
                answer.put("orderId", orderId);
                surveys.add(answer);
                if (str(survey, "couponCode") != null) {
                    couponCodes.add(str(survey, "couponCode"));
                }
            }
            Map<String, AttributeValue> conversion = get(TableKeys.conversion(shop, orderId));
            if (conversion != null) {
                Map<String, Object> c = plain(conversion);
                c.remove("referrer"); // someone else's address
                c.put("orderId", orderId);
                received.add(c);
            }
        }
        Map<String, Object> balance = null;
        List<Map<String, Object>> entries = new ArrayList<>();
        Set<String> referredOrders = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : query(TableKeys.pointsPartition(shop, email), null)) {
            if (TableKeys.isPointsBalance(item)) {
                balance = plain(item);
            } else {
                entries.add(plain(item));
                if (str(item, "couponCode") != null) {
                    couponCodes.add(str(item, "couponCode"));
                }
                if ("referral".equals(str(item, "reason")) && str(item, "reference") != null) {
                    referredOrders.add(str(item, "reference"));
                }
            }
        }
        List<Map<String, Object>> made = new ArrayList<>();
        for (String orderId : referredOrders) {
            Map<String, AttributeValue> conversion = get(TableKeys.conversion(shop, orderId));
            if (conversion != null && email.equals(str(conversion, "referrer"))) {
                Map<String, Object> c = plain(conversion);
                c.put("orderId", orderId);
                made.add(c);
            }
        }
        List<Map<String, Object>> coupons = new ArrayList<>();
        for (String code : couponCodes) {
            Map<String, AttributeValue> coupon = get(TableKeys.coupon(shop, code));
            if (coupon != null && email.equals(str(coupon, "email"))) {
                coupons.add(plain(coupon));
            }
        }
        Map<String, Object> referralCode = null;
        String code = profile == null ? null : str(profile, "referralCode");
        if (code != null) {
            Map<String, AttributeValue> item = get(TableKeys.referralCode(shop, code));
            if (item != null && email.equals(str(item, "email"))) {
                referralCode = plain(item);
                referralCode.put("code", code);
            }
        }
        List<Map<String, Object>> notes = new ArrayList<>();
        for (Map<String, AttributeValue> note : digestNotes(shop, email)) {
            notes.add(plain(note));
        }
        Map<String, Object> profileValues = profile == null ? null : plain(profile);
        if (profileValues != null && !profileValues.containsKey(DynamoCustomerStore.LAST_ACTIVE_AT)) {
            legacyLastActivity(shop, email).ifPresent(at -> profileValues.put(DynamoCustomerStore.LAST_ACTIVE_AT, at));
        }
        return new CustomerFile(shop, email, profileValues, orders, surveys, coupons,
                balance, entries, made, received, referralCode, notes, List.copyOf(orderIds));
    }

    /** The profile remembers the last 30 orders; pointers in the customer's partition the ones it forgot. */
    private Set<String> orderIds(String shop, String email, Map<String, AttributeValue> profile) {
        Set<String> orderIds = new LinkedHashSet<>();
        if (profile != null) {
            AttributeValue counted = profile.get("countedOrders");
            if (counted != null && counted.hasM()) {
                orderIds.addAll(new TreeMap<>(counted.m()).keySet());
            }
            AttributeValue affirmed = profile.get("affirmedOrders");
            if (affirmed != null && affirmed.hasL()) {
                affirmed.l().forEach(id -> orderIds.add(id.s()));
            }
        }
        for (Map<String, AttributeValue> item : query(TableKeys.customerItems(shop, email), null)) {
            String orderId = TableKeys.pointedOrder(item);
            if (orderId != null) {
                orderIds.add(orderId);
            }
        }
        return orderIds;
    }

    @Override
    public void erase(CustomerFile file, String pseudonym) {
        String shop = file.shop();
        String email = file.email();
        for (String orderId : file.orderIds()) {
            eraseFromOrder(shop, orderId, pseudonym);
            Map<String, AttributeValue> survey = get(TableKeys.survey(shop, orderId));
            if (survey != null && email.equals(str(survey, "email"))) {
                update(TableKeys.survey(shop, orderId), "SET email = :p REMOVE #comment",
                        Map.of("#comment", "comment"), Map.of(":p", s(pseudonym)));
            }
            // The referrer's ledger names this customer as the friend who ordered.
            Map<String, AttributeValue> conversion = get(TableKeys.conversion(shop, orderId));
            String referrer = conversion == null ? null : str(conversion, "referrer");
            if (referrer != null && !referrer.equals(email)) {
                for (Map<String, AttributeValue> entry : query(TableKeys.pointsPartition(shop, referrer), null)) {
                    String reference = str(entry, "reference");
                    if (entry.containsKey("friendName") && reference != null && reference.contains(orderId)) {
                        update(key(entry), "REMOVE friendName", Map.of(), Map.of());
                    }
                }
            }
        }
        for (Map<String, Object> made : file.referralsMade()) {
            update(TableKeys.conversion(shop, (String) made.get("orderId")), "SET referrer = :p",
                    Map.of(), Map.of(":p", s(pseudonym)));
        }
        for (Map<String, Object> coupon : file.coupons()) {
            update(TableKeys.coupon(shop, (String) coupon.get("code")), "SET email = :p", Map.of(),
                    Map.of(":p", s(pseudonym)));
        }
        List<Map<String, AttributeValue>> doomed = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(TableKeys.pointsPartition(shop, email), null)) {
            doomed.add(key(item));
        }
        if (file.referralCode() != null) {
            doomed.add(TableKeys.referralCode(shop, (String) file.referralCode().get("code")));
        }
        for (Map<String, AttributeValue> note : digestNotes(shop, email)) {
            doomed.add(key(note));
        }
        deleteAll(doomed);
        // Last, so an erasure interrupted before here finds everything again from the profile when retried.
        List<Map<String, AttributeValue>> customerItems = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(TableKeys.customerItems(shop, email), null)) {
            customerItems.add(key(item));
        }
        deleteAll(customerItems);
    }

    @Override
    public boolean eraseFromOrder(String shop, String orderId, String pseudonym) {
        Map<String, AttributeValue> item = get(TableKeys.order(shop, orderId));
        if (item == null || str(item, "order") == null) {
            return false;
        }
        Order order = OrderJson.fromJson(Json.read(str(item, "order")));
        if (!PersonalFields.isErased(order)) {
            Order erased = PersonalFields.withoutPerson(order, pseudonym);
            update(TableKeys.order(shop, orderId), "SET #order = :order", Map.of("#order", "order"),
                    Map.of(":order", s(Json.write(OrderJson.toJson(erased)))));
        }
        return true;
    }

    /**
     * The retention entries are on the customers' referral-code items ({@code DynamoCustomerStore.claimReferralCode}),
     * whose keys name the code, not the customer: each is read for its address. A code item that is not its
     * customer's code any more (a code claimed by a first order that lost a race, or left by an erasure that never
     * knew it) holds an address and finds no one: it is deleted here. Items of the first release of retention
     * ({@code CUSTOMER#…/ACTIVITY}) name the customer in their key.
     */
    @Override
    public List<String> dueForRetention(String shop, Instant before, int limit) {
        List<String> emails = new ArrayList<>();
        for (int shard = 0; shard < TableKeys.DUE_SHARDS && emails.size() < limit; shard++) {
            for (Map<String, AttributeValue> entry : dueBefore(TableKeys.idleShard(shop, shard), before,
                    limit - emails.size())) {
                String email = TableKeys.customerOf(shop, entry);
                if (email == null) {
                    email = codeOwner(shop, entry);
                }
                if (email != null) {
                    emails.add(email);
                }
            }
        }
        return emails;
    }

    /** The customer whose code item this index entry is; null (and the item deleted) for a stray code. */
    private String codeOwner(String shop, Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> code = get(key(entry));
        String email = code == null ? null : str(code, "email");
        if (email == null) {
            return null;
        }
        Map<String, AttributeValue> profile = get(TableKeys.customer(shop, email));
        if (profile == null || !key(entry).equals(TableKeys.referralCode(shop, str(profile, "referralCode")))) {
            deleteAll(List.of(key(entry)));
            return null;
        }
        return email;
    }

    @Override
    public Optional<Instant> lastActivity(String shop, String email) {
        Map<String, AttributeValue> profile = get(TableKeys.customer(shop, email));
        Instant onProfile = profile == null ? null : Items.instant(profile, DynamoCustomerStore.LAST_ACTIVE_AT);
        return onProfile != null ? Optional.of(onProfile) : legacyLastActivity(shop, email).map(Instant::parse);
    }

    /** The activity item of the first release of retention, for customers not active since. */
    private Optional<String> legacyLastActivity(String shop, String email) {
        Map<String, AttributeValue> item = get(TableKeys.customerActivity(shop, email));
        return Optional.ofNullable(item == null ? null : str(item, DynamoCustomerStore.LAST_ACTIVE_AT));
    }

    @Override
    public int stripOrdersPlacedBefore(String shop, String email, Instant before, String pseudonym) {
        int stripped = 0;
        Instant next = null;
        for (String orderId : orderIds(shop, email, get(TableKeys.customer(shop, email)))) {
            Map<String, AttributeValue> item = get(TableKeys.order(shop, orderId));
            if (item == null || str(item, "order") == null) {
                continue;
            }
            Order order = OrderJson.fromJson(Json.read(str(item, "order")));
            if (PersonalFields.isErased(order)) {
                continue;
            }
            if (order.createdAt().isBefore(before)) {
                eraseFromOrder(shop, orderId, pseudonym);
                stripped++;
            } else if (next == null || order.createdAt().isBefore(next)) {
                next = order.createdAt();
            }
        }
        Instant lastActive = lastActivity(shop, email).orElse(before);
        Instant visit = next != null && next.isBefore(lastActive) ? next : lastActive;
        Map<String, AttributeValue> profile = get(TableKeys.customer(shop, email));
        String code = profile == null ? null : str(profile, "referralCode");
        if (code != null) {
            update(TableKeys.referralCode(shop, code), "SET #pk = :pk, #at = :at",
                    Map.of("#pk", TableKeys.DUE_PK, "#at", TableKeys.DUE_AT),
                    Map.of(":pk", s(TableKeys.idlePartition(shop, email)), ":at", s(TableKeys.dueSortKey(visit))));
        }
        // The first release's activity item: its entry moves to the code item above.
        Map<String, AttributeValue> legacy = get(TableKeys.customerActivity(shop, email));
        if (legacy != null) {
            if (profile != null && !profile.containsKey(DynamoCustomerStore.LAST_ACTIVE_AT)
                    && legacy.containsKey(DynamoCustomerStore.LAST_ACTIVE_AT)) {
                // One version on, so a writer that read the profile before this cannot put it back without it.
                update(TableKeys.customer(shop, email), "SET #last = :last, version = version + :one",
                        Map.of("#last", DynamoCustomerStore.LAST_ACTIVE_AT),
                        Map.of(":last", legacy.get(DynamoCustomerStore.LAST_ACTIVE_AT), ":one", Items.n(1)));
            }
            deleteAll(List.of(TableKeys.customerActivity(shop, email)));
        }
        return stripped;
    }

    private List<Map<String, AttributeValue>> dueBefore(String partition, Instant before, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(TableKeys.DUE_INDEX)
                .keyConditionExpression("#pk = :pk AND #at < :before")
                .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK, "#at", TableKeys.DUE_AT))
                .expressionAttributeValues(Map.of(":pk", s(partition), ":before", s(TableKeys.dueSortKey(before))))
                .limit(limit)).items();
    }

    @Override
    public boolean claimRequest(String shop, String requestId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.privacyRequest(shop, requestId));
        item.put("at", s(at.toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    @Override
    public void releaseRequest(String shop, String requestId) {
        dynamo.deleteItem(b -> b.tableName(table).key(TableKeys.privacyRequest(shop, requestId)));
    }

    @Override
    public ShopErasurePage eraseShopPage(String shop, Optional<String> cursor) {
        ScanResponse page = dynamo.scan(b -> {
            b.tableName(table).projectionExpression("PK, SK")
                    .filterExpression("contains(PK, :shop) OR SK = :domain")
                    .expressionAttributeValues(Map.of(":shop", s("#" + shop), ":domain", s(shop)))
                    .limit(shopErasurePage);
            cursor.map(DynamoPersonalData::decodeCursor).ifPresent(b::exclusiveStartKey);
        });
        List<Map<String, AttributeValue>> doomed = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (TableKeys.belongsToShop(item, shop)) {
                doomed.add(key(item));
            }
        }
        deleteAll(doomed);
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(encodeCursor(page.lastEvaluatedKey())) : Optional.empty();
        return new ShopErasurePage(page.scannedCount(), doomed.size(), next);
    }

    private static String encodeCursor(Map<String, AttributeValue> key) {
        String json = Json.write(Json.MAPPER.createObjectNode()
                .put("pk", TableKeys.partitionKey(key)).put("sk", TableKeys.sortKey(key)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        var node = Json.read(new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8));
        return TableKeys.key(node.path("pk").asText(), node.path("sk").asText());
    }

    private List<Map<String, AttributeValue>> digestNotes(String shop, String email) {
        List<Map<String, AttributeValue>> notes = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int back = -1; back <= DIGEST_DAYS; back++) {
            for (Map<String, AttributeValue> note : query(TableKeys.digestPartition(shop, today.minusDays(back)),
                    TableKeys.DIGEST_NOTE)) {
                if (email.equals(str(note, "email"))) {
                    notes.add(note);
                }
            }
        }
        return notes;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** Every item of a partition (paged), optionally only sort keys with a prefix. */
    private List<Map<String, AttributeValue>> query(String partition, String sortPrefix) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).consistentRead(true);
        if (sortPrefix == null) {
            request.keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(partition)));
        } else {
            request.keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":prefix", s(sortPrefix)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(request.build()).items().forEach(items::add);
        return items;
    }

    /** An update of an item that exists; nothing when it has gone meanwhile. */
    private void update(Map<String, AttributeValue> key, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> {
                b.tableName(table).key(key).updateExpression(expression).conditionExpression("attribute_exists(PK)");
                if (!names.isEmpty()) {
                    b.expressionAttributeNames(names);
                }
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
        } catch (ConditionalCheckFailedException gone) {
            // deleted meanwhile: nothing left to strip
        }
    }

    private void deleteAll(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += 25) {
            List<WriteRequest> batch = keys.subList(from, Math.min(keys.size(), from + 25)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty() && attempt < 8; attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                var left = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                pending = left == null ? Map.of() : left;
                if (!pending.isEmpty()) {
                    sleep(50L << attempt);
                }
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("DynamoDB left deletes unprocessed; the retry carries on");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return TableKeys.key(TableKeys.partitionKey(item), TableKeys.sortKey(item));
    }

    /** An item's attributes as plain values, without the table's keys and index attributes. */
    private static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> values = new LinkedHashMap<>();
        new TreeMap<>(item).forEach((name, value) -> {
            if (!name.equals(TableKeys.PK) && !name.equals(TableKeys.SK) && !name.equals(TableKeys.DUE_PK)
                    && !name.equals(TableKeys.DUE_AT) && !name.equals("version") && !name.equals("type")) {
                values.put(name, plain(value));
            }
        });
        return values;
    }

    private static Object plain(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n().contains(".") ? Double.parseDouble(v.n()) : Long.parseLong(v.n());
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasM()) {
            Map<String, Object> m = new LinkedHashMap<>();
            new TreeMap<>(v.m()).forEach((k, x) -> m.put(k, plain(x)));
            return m;
        }
        if (v.hasL()) {
            return v.l().stream().map(DynamoPersonalData::plain).toList();
        }
        if (v.hasSs()) {
            return List.copyOf(v.ss());
        }
        if (v.hasNs()) {
            return List.copyOf(v.ns());
        }
        return null;
    }
}
