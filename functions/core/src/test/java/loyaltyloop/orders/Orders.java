package loyaltyloop.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.shops.Platform;

/**
 * Orders for tests, named by what matters to the test: {@code Orders.anOrder().email(..).total(..).build()}. Left
 * alone, an order is the bare one a platform may send: a Shopify order #1001 at demo.myshopify.com from
 * jane@example.com, nothing bought, no name, locale, customer id, codes, attributes or landing page, consent
 * unknown.
 */
public final class Orders {

    private String shop = "demo.myshopify.com";
    private Platform platform = Platform.SHOPIFY;
    private String orderId = "1001";
    private String orderName = "#1001";
    private Instant createdAt = Instant.parse("2026-11-28T10:20:00Z");
    private String email = "jane@example.com";
    private String customerName;
    private String firstName;
    private String customerId;
    private String locale;
    private String currency;
    private Money total = Money.zero("USD");
    private Money subtotal;
    private List<LineItem> lineItems = List.of();
    private List<String> discountCodes = List.of();
    private Map<String, String> attributes = Map.of();
    private String landingSite;
    private boolean test;
    private MarketingConsent marketingConsent = MarketingConsent.UNKNOWN;
    private int omittedLineItems;
    private Instant updatedAt;
    private Order.Presentment presentment;

    private Orders() {
    }

    public static Orders anOrder() {
        return new Orders();
    }

    /** Every field as in {@code order}, to change one or two. */
    public static Orders anOrderLike(Order order) {
        return anOrder().shop(order.shop()).platform(order.platform()).orderId(order.orderId())
                .orderName(order.orderName()).createdAt(order.createdAt()).email(order.email())
                .customerName(order.customerName()).firstName(order.firstName()).customerId(order.customerId())
                .locale(order.locale()).currency(order.currency()).total(order.total()).subtotal(order.subtotal())
                .lineItems(order.lineItems()).discountCodes(order.discountCodes()).attributes(order.attributes())
                .landingSite(order.landingSite()).test(order.test()).marketingConsent(order.marketingConsent())
                .omittedLineItems(order.omittedLineItems()).updatedAt(order.updatedAt()).presentment(order.presentment());
    }

    public Orders shop(String shop) {
        this.shop = shop;
        return this;
    }

    public Orders platform(Platform platform) {
        this.platform = platform;
        return this;
    }

    /** The platform's id; the order name stays as set ({@link #orderName}). */
    public Orders orderId(String orderId) {
        this.orderId = orderId;
        return this;
    }

    public Orders orderName(String orderName) {
        this.orderName = orderName;
        return this;
    }

    public Orders createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public Orders email(String email) {
        this.email = email;
        return this;
    }

    /** The customer's full and first name. */
    public Orders customer(String customerName, String firstName) {
        return customerName(customerName).firstName(firstName);
    }

    public Orders customerName(String customerName) {
        this.customerName = customerName;
        return this;
    }

    public Orders firstName(String firstName) {
        this.firstName = firstName;
        return this;
    }

    public Orders customerId(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public Orders locale(String locale) {
        this.locale = locale;
        return this;
    }

    /** The order's currency; the total's when not set. */
    public Orders currency(String currency) {
        this.currency = currency;
        return this;
    }

    /** What the customer paid; also the subtotal unless {@link #subtotal} says otherwise. */
    public Orders total(Money total) {
        this.total = total;
        return this;
    }

    public Orders subtotal(Money subtotal) {
        this.subtotal = subtotal;
        return this;
    }

    public Orders lineItems(List<LineItem> lineItems) {
        this.lineItems = lineItems;
        return this;
    }

    public Orders lineItems(LineItem... lineItems) {
        return lineItems(List.of(lineItems));
    }

    public Orders discountCodes(List<String> discountCodes) {
        this.discountCodes = discountCodes;
        return this;
    }

    public Orders attributes(Map<String, String> attributes) {
        this.attributes = attributes;
        return this;
    }

    public Orders landingSite(String landingSite) {
        this.landingSite = landingSite;
        return this;
    }

    public Orders test(boolean test) {
        this.test = test;
        return this;
    }

    public Orders marketingConsent(MarketingConsent marketingConsent) {
        this.marketingConsent = marketingConsent;
        return this;
    }

    /** How many more line items the platform sent than the order keeps (OrderLimits). */
    public Orders omittedLineItems(int omitted) {
        this.omittedLineItems = omitted;
        return this;
    }

    public Orders updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** Paid in another currency than the shop's: what the customer saw. */
    public Orders presentment(Order.Presentment presentment) {
        this.presentment = presentment;
        return this;
    }

    public Order build() {
        return new Order(shop, platform, orderId, orderName, createdAt, email, customerName, firstName, customerId,
                locale, currency == null ? total.currency() : currency, total, subtotal == null ? total : subtotal,
                lineItems, discountCodes, attributes, landingSite, test, marketingConsent, omittedLineItems,
                List.of(), updatedAt, presentment);
    }
}
