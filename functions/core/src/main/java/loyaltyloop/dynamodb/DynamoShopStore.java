package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@Singleton
public class DynamoShopStore implements ShopStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoShopStore(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Shop> find(String domain) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.shop(domain))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Shop(str(item, "domain"), Platform.fromWireName(str(item, "platform")),
                str(item, "storefrontUrl"), str(item, "senderAddress"), str(item, "senderName"), str(item, "ownerEmail"),
                str(item, "defaultLocale"), str(item, "currency"), str(item, "webhookSecretRef")));
    }

    @Override
    public void save(Shop shop) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.shop(shop.domain()));
        putS(item, "type", "shop");
        putS(item, "domain", shop.domain());
        putS(item, "platform", shop.platform().wireName());
        putS(item, "storefrontUrl", shop.storefrontUrl());
        putS(item, "senderAddress", shop.senderAddress());
        putS(item, "senderName", shop.senderName());
        putS(item, "ownerEmail", shop.ownerEmail());
        putS(item, "defaultLocale", shop.defaultLocale());
        putS(item, "currency", shop.currency());
        putS(item, "webhookSecretRef", shop.webhookSecretRef());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
