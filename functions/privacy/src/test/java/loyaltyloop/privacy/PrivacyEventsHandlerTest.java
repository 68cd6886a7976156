package loyaltyloop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.json.Json;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.Orders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The privacy function's handlers with the bus samples of {@code events/} (as intake publishes them for Shopify's
 * compliance topics) and the retention schedule's event, on the moto server.
 */
@MotoTest
class PrivacyEventsHandlerTest {

    private static final List<String> JANES_ORDERS = List.of("820982911946154508", "820982911946159999");
    private static final String JANE = "jane.doe@example.com";

    private String table;
    private ApplicationContext context;
    private PrivacyEventsHandler handler;
    private Shop shop;

    @BeforeEach
    void setUp() {
        table = TestAws.createTable();
        context = TestAws.context(table, TestAws.tapBus().bus(), TestAws.createLinkKey(), Map.of());
        handler = new PrivacyEventsHandler(context);
        shop = TestShops.shopify(context, "sample-shopify-secret");
        Instant placed = context.getBean(Clock.class).instant().minus(Duration.ofDays(70));
        for (String id : JANES_ORDERS) {
            place(shop, Orders.anOrder().orderId(id).email(JANE).customer("Jane Doe", "Jane")
                    .total(new Money(5_990, "USD")).createdAt(placed).build());
        }
        Shop other = TestShops.register(context, "other.myshopify.com", Platform.SHOPIFY, "s", "USD", "en");
        place(other, Orders.anOrder().shop(other.domain()).orderId("1").email(JANE).customer("Jane Doe", "Jane")
                .createdAt(placed).build());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void place(Shop s, Order order) {
        context.getBean(OrderStore.class).createOrder(new StoredOrder(order, OrderStatus.PLACED, "d", order.createdAt()));
        context.getBean(CustomerAccounts.class).recordOrder(s, order);
    }

    private static Map<String, Object> event(String file) {
        try {
            return Json.MAPPER.readValue(Files.readString(Path.of("../../events", file)),
                    new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> wholeTable() {
        List<String> items = new ArrayList<>();
        context.getBean(DynamoDbClient.class).scanPaginator(b -> b.tableName(table)).items()
                .forEach(i -> items.add(i.toString().toLowerCase(Locale.ROOT)));
        return items;
    }

    @Test
    void aDataRequestMailsTheOwnerOneExportWithEveryOrderAttached() {
        int before = TestAws.sentEmailsTo(shop.ownerEmail()).size();

        assertThat(handler.handleRequest(event("customer-data-requested.json"), null)).isEqualTo("EXPORTED");
        assertThat(handler.handleRequest(event("customer-data-requested.json"), null)).isEqualTo("ALREADY_EXPORTED");

        List<JsonNode> sent = TestAws.sentEmailsTo(shop.ownerEmail());
        assertThat(sent).hasSize(before + 1);
        JsonNode export = sent.get(sent.size() - 1);
        assertThat(export.path("subject").asText()).contains(JANE);
        assertThat(export.path("body").asText()).contains(JANES_ORDERS.get(0), JANES_ORDERS.get(1),
                "customer-data-9999.json");
    }

    @Test
    void theSameDataRequestDeliveredConcurrentlyMailsOneExport() throws Exception {
        int before = TestAws.sentEmailsTo(shop.ownerEmail()).size();

        List<String> results = Concurrently.run(4, () -> handler.handleRequest(event("customer-data-requested.json"),
                null));

        assertThat(results).containsOnlyOnce("EXPORTED").containsOnly("EXPORTED", "ALREADY_EXPORTED");
        assertThat(TestAws.sentEmailsTo(shop.ownerEmail())).hasSize(before + 1);
    }

    @Test
    void aShopDeletionThatRunsOutOfTimeCarriesOnFromWhereItStoppedInTheNextInvocation() {
        TestAws.EventTap tap = TestAws.tapBus();
        try (ApplicationContext small = TestAws.context(table, tap.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.privacy.shop-erasure-page", 3))) {
            PrivacyRequests requests = small.getBean(PrivacyRequests.class);
            ShopRedactRequested request = new ShopRedactRequested("demo.myshopify.com", null);
            int invocations = 0;
            PrivacyRequests.Result result;
            do {
                // No time left after each page: every invocation reads one page and hands the rest on.
                result = requests.onShopRedact(request, () -> false);
                invocations++;
                if (result == PrivacyRequests.Result.SHOP_ERASURE_CONTINUES) {
                    List<JsonNode> published = tap.drain();
                    assertThat(published).hasSize(1);
                    request = ShopRedactRequested.TYPE.read(published.get(0).path("detail"));
                    assertThat(request.cursor()).isNotBlank();
                }
            } while (result == PrivacyRequests.Result.SHOP_ERASURE_CONTINUES && invocations < 50);

            assertThat(result).isEqualTo(PrivacyRequests.Result.SHOP_ERASED);
            assertThat(invocations).isGreaterThan(2);
        }
        assertThat(wholeTable()).noneMatch(i -> i.contains("demo.myshopify.com"))
                .anyMatch(i -> i.contains("order#other.myshopify.com#1"));
    }

    @Test
    void aRedactErasesThePersonInThatShopOnlyAndOnce() {
        assertThat(handler.handleRequest(event("customer-redact-requested.json"), null)).isEqualTo("ERASED");
        assertThat(handler.handleRequest(event("customer-redact-requested.json"), null)).isEqualTo("NOTHING_STORED");

        List<String> items = wholeTable();
        assertThat(items).filteredOn(i -> !i.contains("other.myshopify.com"))
                .noneMatch(i -> i.contains(JANE)).noneMatch(i -> i.contains("jane doe"));
        assertThat(items).filteredOn(i -> i.contains("order#demo.myshopify.com#")).hasSize(2)
                .allMatch(i -> i.contains("\"totalminor\":5990"));
        // The same person in another shop is that shop's customer, untouched.
        assertThat(items).anyMatch(i -> i.contains("customer#other.myshopify.com#" + JANE));
    }

    @Test
    void aShopRedactDeletesEveryItemOfThatShopAndNoOtherShops() {
        assertThat(handler.handleRequest(event("shop-redact-requested.json"), null)).isEqualTo("SHOP_ERASED");

        List<String> items = wholeTable();
        assertThat(items).noneMatch(i -> i.contains("demo.myshopify.com"));
        assertThat(items).anyMatch(i -> i.contains("shop#other.myshopify.com"))
                .anyMatch(i -> i.contains("order#other.myshopify.com#1"));
        assertThat(context.getBean(ShopStore.class).find("demo.myshopify.com")).isEmpty();
    }

    @Test
    void theRetentionRunErasesCustomersIdleLongerThanTheirShopKeepsThem() {
        RetentionHandler retention = new RetentionHandler(context);
        assertThat(retention.handleRequest(event("scheduled-retention.json"), null))
                .isEqualTo("0 customers erased, 0 orders stripped");

        // Jane's orders are 70 days old; a shop that keeps customers one month lets her go.
        context.getBean(ShopStore.class).save(shop.withSettings(new LoyaltySettings(null, null, null, null,
                null, null, null, null, new LoyaltySettings.RetentionSettings(1))));
        assertThat(retention.handleRequest(event("scheduled-retention.json"), null))
                .isEqualTo("1 customers erased, 0 orders stripped");

        assertThat(wholeTable()).filteredOn(i -> !i.contains("other.myshopify.com")).noneMatch(i -> i.contains(JANE));
        assertThat(wholeTable()).anyMatch(i -> i.contains("customer#other.myshopify.com#" + JANE));
    }
}
