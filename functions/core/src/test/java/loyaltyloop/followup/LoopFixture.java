package loyaltyloop.followup;

import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.orders.Orders;
import loyaltyloop.testing.TestClock;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.links.Links;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.RecordingEmailSender;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import loyaltyloop.owner.OwnerDigestEmail;
import loyaltyloop.owner.OwnerDigests;
import loyaltyloop.stats.LoopStats;

/**
 * One shop of its own on the moto server (own table, own addresses), the production beans of a context wired to
 * it, and a clock the test moves. Customers are made the way production makes them: the order is stored, counted
 * for its customer ({@link CustomerAccounts#recordOrder}) and reconciled by the {@link FollowUpScheduler}, as
 * order intake and the scheduling function do.
 */
public final class LoopFixture implements AutoCloseable {

    public static final String BASE_URL = "https://links.example.com";
    private static final AtomicInteger ORDER_IDS = new AtomicInteger(1000);

    public final TestClock clock;
    public final ApplicationContext context;
    public final ShopStore shops;
    public final CustomerStore customers;
    public final OrderStore orders;
    public final DueCustomers due;
    public final SpendStats spendStats;
    public final LoopStats loopStats;
    public final Links links;
    /** The real SES adapter (SES on the moto server). */
    public final EmailSender ses;
    /** What went through {@link #ses}, as the messages the services built (kind and headers are not kept by moto). */
    final List<EmailMessage> sent;
    public final CustomerAccounts accounts;
    public final FollowUpScheduler scheduler;
    public Shop shop;

    private final boolean ownsTable;

    private LoopFixture(Instant start, Map<String, Object> extra) {
        this(new TestClock(start), TestAws.createTable(), TestAws.createLinkKey(), extra, null);
    }

    private LoopFixture(TestClock clock, String table, String linkKey, Map<String, Object> extra, Shop existing) {
        this.clock = clock;
        this.ownsTable = existing == null;
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("loyalty.public-base-url", BASE_URL);
        context = TestAws.context(table, "unused-bus", linkKey, properties);
        shops = context.getBean(ShopStore.class);
        customers = context.getBean(CustomerStore.class);
        orders = context.getBean(OrderStore.class);
        due = context.getBean(DueCustomers.class);
        spendStats = context.getBean(SpendStats.class);
        loopStats = context.getBean(LoopStats.class);
        links = new Links(context.getBean(loyaltyloop.secrets.SecretSource.class), linkKey, clock);
        RecordingEmailSender recording = new RecordingEmailSender(context.getBean(EmailSender.class));
        ses = recording;
        sent = recording.sent();
        accounts = new CustomerAccounts(customers, clock);
        scheduler = new FollowUpScheduler(shops, customers, spendStats, loopStats,
                context.getBean(loyaltyloop.ladder.LadderCounts.class), clock);
        shop = existing != null ? existing : TestShops.register(context, TestAws.unique("shop") + ".myshopify.com",
                Platform.SHOPIFY, "fixture-secret", "USD", "en");
    }

    /** Another context on the same table, shop and clock, without capacity counting: for seeding quickly. */
    public LoopFixture plainTwin() {
        return new LoopFixture(clock, context.getRequiredProperty("loyalty.table", String.class),
                context.getRequiredProperty("loyalty.link-key-secret", String.class), Map.of(), shop);
    }

    public static LoopFixture start(Instant start) {
        return new LoopFixture(start, Map.of());
    }

    /** With every DynamoDB call of the context's beans counted in capacity units. */
    public static LoopFixture countingCapacity(Instant start) {
        return new LoopFixture(start, Map.of("loyalty.test.count-capacity", "true"));
    }

    public CapacityCountingDynamoDbClient capacity() {
        return context.getBean(CapacityCounting.class).counter();
    }

