package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
import static loyaltyloop.dynamodb.Items.putInstant;
import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.core.JsonProcessingException;
import loyaltyloop.json.Json;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

@Singleton
public class DynamoShopStore implements ShopStore {

    private final DynamoDbClient dynamo;
    private final String table;
    /** Shops read by {@link #find(String, Duration)}, with when (the JVM's monotonic clock, not the injected one). */
    private final Map<String, Read> recent = new ConcurrentHashMap<>();

    private record Read(Shop shop, long atNanos) {
    }

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
        return Optional.of(fromItem(item));
    }

    @Override
    public Optional<Shop> find(String domain, Duration maxAge) {
        long now = System.nanoTime();
        Read read = recent.get(domain);
        if (read != null && now - read.atNanos() < maxAge.toNanos()) {
            return Optional.of(read.shop());
        }
        Optional<Shop> shop = find(domain);
        shop.ifPresentOrElse(s -> recent.put(domain, new Read(s, now)), () -> recent.remove(domain));
        return shop;
    }

    private static Shop fromItem(Map<String, AttributeValue> item) {
        String consent = str(item, "consentMode");
        Map<String, String> tips = new HashMap<>();
        AttributeValue tipsValue = item.get("productTips");
        if (tipsValue != null && tipsValue.hasM()) {
            tipsValue.m().forEach((product, tip) -> tips.put(product, tip.s()));
        }
        return new Shop(str(item, "domain"), Platform.fromWireName(str(item, "platform")),
                str(item, "storefrontUrl"), str(item, "senderAddress"), str(item, "senderName"), str(item, "ownerEmail"),
                str(item, "defaultLocale"), str(item, "currency"), str(item, "webhookSecretRef"),
                consent == null ? null : ConsentMode.fromWireName(consent), tips, settings(str(item, "settings")),
                new ShopConnection(str(item, "appClientId"), str(item, "appClientSecretRef"),
                        instant(item, "uninstalledAt")));
    }

    private static LoyaltySettings settings(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, LoyaltySettings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored shop settings are unreadable", e);
        }
    }

    @Override
    public List<Shop> all() {
        List<Shop> shops = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("PK = :registry")
                    .expressionAttributeValues(Map.of(":registry", AttributeValue.fromS(TableKeys.shopRegistry())))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> entry : page.items()) {
                find(TableKeys.registeredShop(entry)).ifPresent(shops::add);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return shops;
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
        putS(item, "consentMode", shop.consentMode().wireName());
        putS(item, "appClientId", shop.connection().appClientId());
        putS(item, "appClientSecretRef", shop.connection().appClientSecretRef());
        putInstant(item, "uninstalledAt", shop.connection().uninstalledAt());
        Map<String, AttributeValue> tips = new HashMap<>();
        shop.productTips().forEach((product, tip) -> tips.put(product, AttributeValue.fromS(tip)));
        item.put("productTips", AttributeValue.fromM(tips));
        try {
            putS(item, "settings", Json.MAPPER.writeValueAsString(shop.settings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shop settings could not be written", e);
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
        recent.remove(shop.domain());
        dynamo.putItem(b -> b.tableName(table).item(TableKeys.shopRegistryEntry(shop.domain())));
    }

    @Override
    public boolean markUninstalled(String domain, Instant at) {
        try {
            // One attribute, so a registration saved at the same moment is not overwritten with an older copy.
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.shop(domain))
                    .conditionExpression("attribute_exists(PK)")
                    .updateExpression("SET uninstalledAt = :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()))));
            recent.remove(domain);
            return true;
        } catch (ConditionalCheckFailedException unknown) {
            return false;
        }
    }
}
