package loyaltyloop.referral;

import loyaltyloop.points.PointsEmails;
import loyaltyloop.orders.Orders;
import loyaltyloop.points.PointsLedger;
import loyaltyloop.points.PointsPages;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.links.Links;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.RecordingEmailSender;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestClock;
import loyaltyloop.testing.TestShops;

/**
 * A shop of its own on the moto server (own table, a tapped bus, demo coupon provisioning), the production beans
 * wired to it, a clock the test moves, and customers made the way intake makes them.
 */
public final class ReferralFixture implements AutoCloseable {

    public static final String BASE_URL = "https://links.example.com";
    private static final AtomicLong ORDER_IDS = new AtomicLong(5_000_000_000_000L);

    public final TestClock clock;
    public final ApplicationContext context;
    public final TestAws.EventTap bus;
    public final ShopStore shops;
    public final CustomerStore customers;
    public final CustomerAccounts accounts;
    public final OrderStore orders;
    public final PointsLedger ledger;
    public final Links links;
    /** What the services sent, as they built it (moto keeps no kind or HTML). */
    public final List<EmailMessage> sent;
    public final EmailSender sender;
    public Shop shop;

    public ReferralFixture(Instant start, Map<String, Object> extra) {
        clock = new TestClock(start);
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(), new HashMap<>(extra));
        shops = context.getBean(ShopStore.class);
        customers = context.getBean(CustomerStore.class);
        orders = context.getBean(OrderStore.class);
        ledger = context.getBean(PointsLedger.class);
        links = context.getBean(Links.class);
        accounts = new CustomerAccounts(customers, clock);
        RecordingEmailSender recording = new RecordingEmailSender(context.getBean(EmailSender.class));
        sender = recording;
        sent = recording.sent();
        Shop registered = TestShops.register(context, TestAws.unique("shop") + ".myshopify.com", Platform.SHOPIFY,
                "fixture-secret", "USD", "en");
        saveShop(registered.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO));
    }

    public static ReferralFixture start() {
        return new ReferralFixture(Instant.parse("2026-11-29T10:00:00Z"), Map.of());
    }

    public void saveShop(Shop changed) {
        shops.save(changed);
        shop = changed;
    }

    public void referralSettings(LoyaltySettings.ReferralSettings referrals) {
        LoyaltySettings s = shop.settings();
        saveShop(shop.withSettings(new LoyaltySettings(s.survey(), s.coupons(), referrals)));
    }

    public final loyaltyloop.testing.RecordingLoopMetrics metrics = new loyaltyloop.testing.RecordingLoopMetrics();

    public ReferralCredits credits() {
        return new ReferralCredits(shops, customers, orders, context.getBean(SpendStats.class), ledger,
                context.getBean(EventPublisher.class), sender, links, clock, context.getBean(PointsEmails.class), metrics,
                new loyaltyloop.customers.CustomerLadder(customers,
                        context.getBean(loyaltyloop.ladder.LadderCounts.class), clock),
                context.getBean(loyaltyloop.stats.LoopStats.class));
    }

    public PointsPages pages() {
        return new PointsPages(links, shops, customers, ledger, context.getBean(CouponIssuer.class), coupons(),
                context.getBean(EventPublisher.class), clock);
    }

    public CouponStore coupons() {
        return context.getBean(CouponStore.class);
    }

    public String newEmail(String who) {
        return TestAws.unique(who) + "@example.com";
    }

    /** A Shopify-shaped order by {@code email}, not stored. */
    public Order order(String email, String firstName, String customerId, long totalMinor, Map<String, String> attributes,
            List<String> discountCodes, String landingSite) {
        long id = ORDER_IDS.incrementAndGet();
        Money total = new Money(totalMinor, "USD");
        return Orders.anOrder().shop(shop.domain()).orderId(Long.toString(id)).orderName("#" + (id % 100_000))
                .createdAt(clock.instant()).email(email).customer(firstName + " Doe", firstName).customerId(customerId)
                .locale("en").currency("USD").total(total).lineItems(new LineItem("Ceramic Mug", 1, total, "632910392"))
                .discountCodes(discountCodes).attributes(attributes).landingSite(landingSite)
                .marketingConsent(MarketingConsent.GRANTED).build();
    }

    /** Stores and counts the order as intake does; the customer's order number at the shop. */
    public int place(Order order) {
        orders.createOrder(new StoredOrder(order, OrderStatus.PLACED, "delivery-" + order.orderId(), clock.instant()));
        return accounts.recordOrder(shop, order);
    }

    /** A customer with one order and so a referral code. */
    public Customer referrer(String email, String customerId, long spentMinor) {
        place(order(email, "Rita", customerId, spentMinor, Map.of(), List.of(), null));
        return customer(email);
    }

    /** A friend's first order carrying {@code code} as the {@code loyalty_ref} attribute, placed; not yet credited. */
    public Order friendOrder(String email, String firstName, String code, long totalMinor) {
        Order order = order(email, firstName, null, totalMinor, Map.of("loyalty_ref", code), List.of(), null);
        place(order);
        return order;
    }

    public Customer customer(String email) {
        return customers.find(shop.domain(), email).orElseThrow();
    }

    public long balance(String email) {
        return ledger.balance(shop.domain(), email);
    }

    public List<EmailMessage> sentTo(String email) {
        return sent.stream().filter(m -> m.to().equals(email)).toList();
    }

    /** The token of the customer's statement link. */
    public String pointsToken(Customer customer) {
        String url = links.pointsUrl(BASE_URL, shop.domain(), customer.referralCode());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        String table = context.getRequiredProperty("loyalty.table", String.class);
        context.close();
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = TestAws.dynamo()) {
            dynamo.deleteTable(b -> b.tableName(table));
        }
    }
}
