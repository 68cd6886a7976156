package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.GeneratedCodeProvisioner;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stand-in for a shop's checkout that the tests, the local runner and the benchmarks give their demo shops: a
 * provisioned code is recorded at {@code DEMOCHECKOUT#<shop>} / {@code CODE#<code>}, so they can show which codes
 * "exist" at the demo checkout. Nothing leaves the machine. It lives in core's test jar, which the local runner and
 * the benchmarks put on their class path, so no function's deployment jar carries it.
 */
@Singleton
public class DemoCheckoutProvisioner extends GeneratedCodeProvisioner {

    private final DynamoDbClient dynamo;
    private final String table;

    public DemoCheckoutProvisioner(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean serves(Shop shop) {
        return shop.settings().coupons().provisioning() == LoyaltySettings.Provisioning.DEMO;
    }

    @Override
    public void provision(Shop shop, Coupon coupon) {
        Map<String, AttributeValue> item = new HashMap<>(demoCode(shop.domain(), coupon.code()));
        // No address: like a shop's real checkout code, it is the code, not the person.
        item.put("kind", AttributeValue.fromS(coupon.terms().kind().name()));
        item.put("value", Items.n(coupon.terms().value()));
        item.put("expiresAt", AttributeValue.fromS(coupon.expiresAt().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item)); // a plain put: provisioning twice is harmless
    }

    /** Whether the demo checkout would accept the code. */
    public boolean exists(String shop, String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(demoCode(shop, code))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> demoCode(String shop, String code) {
        return TableKeys.key("DEMOCHECKOUT#" + shop, "CODE#" + code);
    }
}
