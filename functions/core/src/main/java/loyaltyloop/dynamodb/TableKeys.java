package loyaltyloop.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keys of the single table (see docs/data-model.md). Every entity has its own partition, so no shop's traffic
 * lands on one hot partition.
 */
final class TableKeys {

    static final String PK = "PK";
    static final String SK = "SK";

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

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, AttributeValue.fromS(pk));
        key.put(SK, AttributeValue.fromS(sk));
        return key;
    }
}
