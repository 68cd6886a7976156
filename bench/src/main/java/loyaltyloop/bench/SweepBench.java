package loyaltyloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.dynamodb.StoredItems;
import loyaltyloop.followup.FollowUpPolicy;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.followup.FollowUpSweep;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The 90-45 sweep with the same 1,000 customers due in a shop of 10,000 and of 100,000 customers: what one run
 * costs (RCU + WCU, counted), so the ratio shows whether the customers who are not due are ever read.
 *
 * <p>Customers are written straight into the table with BatchWriteItem, 25 a call, as the items the stores build
 * ({@link StoredItems}; read back through the customer store as a check), with the shop's spend histogram and, for
 * the due ones, their last order (the follow-up's content). Not-due customers are scheduled too (their
 * {@code dueAt} is in the future), as every customer with an order is. Then {@link FollowUpSweep#run} runs once
 * from a context wired to moto with SES on moto (the shop's sender verified) and a batch limit above 1,000.
 */
final class SweepBench {

    static final String SHOP = "demo.myshopify.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 25;
    /** Prices of a small shop's catalog, in cents: lifetime spends are sums of these, as in a real shop. */
    static final long[] PRICES = {1290, 1500, 1990, 2000, 2450, 2990, 3490, 3990, 4500, 5990, 7900, 12900};

    private SweepBench() {
    }

    /** One sweep run in a shop of {@code customers}, {@code due} of them due. */
    static Map<String, Object> run(Path repo, int customers, int due) throws Exception {
        String table = TestAws.createTable();
        try (ApplicationContext context = TestAws.context(table, "bench-unused-bus", TestAws.createLinkKey(),
                Map.of("loyalty.test.count-capacity", "true",
                        "loyalty.follow-up.batch-limit", Integer.toString(Math.max(2000, due * 2)),
                        "loyalty.public-base-url", "https://bench.example"))) {
            TestShops.shopify(context, "sweep-bench-secret");
            Instant now = Instant.now();
            long seedStart = System.nanoTime();
            Map<Long, Long> histogram = seed(repo, table, customers, due, now);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            checkShape(context.getBean(CustomerStore.class), due);

            CapacityCountingDynamoDbClient counter = context.getBean(CapacityCounting.class).counter();
            counter.reset();
            long start = System.nanoTime();
            FollowUpSweep.Report report = context.getBean(FollowUpSweep.class).run(() -> true);
            double runSeconds = (System.nanoTime() - start) / 1e9;

            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customers", customers);
            out.put("due", due);
            out.put("seedSeconds", Stats.round(seedSeconds, 1));
            out.put("seedItemsPerSecond", Stats.round((customers + due + histogram.size()) / seedSeconds, 0));
            out.put("spendBuckets", histogram.size());
            out.put("runSeconds", Stats.round(runSeconds, 1));
            out.put("sent", report.count(FollowUpSweep.Visit.SENT));
            out.put("visits", report.visits().toString());
            out.put("incomplete", report.incomplete());
            out.put("rcu", counter.rcu());
            out.put("wcu", counter.wcu());
            out.put("capacity", counter.rcu() + counter.wcu());
            out.put("rcuPerDue", counter.rcu() / due);
            out.put("wcuPerDue", counter.wcu() / due);
            out.put("rcuByOperation", counter.rcuByOperation());
            out.put("wcuByOperation", counter.wcuByOperation());
            out.put("rcuByItem", rcuByItem(counter));
            System.out.printf("sweep: %,d customers (%,d due): seeded in %.0f s, one run %.1f s, %s, %.1f RCU + %.1f WCU%n",
                    customers, due, seedSeconds, runSeconds, report.visits(), counter.rcu(), counter.wcu());
            return out;
        }
    }

    /** RCU grouped by what was read: customer items, orders, the due index, the spend histogram, the rest. */
    private static Map<String, Double> rcuByItem(CapacityCountingDynamoDbClient counter) {
        Map<String, Double> by = new TreeMap<>();
        for (CapacityCountingDynamoDbClient.Charge c : counter.charges()) {
            if (c.capacity() != CapacityCountingDynamoDbClient.Capacity.READ) {
                continue;
            }
            String pk = c.partitionKey();
            // Queries carry no item key: "Query" is the table (the shop registry and the spend histogram),
            // "Query DueIndex" the due index.
            String label = pk == null ? c.label() : c.operation() + " " + pk.substring(0, Math.max(0, pk.indexOf('#')));
            by.merge(label, c.units(), Double::sum);
        }
        return by;
    }

    /** Writes the customers, the due ones' last orders and the spend histogram; answers the histogram. */
    static Map<Long, Long> seed(Path repo, String table, int customers, int due, Instant now) throws Exception {
        Random random = new Random(42);
        JsonNode sampleOrder = JSON.readTree(repo.resolve("events/order-placed.json").toFile()).path("detail").path("order");
        Map<Long, Long> histogram = new TreeMap<>();
        List<Map<String, AttributeValue>> pending = new ArrayList<>(BATCH);
        try (DynamoDbClient dynamo = TestAws.dynamo()) {
            for (int i = 0; i < customers; i++) {
                boolean isDue = i < due;
                String email = "customer" + i + "@example.com";
                int orders = 1 + (random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0);
                long spend = 0;
                for (int o = 0; o < orders; o++) {
                    spend += PRICES[random.nextInt(PRICES.length)] * (1 + random.nextInt(2)) + 995;
                }
                Instant lastContact = isDue
                        ? now.minus(Duration.ofDays(91)).minus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)))
                        : now.minus(Duration.ofMinutes(random.nextInt(88 * 24 * 60)));
                Instant dueAt = lastContact.plus(FollowUpPolicy.REGULAR_LIMIT);
                String orderId = Long.toString(5_000_000_000L + i);
                long bucket = SpendHistogram.bucketOf(spend);
                histogram.merge(bucket, 1L, Long::sum);
                pending.add(customerItem(email, orders, spend, lastContact, dueAt, orderId, bucket, i));
                if (isDue) {
                    pending.add(orderItem(sampleOrder, orderId, email, lastContact));
                }
                if (pending.size() >= BATCH) {
                    flush(dynamo, table, pending);
                }
            }
            for (Map.Entry<Long, Long> b : histogram.entrySet()) {
                pending.add(StoredItems.spendBucket(SHOP, b.getKey(), b.getValue()));
                if (pending.size() >= BATCH) {
                    flush(dynamo, table, pending);
                }
            }
            flush(dynamo, table, pending);
        }
        return histogram;
    }

    /** The stored item of such a customer: scheduled at {@code dueAt}, counted in {@code bucket}. */
    static Map<String, AttributeValue> customerItem(String email, int orders, long spend, Instant lastContact,
            Instant dueAt, String orderId, long bucket, int i) {
        return customerItem(SHOP, email, orders, spend, lastContact, dueAt, orderId, bucket, i);
    }

    static Map<String, AttributeValue> customerItem(String shop, String email, int orders, long spend,
            Instant lastContact, Instant dueAt, String orderId, long bucket, int i) {
        Customer customer = new Customer(shop, email, "Customer" + i, "Customer" + i + " Example",
                lastContact.minus(Duration.ofDays(30L * (orders - 1))), orders, new Money(spend, "USD"), "en",
                lastContact, MarketingConsent.GRANTED, null, String.format("R%07X", i), Map.of(orderId, orders),
                List.of(orderId), new FollowUpState(dueAt, bucket, null, null, null, 0), 2 + orders);
        return StoredItems.customer(customer);
    }

    /** The stored item of the sample order as the customer's, placed {@code at}. */
    private static Map<String, AttributeValue> orderItem(JsonNode sample, String orderId, String email, Instant at) {
        return orderItem(SHOP, sample, orderId, email, at);
    }

    static Map<String, AttributeValue> orderItem(String shop, JsonNode sample, String orderId, String email,
            Instant at) {
        ObjectNode json = sample.deepCopy();
        json.put("shop", shop);
        json.put("orderId", orderId);
        json.put("email", email);
        json.put("createdAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
        Order order = OrderJson.fromJson(json);
        return StoredItems.order(new StoredOrder(order, OrderStatus.PLACED, "seed-" + orderId, at));
    }

    /** Reads seeded customers back through the production store: the shape must be what it writes. */
    private static void checkShape(CustomerStore store, int due) {
        for (int i : new int[] {0, due - 1, due}) {
            Customer c = store.find(SHOP, "customer" + i + "@example.com")
                    .orElseThrow(() -> new IllegalStateException("seeded customer not found"));
            CapacityBench.require(c.followUp().dueAt() != null && c.followUp().spendBucket() != null
                    && c.version() > 1 && c.countedOrders().size() == 1, "seeded customer has the wrong shape: " + c);
        }
    }

    static void flush(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        if (items.isEmpty()) {
            return;
        }
        List<WriteRequest> writes = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        Map<String, List<WriteRequest>> request = Map.of(table, writes);
        for (int attempt = 0; attempt < 10 && !request.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> current = request;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(current));
            request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        CapacityBench.require(request.isEmpty(), "BatchWriteItem left items unprocessed");
        items.clear();
    }
}
