package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import loyaltyloop.history.HistoryImport;
import loyaltyloop.history.ImportProgress;
import loyaltyloop.history.JsonLinesSource;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;

/**
 * A history import of {@code orders} Shopify orders (the body of {@code events/shopify-orders-create.json}, with
 * ids, customers, dates and totals varied: about 2.5 orders per customer over two years) through
 * {@link HistoryImport} on the moto server: write capacity per imported order, counted by
 * {@link CapacityCountingDynamoDbClient} (target ≤ 6), and orders imported per second on this machine.
 */
final class ImportBench {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ImportBench() {
    }

    static Map<String, Object> run(Path repo, int orders) throws Exception {
        APIGatewayV2HTTPEvent sample = JSON.readValue(repo.resolve("events/shopify-orders-create.json").toFile(),
                APIGatewayV2HTTPEvent.class);
        ObjectNode template = (ObjectNode) JSON.readTree(sample.getBody());
        Instant now = Instant.now();
        Random random = new Random(2026);
        int customers = Math.max(1, orders * 2 / 5);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < orders; i++) {
            ObjectNode order = template.deepCopy();
            order.put("id", 5_000_000_000_000L + i);
            order.put("name", "#" + (1000 + i));
            order.put("order_number", 1000 + i);
            String email = "customer" + random.nextInt(customers) + "@example.com";
            order.put("email", email);
            order.put("contact_email", email);
            order.put("created_at", now.minus(Duration.ofMinutes((long) (orders - i) * 730 * 24 * 60 / orders))
                    .toString());
            order.put("total_price", (10 + random.nextInt(190)) + ".00");
            order.put("test", false);
            lines.append(JSON.writeValueAsString(order)).append('\n');
        }
        JsonLinesSource source = new JsonLinesSource(lines.toString().getBytes(StandardCharsets.UTF_8));
        try (ApplicationContext context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(),
                Map.of("loyalty.test.count-capacity", "true"))) {
            Shop shop = TestShops.shopify(context, "import-bench-secret");
            CapacityCountingDynamoDbClient counter = context.getBean(CapacityCounting.class).counter();
            HistoryImport history = context.getBean(HistoryImport.class);
            counter.reset();
            long start = System.nanoTime();
            HistoryImport.Result result = history.run(shop, source, ImportProgress.Listener.SILENT);
            double seconds = (System.nanoTime() - start) / 1e9;
            CapacityBench.require(result.counts().ordersImported() == orders,
                    "imported " + result.counts().ordersImported() + " of " + orders);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("orders", orders);
            out.put("customers", customers);
            out.put("customerWritesByPage", result.counts().customers());
            out.put("importWcuPerOrder", Stats.round(counter.wcu() / orders, 3));
            out.put("importRcuPerOrder", Stats.round(counter.rcu() / orders, 3));
            out.put("importOrdersPerSecond", Stats.round(orders / seconds, 1));
            out.put("seconds", Stats.round(seconds, 1));
            System.out.println("import: " + orders + " orders\n" + counter.describe());
            return out;
        }
    }
}