    /** Closes the context and drops the table, so the shared moto server stays small for the tests after. */
    @Override
    public void close() {
        String table = context.getRequiredProperty("loyalty.table", String.class);
        context.close();
        if (!ownsTable) {
            return;
        }
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = TestAws.dynamo()) {
            dynamo.deleteTable(b -> b.tableName(table));
        }
    }

    // --- the shop ---

    void consentMode(ConsentMode mode) {
        saveShop(new Shop(shop.domain(), shop.platform(), shop.storefrontUrl(), shop.senderAddress(), shop.senderName(),
                shop.ownerEmail(), shop.defaultLocale(), shop.currency(), shop.webhookSecretRef(), mode,
                shop.productTips()));
    }

    public void saveShop(Shop changed) {
        shops.save(changed);
        shop = changed;
    }

    // --- services on this fixture's beans and clock ---

    public FollowUpSweep sweep() {
        return sweep(ses, customers, 500);
    }

    public FollowUpSweep sweep(EmailSender sender, CustomerStore store, int batchLimit) {
        return new FollowUpSweep(shops, store, orders, due, spendStats, loopStats, sender, links, clock,
                context.getBean(FollowUpEmail.class), context.getBean(SurveyEmails.class), SendPace.UNPACED, BASE_URL,
                batchLimit);
    }

    public OwnerDigests digests() {
        return new OwnerDigests(shops, customers, orders, due, spendStats, loopStats, ses, clock,
                context.getBean(OwnerDigestEmail.class), new loyaltyloop.owner.OwnerInsights(
                        context.getBean(loyaltyloop.ladder.LadderCounts.class), loopStats, due, clock), links, BASE_URL);
    }

    // --- customers ---

    public String newEmail(String who) {
        return TestAws.unique(who) + "@example.com";
    }

    public Order order(String email, String firstName, long totalMinor, MarketingConsent consent) {
        int number = ORDER_IDS.incrementAndGet();
        Money total = new Money(totalMinor, "USD");
        return Orders.anOrder().shop(shop.domain()).orderId("82098291194615" + number).orderName("#" + number)
                .createdAt(clock.instant()).email(email).customer(firstName + " Doe", firstName).locale("en")
                .currency("USD").total(total).lineItems(new LineItem("Ceramic Mug", 1, total, "632910392"))
                .marketingConsent(consent).build();
    }

    /** An order placed now, handled as intake and the scheduling function handle it. */
    public Order place(String email, String firstName, long totalMinor) {
        return place(order(email, firstName, totalMinor, MarketingConsent.GRANTED));
    }

    public Order place(Order order) {
        orders.createOrder(new StoredOrder(order, OrderStatus.PLACED, "delivery-" + order.orderId(), clock.instant()));
        int number = accounts.recordOrder(shop, order);
        scheduler.reconcile(shop.domain(), order.email(), order.orderId(), number == 1);
        return order;
    }

    /** An order placed now, scheduled as the scheduling function does on {@code OrderPlaced}: with its survey. */
    public Order placeWithSurvey(String email, String firstName, long totalMinor) {
        Order order = order(email, firstName, totalMinor, MarketingConsent.GRANTED);
        orders.createOrder(new StoredOrder(order, OrderStatus.PLACED, "delivery-" + order.orderId(), clock.instant()));
        int number = accounts.recordOrder(shop, order);
        scheduler.reconcile(shop.domain(), order.email(),
                FollowUpScheduler.Prompt.placed(order.orderId(), number == 1, order.createdAt()));
        return order;
    }

    public Customer customer(String email) {
        return customers.find(shop.domain(), email).orElseThrow();
    }

    /** Every customer the due index lists as due before {@code until}, read page by page to the end. */
    public List<String> dueBefore(Instant until) {
        List<String> emails = new ArrayList<>();
        String cursor = null;
        do {
            DueCustomers.Page page = due.due(shop.domain(), until, cursor, 100);
            emails.addAll(page.emails());
            cursor = page.nextCursor();
        } while (cursor != null);
        return emails;
    }

    public Optional<Customer> find(String email) {
        return customers.find(shop.domain(), email);
    }

    public List<EmailMessage> sentTo(String email) {
        return sent.stream().filter(m -> m.to().equals(email)).toList();
    }

}
