package loyaltyloop.dynamodb;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table and of its {@code DueIndex} (see docs/data-model.md): built here, and read back
 * here. Every entity has its own partition, so no shop's traffic lands on one hot partition. The keys of stored
 * data must never change: the items already in a table are found by them.
 */
final class TableKeys {

    static final String PK = "PK";
    static final String SK = "SK";

    /** The GSI of scheduled customers, and its two key attributes on a customer item. */
    static final String DUE_INDEX = "DueIndex";
    static final String DUE_PK = "duePk";
    static final String DUE_AT = "dueAt";
    /** A shop's due index is spread over this many partitions, by a hash of the email, so none gets hot. */
    static final int DUE_SHARDS = 16;

    /** Sort-key prefix of a free code in a shop's coupon pool. */
    static final String FREE_POOL_CODE = "FREE#";
    /** Sort-key prefix of an order's refunds, in the order's partition. */
    static final String REFUND = "REFUND#";
    /** Sort-key prefix of a digest note, in the day's digest partition. */
    static final String DIGEST_NOTE = "NOTE#";

    private static final String SHOP_REGISTRY = "SHOPS";
    private static final String CUSTOMER = "CUSTOMER#";
    private static final String CONVERSION = "REFERRAL#";
    private static final String POINTS_BALANCE = "BALANCE";
    private static final String SPEND_BUCKET = "B#";
    private static final String WARM_UP = "WARM-UP";

    private TableKeys() {
    }

    static Map<String, AttributeValue> shop(String domain) {
        return key("SHOP#" + domain, "SHOP");
    }

    /** The registry lists every shop in one partition, so scheduled runs read it with one Query instead of a Scan. */
    static String shopRegistry() {
        return SHOP_REGISTRY;
    }

    static Map<String, AttributeValue> shopRegistryEntry(String domain) {
        return key(SHOP_REGISTRY, domain);
    }

    /** The shop domain a registry entry lists. */
    static String registeredShop(Map<String, AttributeValue> entry) {
        return sortKey(entry);
    }

    static Map<String, AttributeValue> delivery(String shop, String deliveryId) {
        return key("DELIVERY#" + shop + "#" + deliveryId, "DELIVERY");
    }

    static Map<String, AttributeValue> order(String shop, String orderId) {
        return key(orderPartition(shop, orderId), "ORDER");
    }

    /** An order and its refunds share a partition: the order at {@code ORDER}, refunds under {@code REFUND#}. */
    static String orderPartition(String shop, String orderId) {
        return "ORDER#" + shop + "#" + orderId;
    }

    static Map<String, AttributeValue> refund(String shop, String orderId, String refundId) {
        return key(orderPartition(shop, orderId), REFUND + refundId);
    }

    static Map<String, AttributeValue> customer(String shop, String email) {
        return key(customerPartition(shop) + email, "PROFILE");
    }

    /**
     * The email of a customer item or of its {@code DueIndex} entry, read from the item's key; null when the item
     * is not a customer of {@code shop}.
     */
    static String customerEmail(String shop, Map<String, AttributeValue> item) {
        String pk = partitionKey(item);
        String prefix = customerPartition(shop);
        return pk != null && pk.startsWith(prefix) ? pk.substring(prefix.length()) : null;
    }

    /** Bounces and complaints of an address, beside the customer's profile (an address need not be a customer). */
    static Map<String, AttributeValue> suppression(String shop, String email) {
        return key(customerPartition(shop) + email, "SUPPRESSION");
    }

