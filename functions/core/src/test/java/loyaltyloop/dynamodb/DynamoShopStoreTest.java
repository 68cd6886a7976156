package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@MotoTest
class DynamoShopStoreTest {

    private static String table;
    private static DynamoDbClient dynamo;
    private static DynamoShopStore store;

    @BeforeAll
    static void createTable() {
        table = TestAws.createTable();
        dynamo = TestAws.dynamo();
        store = new DynamoShopStore(dynamo, table);
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static Shop shop(String domain, Platform platform) {
        return new Shop(domain, platform, "https://" + domain, "hello@" + domain, "Tea & Co. 茶舖",
                "owner@" + domain, "zh-TW", "TWD", "/loyalty-loop/test/shops/" + domain + "/webhook-secret");
    }

    @Test
    void aSavedShopIsFoundByItsDomainWithEveryField() {
        Shop shop = shop(TestAws.unique("tea") + ".myshopify.com", Platform.SHOPIFY);

        store.save(shop);

        assertThat(store.find(shop.domain())).contains(shop);
    }

    @Test
    void aWooCommerceShopKeepsItsPlatform() {
        Shop shop = shop(TestAws.unique("woo") + ".example", Platform.WOOCOMMERCE);

        store.save(shop);

        assertThat(store.find(shop.domain())).map(Shop::platform).contains(Platform.WOOCOMMERCE);
    }

    @Test
    void anUnknownShopIsEmpty() {
        assertThat(store.find(TestAws.unique("nobody") + ".myshopify.com")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheShop() {
        String domain = TestAws.unique("again") + ".myshopify.com";
        store.save(shop(domain, Platform.SHOPIFY));
        Shop renamed = new Shop(domain, Platform.SHOPIFY, "https://" + domain, "hello@" + domain, "New Name",
                "owner@" + domain, "en", "USD", "/loyalty-loop/test/shops/" + domain + "/webhook-secret");

        store.save(renamed);

        assertThat(store.find(domain)).contains(renamed);
    }

    @Test
    void aShopReadWithinItsMaxAgeIsTheCopyReadBeforeAndASaveThroughTheStoreIsSeenAtOnce() {
        String domain = TestAws.unique("recent") + ".myshopify.com";
        store.save(shop(domain, Platform.SHOPIFY));
        assertThat(store.find(domain, Duration.ofMinutes(1))).map(Shop::senderName).contains("Tea & Co. 茶舖");

        // Changed behind this store's back (another container, the admin tool): not seen until the copy is a minute old.
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.shop(domain))
                .updateExpression("SET senderName = :name")
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("Elsewhere"))));
        assertThat(store.find(domain, Duration.ofMinutes(1))).map(Shop::senderName).contains("Tea & Co. 茶舖");
        assertThat(store.find(domain, Duration.ZERO)).map(Shop::senderName).contains("Elsewhere");
        assertThat(store.find(domain)).map(Shop::senderName).contains("Elsewhere");

        Shop renamed = new Shop(domain, Platform.SHOPIFY, "https://" + domain, "hello@" + domain, "Saved Here",
                "owner@" + domain, "en", "USD", "/loyalty-loop/test/shops/" + domain + "/webhook-secret");
        store.find(domain, Duration.ofMinutes(1));
        store.save(renamed);
        assertThat(store.find(domain, Duration.ofMinutes(1))).contains(renamed);

        store.markUninstalled(domain, Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(store.find(domain, Duration.ofMinutes(1))).hasValueSatisfying(
                s -> assertThat(s.connection().uninstalledAt()).isEqualTo(Instant.parse("2026-12-05T12:00:00Z")));
    }

    @Test
    void anUnknownShopIsLookedUpEveryTimeSoANewShopIsSeenAtOnce() {
        String domain = TestAws.unique("later") + ".myshopify.com";
        assertThat(store.find(domain, Duration.ofMinutes(1))).isEmpty();

        new DynamoShopStore(dynamo, table).save(shop(domain, Platform.SHOPIFY));

        assertThat(store.find(domain, Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void aShopifyAppsConnectionIsKeptAndUninstallingChangesOnlyThatAndStopsItsMail() {
        Shop app = shop("app.myshopify.com", Platform.SHOPIFY).withConnection(new ShopConnection(
                "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f", "/loyalty-loop/test/shops/app.myshopify.com/client-secret", null));
        store.save(app);

        assertThat(store.find("app.myshopify.com")).hasValue(app);
        assertThat(store.findForMail("app.myshopify.com")).hasValue(app);

        Instant at = Instant.parse("2026-12-05T09:30:00Z");
        assertThat(store.markUninstalled("app.myshopify.com", at)).isTrue();
        assertThat(store.markUninstalled("nobody.myshopify.com", at)).isFalse();

        assertThat(store.find("app.myshopify.com")).hasValue(app.withConnection(app.connection().uninstalled(at)));
        assertThat(store.find("nobody.myshopify.com")).isEmpty();
        assertThat(store.findForMail("app.myshopify.com")).isEmpty();
        assertThat(store.all()).extracting(Shop::domain).contains("app.myshopify.com");
        assertThat(store.allForMail()).extracting(Shop::domain).doesNotContain("app.myshopify.com");
    }

    @Test
    void theTableHoldsOnlyTheSecretsReferenceNeverASecret() {
        Shop shop = shop(TestAws.unique("ref") + ".myshopify.com", Platform.SHOPIFY);
        store.save(shop);

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.shop(shop.domain())).consistentRead(true)).item();

        assertThat(item).containsEntry("webhookSecretRef", AttributeValue.fromS(shop.webhookSecretRef()));
        assertThat(item.keySet()).noneMatch(name -> name.equalsIgnoreCase("webhookSecret"));
    }

    @Test
    void theApplicationContextWiresTheDynamoStoreToTheConfiguredTable() {
        Shop shop = shop(TestAws.unique("ctx") + ".myshopify.com", Platform.SHOPIFY);
        try (ApplicationContext context = TestAws.context(table, "unused-bus", "unused-key", Map.of())) {
            ShopStore fromContext = context.getBean(ShopStore.class);
            assertThat(fromContext).isInstanceOf(DynamoShopStore.class);

            fromContext.save(shop);
        }

        assertThat(store.find(shop.domain())).contains(shop);
    }
}
