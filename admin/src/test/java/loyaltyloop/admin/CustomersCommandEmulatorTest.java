package loyaltyloop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.json.Json;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.Orders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code shops customers export|erase} on the moto server: the export holds every order, and after the erasure a
 * Scan of the whole table finds neither the customer's address nor their name, while the orders keep their amounts.
 */
@MotoTest
class CustomersCommandEmulatorTest {

    private static final String SHOP = "woo.privacy.example";

    @TempDir
    Path dir;

    private String table;
    private ApplicationContext context;

    @BeforeEach
    void shopWithACustomer() {
        table = TestAws.createTable();
        context = TestAws.context(table, "unused-bus", "/unused/link-key", Map.of());
        String stack = "admin-" + ProcessHandle.current().pid() + "-" + table.substring(table.lastIndexOf('-') + 1);
        assertThat(ShopsCommand.run(List.of("add", "--domain", SHOP, "--platform", "woocommerce",
                "--storefront", "https://" + SHOP, "--sender-address", "hello@" + SHOP, "--sender-name", "Shop",
                "--owner-email", "owner@" + SHOP, "--webhook-secret", "s3cret-s3cret",
                "--aws-endpoint", TestAws.endpoint(), "--table", table, "--stack", stack))).isZero();
        Shop shop = context.getBean(ShopStore.class).find(SHOP).orElseThrow();
        for (String id : List.of("801", "802")) {
            Order order = Orders.anOrder().shop(SHOP).orderId(id).orderName("#" + id).email("rosa@example.com")
                    .customer("Rosa Quintanilla", "Rosa").customerId("77").total(new Money(3_500, "USD"))
                    .createdAt(Instant.parse("2026-11-0" + id.charAt(2) + "T10:00:00Z")).build();
            context.getBean(OrderStore.class).createOrder(new StoredOrder(order, OrderStatus.PLACED, "d" + id,
                    Instant.now()));
            context.getBean(CustomerAccounts.class).recordOrder(shop, order);
        }
        Order other = Orders.anOrder().shop(SHOP).orderId("803").email("tom@example.com").customer("Tom Ng", "Tom")
                .build();
        context.getBean(OrderStore.class).createOrder(new StoredOrder(other, OrderStatus.PLACED, "d803", Instant.now()));
        context.getBean(CustomerAccounts.class).recordOrder(shop, other);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private List<String> run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--aws-endpoint", TestAws.endpoint(), "--table", table));
        return all;
    }

    private List<String> wholeTable() {
        List<String> items = new ArrayList<>();
        context.getBean(DynamoDbClient.class).scanPaginator(b -> b.tableName(table)).items()
                .forEach(i -> items.add(i.toString().toLowerCase(Locale.ROOT)));
        return items;
    }

    @Test
    void exportWritesEveryOrderAndEraseLeavesNothingOfThePerson() throws Exception {
        Path out = dir.resolve("rosa.json");
        assertThat(ShopsCommand.run(run("customers", "export", "--domain", SHOP, "--email", " Rosa@Example.com",
                "--out", out.toString()))).isZero();
        JsonNode doc = Json.read(Files.readString(out));
        List<String> orderIds = new ArrayList<>();
        doc.get("orders").forEach(o -> orderIds.add(o.get("orderId").asText()));
        assertThat(orderIds).containsExactlyInAnyOrder("801", "802");
        assertThat(doc.get("profile").get("name").asText()).isEqualTo("Rosa Quintanilla");
        // An export never overwrites a file.
        assertThat(ShopsCommand.run(run("customers", "export", "--domain", SHOP, "--email", "rosa@example.com",
                "--out", out.toString()))).isEqualTo(Flags.EXIT_USAGE);

        assertThat(ShopsCommand.run(run("customers", "erase", "--domain", SHOP, "--email", "rosa@example.com")))
                .isZero();
        List<String> afterFirst = wholeTable();
        assertThat(ShopsCommand.run(run("customers", "erase", "--domain", SHOP, "--email", "rosa@example.com")))
                .isZero();

        List<String> items = wholeTable();
        assertThat(items).containsExactlyInAnyOrderElementsOf(afterFirst);
        assertThat(items).noneMatch(i -> i.contains("rosa@example.com")).noneMatch(i -> i.contains("quintanilla"))
                .noneMatch(i -> i.contains("rosa"));
        assertThat(items).filteredOn(i -> i.contains("\"orderid\":\"801\"")).singleElement()
                .satisfies(i -> assertThat(i).contains("\"totalminor\":3500", "erased:"));
        assertThat(items).anyMatch(i -> i.contains("tom@example.com"));
        assertThat(context.getBean(CustomerStore.class).find(SHOP, "rosa@example.com")).isEmpty();

        Path again = dir.resolve("again.json");
        assertThat(ShopsCommand.run(run("customers", "export", "--domain", SHOP, "--email", "rosa@example.com",
                "--out", again.toString()))).isZero();
        assertThat(Json.read(Files.readString(again)).get("orders")).isEmpty();
    }

    @Test
    void anUnknownShopOrABadAddressIsRefused() {
        assertThat(ShopsCommand.run(run("customers", "erase", "--domain", "nobody.example", "--email", "a@b.co")))
                .isEqualTo(1);
        assertThat(ShopsCommand.run(run("customers", "erase", "--domain", SHOP, "--email", "not-an-address")))
                .isEqualTo(Flags.EXIT_USAGE);
        assertThat(ShopsCommand.run(run("customers", "forget", "--domain", SHOP))).isEqualTo(Flags.EXIT_USAGE);
    }
}