    /**
     * One SES event already counted (expires like a delivery record). The event's key names the recipient, so only
     * its SHA-256 is kept: a customer's erasure cannot find these items by key, and they must not hold the address.
     */
    static Map<String, AttributeValue> mailEvent(String shop, String eventKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(eventKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return key("MAILEVENT#" + shop + "#" + java.util.HexFormat.of().formatHex(digest), "MAILEVENT");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String customerPartition(String shop) {
        return CUSTOMER + shop + "#";
    }

    static Map<String, AttributeValue> referralCode(String shop, String code) {
        return key("REFCODE#" + shop + "#" + code, "REFCODE");
    }

    static Map<String, AttributeValue> coupon(String shop, String code) {
        return key("COUPON#" + shop + "#" + code, "COUPON");
    }

    static Map<String, AttributeValue> survey(String shop, String orderId) {
        return key("SURVEY#" + shop + "#" + orderId, "SURVEY");
    }

    /** A shop's coupon pool: free codes sort under {@code FREE#}, taken ones under {@code TAKEN#}. */
    static String couponPool(String shop) {
        return "POOL#" + shop;
    }

    static Map<String, AttributeValue> freePoolCode(String shop, String code) {
        return key(couponPool(shop), FREE_POOL_CODE + code);
    }

    static Map<String, AttributeValue> takenPoolCode(String shop, String code) {
        return key(couponPool(shop), "TAKEN#" + code);
    }

    /** A customer's points: the balance ({@code BALANCE}) and the ledger entries ({@code ENTRY#<reason>#<ref>}). */
    static String pointsPartition(String shop, String email) {
        return "POINTS#" + shop + "#" + email;
    }

    static Map<String, AttributeValue> pointsBalance(String shop, String email) {
        return key(pointsPartition(shop, email), POINTS_BALANCE);
    }

    /** An entry's key is its idempotency key: one entry per reason and reference. */
    static Map<String, AttributeValue> pointsEntry(String shop, String email, String reason, String reference) {
        return key(pointsPartition(shop, email), "ENTRY#" + reason + "#" + reference);
    }

    /** Whether an item of a points partition is its balance (otherwise it is a ledger entry). */
    static boolean isPointsBalance(Map<String, AttributeValue> item) {
        return POINTS_BALANCE.equals(sortKey(item));
    }

    /** What became of one referred order (credited or rejected, and its clawbacks). */
    static Map<String, AttributeValue> conversion(String shop, String orderId) {
        return key(CONVERSION + shop + "#" + orderId, "REFERRAL");
    }

    /** The shop and order of a conversion item, read from its key (a shop domain has no {@code #}; an id may). */
    static ConversionKey conversionKey(Map<String, AttributeValue> item) {
        String pk = partitionKey(item);
        int split = pk == null || !pk.startsWith(CONVERSION) ? -1 : pk.indexOf('#', CONVERSION.length());
        if (split < 0) {
            throw new IllegalStateException("not a conversion key: " + pk);
        }
        return new ConversionKey(pk.substring(CONVERSION.length(), split), pk.substring(split + 1));
    }

    record ConversionKey(String shop, String orderId) {
    }

    /** The {@code DueIndex} partition of a customer: {@code DUE#<shop>#<shard>}, the shard fixed by the email. */
    static String duePartition(String shop, String email) {
        return dueShard(shop, dueShardOf(email));
    }

    /** The shard of an address; String.hashCode is specified, so it is the same in every JVM and release. */
    static int dueShardOf(String email) {
        return Math.floorMod(email.hashCode(), DUE_SHARDS);
    }

    static String dueShard(String shop, int shard) {
        return "DUE#" + shop + "#" + shard;
    }

    /** Due times as fixed-width UTC seconds, so their string order is their time order. */
    static String dueSortKey(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A shop's spend histogram: one item per bucket, {@code B#} and the bucket zero-padded to 19 digits. */
    static String spendPartition(String shop) {
        return "SPEND#" + shop;
    }

    static Map<String, AttributeValue> spendBucket(String shop, long bucket) {
        return key(spendPartition(shop), String.format(SPEND_BUCKET + "%019d", bucket));
    }

    /** The bucket of a spend-histogram item. */
    static long spendBucketOf(Map<String, AttributeValue> item) {
        return Long.parseLong(sortKey(item).substring(SPEND_BUCKET.length()));
    }

    /** A shop's loop counters: {@code UNREACHABLE}, and one item of daily counts per UTC day. */
    static String statsPartition(String shop) {
        return "STATS#" + shop;
    }

    static Map<String, AttributeValue> unreachableCount(String shop) {
        return key(statsPartition(shop), "UNREACHABLE");
    }

    static Map<String, AttributeValue> dailyCounts(String shop, LocalDate day) {
        return key(statsPartition(shop), dailyCountsSortKey(day));
    }

    /** {@code SENT#<yyyy-mm-dd>}: the name is from when the item held one count; it sorts by day. */
    static String dailyCountsSortKey(LocalDate day) {
        return "SENT#" + day;
    }

    /** A shop's ladder counters are spread over this many partitions, by a hash of the email, so none gets hot. */
    static final int LADDER_SHARDS = 4;

    /** {@code LADDER#<shop>#<shard>}: one shard of the shop's ladder counters, one item per day. */
    static String ladderPartition(String shop, int shard) {
        return "LADDER#" + shop + "#" + shard;
    }

    static int ladderShardOf(String email) {
        return Math.floorMod(email.hashCode(), LADDER_SHARDS);
    }

    static Map<String, AttributeValue> ladderDay(String shop, String email, LocalDate day) {
        return key(ladderPartition(shop, ladderShardOf(email)), ladderDaySortKey(day));
    }

    /** {@code DAY#<yyyy-mm-dd>}: sorts by day. */
    static String ladderDaySortKey(LocalDate day) {
        return "DAY#" + day;
    }

    static LocalDate ladderDayOf(Map<String, AttributeValue> item) {
        return LocalDate.parse(sortKey(item).substring("DAY#".length()));
    }

    /** A shop's digest notes and claim for one UTC day. */
    static String digestPartition(String shop, LocalDate day) {
        return "DIGEST#" + shop + "#" + day;
    }

    static Map<String, AttributeValue> digestNote(String shop, LocalDate day, String kind, String orderId) {
        return key(digestPartition(shop, day), DIGEST_NOTE + kind + "#" + orderId);
    }

    static Map<String, AttributeValue> digestClaim(String shop, LocalDate day) {
        return key(digestPartition(shop, day), "SENT");
    }

    /** A shop's history import checkpoints (one per source) and reconciliation watermark. */
    static String historyPartition(String shop) {
        return "HISTORY#" + shop;
    }

    static Map<String, AttributeValue> importCheckpoint(String shop, String sourceKey) {
        return key(historyPartition(shop), "CHECKPOINT#" + sourceKey);
    }

    static Map<String, AttributeValue> reconciliationWatermark(String shop) {
        return key(historyPartition(shop), "RECONCILED");
    }

    // --- privacy: everything of one customer found by key, idle customers and old orders by time (docs/data-model.md)

    /** Sort-key prefix of a customer's pointer to one of their orders, in the customer's partition. */
    static final String CUSTOMER_ORDER = "ORDER#";
    private static final String IDLE = "IDLE#";

    /** A customer's partition: the profile, a pointer to each order the profile forgot (and a legacy activity item). */
    static String customerItems(String shop, String email) {
        return customerPartition(shop) + email;
    }

    /**
     * Points at one of a customer's orders that the profile no longer remembers (it keeps the last 30), so every order
     * of theirs is found by key: the profile's {@code countedOrders} and a Query of their partition.
     */
    static Map<String, AttributeValue> customerOrder(String shop, String email, String orderId) {
        return key(customerItems(shop, email), CUSTOMER_ORDER + orderId);
    }

    /**
     * Retention's first release kept the last activity on an item of its own, in the {@code DueIndex} under
     * {@code IDLE#<shop>#<shard>}; now the day is on the profile and the entry on the referral code's item. Still read
     * (and deleted by the retention run) for customers not active since.
     */
    static Map<String, AttributeValue> customerActivity(String shop, String email) {
        return key(customerItems(shop, email), "ACTIVITY");
    }

    /** The retention run's {@code DueIndex} partition of a customer, on their referral code's item. */
    static String idlePartition(String shop, String email) {
        return idleShard(shop, dueShardOf(email));
    }

    static String idleShard(String shop, int shard) {
        return IDLE + shop + "#" + shard;
    }

    /** The order id of a customer's order pointer read from its key; null for their other items. */
    static String pointedOrder(Map<String, AttributeValue> item) {
        String sk = sortKey(item);
        return sk != null && sk.startsWith(CUSTOMER_ORDER) ? sk.substring(CUSTOMER_ORDER.length()) : null;
    }

    /** The email of any item of a customer's partition (the profile, activity, order pointers), from its key. */
    static String customerOf(String shop, Map<String, AttributeValue> item) {
        return customerEmail(shop, item);
    }

    /** A privacy request handled once (a data export mailed), by the platform's request id. */
    static Map<String, AttributeValue> privacyRequest(String shop, String requestId) {
        return key("PRIVACY#" + shop + "#" + requestId, "PRIVACY");
    }

    /**
     * Whether an item belongs to a shop: every partition key is {@code KIND#<shop>} or {@code KIND#<shop>#...}
     * (a domain has no {@code #}), and the registry lists the shop as its sort key. Used by shop erasure only.
     */
    static boolean belongsToShop(Map<String, AttributeValue> item, String shop) {
        String pk = partitionKey(item);
        if (pk == null) {
            return false;
        }
        if (SHOP_REGISTRY.equals(pk)) {
            return shop.equals(sortKey(item));
        }
        String[] parts = pk.split("#", 3);
        return parts.length >= 2 && parts[1].equals(shop);
    }

    /** A key that no item of the table's model has: reading it always finds nothing. */
    static Map<String, AttributeValue> warmUp() {
        return key(WARM_UP, WARM_UP);
    }

    static String partitionKey(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(PK);
        return v == null ? null : v.s();
    }

    static String sortKey(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(SK);
        return v == null ? null : v.s();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, AttributeValue.fromS(pk));
        key.put(SK, AttributeValue.fromS(sk));
        return key;
    }
}
