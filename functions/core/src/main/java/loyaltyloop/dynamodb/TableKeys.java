package loyaltyloop.dynamodb;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.followup.FollowUpPolicy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys of the single table (see docs/data-model.md). Every entity has its own partition, so no shop's traffic
 * lands on one hot partition.
 */
final class TableKeys {

    static final String PK = "PK";
    static final String SK = "SK";
    /** Sort-key prefix of a free code in a shop's coupon pool. */
    static final String FREE_POOL_CODE = "FREE#";

    private TableKeys() {
    }

    static Map<String, AttributeValue> shop(String domain) {
        return key("SHOP#" + domain, "SHOP");
    }

    static Map<String, AttributeValue> delivery(String shop, String deliveryId) {
        return key("DELIVERY#" + shop + "#" + deliveryId, "DELIVERY");
    }

    static Map<String, AttributeValue> order(String shop, String orderId) {
        return key("ORDER#" + shop + "#" + orderId, "ORDER");
    }

    static Map<String, AttributeValue> refund(String shop, String orderId, String refundId) {
        return key("ORDER#" + shop + "#" + orderId, "REFUND#" + refundId);
    }

    static Map<String, AttributeValue> customer(String shop, String email) {
        return key("CUSTOMER#" + shop + "#" + email, "PROFILE");
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

    /** What became of one referred order (credited or rejected, and its clawbacks). */
    static Map<String, AttributeValue> conversion(String shop, String orderId) {
        return key("REFERRAL#" + shop + "#" + orderId, "REFERRAL");
    }

    /** The DueIndex partition of a customer: {@code DUE#<shop>#<shard>}, the shard fixed by the email. */
    static String duePartition(String shop, String email) {
        return dueShard(shop, FollowUpPolicy.shardOf(email));
    }

    static String dueShard(String shop, int shard) {
        return "DUE#" + shop + "#" + shard;
    }

    /** Due times as fixed-width UTC seconds, so their string order is their time order. */
    static String dueSortKey(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static Map<String, AttributeValue> spendBucket(String shop, long bucket) {
        return key("SPEND#" + shop, String.format("B#%019d", bucket));
    }

    static Map<String, AttributeValue> loopStats(String shop, String sortKey) {
        return key("STATS#" + shop, sortKey);
    }

    static Map<String, AttributeValue> digestNote(String shop, String day, String sortKey) {
        return key("DIGEST#" + shop + "#" + day, sortKey);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, AttributeValue.fromS(pk));
        key.put(SK, AttributeValue.fromS(sk));
        return key;
    }
}
