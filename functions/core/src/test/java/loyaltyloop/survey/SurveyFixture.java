package loyaltyloop.survey;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.dynamodb.DemoCheckoutProvisioner;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.links.Links;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.Orders;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.RecordingEmailSender;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestClock;
import loyaltyloop.testing.TestShops;

/**
 * A shop of its own on the moto server (own table, bus tap, link key) whose coupons go to the demo checkout, the
 * production beans wired to it, and a clock the test moves. Orders are stored and counted the way intake does.
 */
final class SurveyFixture implements AutoCloseable {

    static final String BASE_URL = "https://links.example.com";
    private static final AtomicInteger ORDER_IDS = new AtomicInteger(5000);

    final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    final ApplicationContext context;
    final TestAws.EventTap bus;
    final ShopStore shops;
    final CustomerStore customers;
    final CustomerAccounts accounts;
    final OrderStore orders;
    final CouponStore coupons;
    final SurveyResponses responses;
    final DemoCheckoutProvisioner checkout;
    final LoopStats loopStats;
    final Links links;
    final List<EmailMessage> sent;
    final EmailSender ses;
    Shop shop;

    private SurveyFixture(Map<String, Object> extra) {
        bus = TestAws.tapBus();
        String linkKey = TestAws.createLinkKey();
        context = TestAws.context(TestAws.createTable(), bus.bus(), linkKey, new HashMap<>(extra));
        shops = context.getBean(ShopStore.class);
        customers = context.getBean(CustomerStore.class);
        orders = context.getBean(OrderStore.class);
        coupons = context.getBean(CouponStore.class);
        responses = context.getBean(SurveyResponses.class);
        checkout = context.getBean(DemoCheckoutProvisioner.class);
        loopStats = context.getBean(LoopStats.class);
        accounts = new CustomerAccounts(customers, clock);
        links = new Links(context.getBean(SecretSource.class), linkKey, clock);
        RecordingEmailSender recording = new RecordingEmailSender(context.getBean(EmailSender.class));
        ses = recording;
        sent = recording.sent();
        Shop registered = TestShops.register(context, TestAws.unique("shop") + ".myshopify.com", Platform.SHOPIFY,
                "fixture-secret", "USD", "en");
        saveShop(registered.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO));
    }

    static SurveyFixture start() {
        return new SurveyFixture(Map.of());
    }

    static SurveyFixture countingCapacity() {
        return new SurveyFixture(Map.of("loyalty.test.count-capacity", "true"));
    }

    CapacityCountingDynamoDbClient capacity() {
        return context.getBean(CapacityCounting.class).counter();
    }

    void saveShop(Shop changed) {
        shops.save(changed);
        shop = changed;
    }

    CouponIssuer issuer() {
        return issuer(List.of(checkout));
    }

    CouponIssuer issuer(List<CouponProvisioner> provisioners) {
        return new CouponIssuer(provisioners, coupons, context.getBean(EventPublisher.class), clock,
                new loyaltyloop.testing.RecordingLoopMetrics(), context.getBean(loyaltyloop.stats.LoopStats.class));
    }

    /** A shop whose checkout refuses every code (its API is down): provisioning always fails. */
    static CouponProvisioner unreachableShop() {
        return new CouponProvisioner() {
            public boolean serves(Shop shop) {
                return true;
            }

            public String newCode(Shop shop, String reference) {
                return loyaltyloop.coupons.CouponCodes.generate(null);
            }

            public void release(Shop shop, String code) {
            }

            public void provision(Shop shop, loyaltyloop.coupons.Coupon coupon) {
                throw new loyaltyloop.coupons.ProvisioningException("shop answered 503", false);
            }
        };
    }

    SurveyAnswers answers() {
        return answers(issuer());
    }

    SurveyAnswers answers(CouponIssuer issuer) {
        return new SurveyAnswers(links, shops, customers, orders, responses, issuer, coupons,
                context.getBean(EventPublisher.class), loopStats, clock);
    }

    SurveyFollowThrough followThrough() {
        return followThrough(issuer(), ses);
    }

    SurveyFollowThrough followThrough(CouponIssuer issuer, EmailSender sender) {
        return new SurveyFollowThrough(shops, accounts, orders, responses, coupons, issuer, sender, loopStats, clock,
                context.getBean(SurveyEmails.class));
    }

    Order place(String email, String firstName, String locale) {
        int number = ORDER_IDS.incrementAndGet();
        Money total = new Money(4_990, "USD");
        Order order = Orders.anOrder().shop(shop.domain()).orderId("7710" + number).orderName("#" + number)
                .createdAt(clock.instant()).email(email).customer(firstName + " Doe", firstName).locale(locale)
                .currency("USD").total(total).lineItems(new LineItem("Linen Apron", 1, total, "9001"))
                .marketingConsent(MarketingConsent.GRANTED).build();
        orders.createOrder(new StoredOrder(order, OrderStatus.PLACED, "delivery-" + order.orderId(), clock.instant()));
        accounts.recordOrder(shop, order);
        return order;
    }

    /** The token of the survey link about {@code order}, valid for the shop's default 30 days from now. */
    String token(Order order) {
        String ref = customers.find(shop.domain(), order.email()).orElseThrow().referralCode();
        String url = links.surveyUrl(BASE_URL, shop.domain(), ref, order.orderId(), Duration.ofDays(30));
        return url.substring(url.lastIndexOf('/') + 1);
    }

    String newEmail(String who) {
        return TestAws.unique(who) + "@example.com";
    }

    List<EmailMessage> sentTo(String email) {
        return sent.stream().filter(m -> m.to().equals(email)).toList();
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
