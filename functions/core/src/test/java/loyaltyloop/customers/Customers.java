package loyaltyloop.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;

/**
 * Customers for tests, named by what matters to the test: {@code Customers.aCustomer().orderCount(2).build()}.
 * Left alone, a customer is jane@example.com at demo.myshopify.com with nothing known: no name, orders, spend (in
 * USD), locale, contact, referral code or follow-up; consent unknown; version 0, not stored yet.
 */
public final class Customers {

    private String shop = "demo.myshopify.com";
    private String email = "jane@example.com";
    private String firstName;
    private String name;
    private Instant firstOrderAt;
    private int orderCount;
    private Money netSpend = Money.zero("USD");
    private String locale;
    private Instant lastContactAt;
    private MarketingConsent marketingConsent = MarketingConsent.UNKNOWN;
    private Instant unsubscribedAt;
    private String referralCode;
    private Map<String, Integer> countedOrders = Map.of();
    private List<String> affirmedOrders = List.of();
    private FollowUpState followUp = FollowUpState.NONE;
    private long version;
    private Instant lastActiveAt;

    private Customers() {
    }

    public static Customers aCustomer() {
        return new Customers();
    }

    /** Every field as in {@code customer}, to change one or two. */
    public static Customers aCustomerLike(Customer customer) {
        return aCustomer().shop(customer.shop()).email(customer.email()).firstName(customer.firstName())
                .name(customer.name()).firstOrderAt(customer.firstOrderAt()).orderCount(customer.orderCount())
                .netSpend(customer.netSpend()).locale(customer.locale()).lastContactAt(customer.lastContactAt())
                .marketingConsent(customer.marketingConsent()).unsubscribedAt(customer.unsubscribedAt())
                .referralCode(customer.referralCode()).countedOrders(customer.countedOrders())
                .affirmedOrders(customer.affirmedOrders()).followUp(customer.followUp()).version(customer.version())
                .lastActiveAt(customer.lastActiveAt());
    }

    public Customers shop(String shop) {
        this.shop = shop;
        return this;
    }

    public Customers email(String email) {
        this.email = email;
        return this;
    }

    /** The customer's first and full name. */
    public Customers named(String firstName, String name) {
        return firstName(firstName).name(name);
    }

    public Customers firstName(String firstName) {
        this.firstName = firstName;
        return this;
    }

    public Customers name(String name) {
        this.name = name;
        return this;
    }

    public Customers firstOrderAt(Instant firstOrderAt) {
        this.firstOrderAt = firstOrderAt;
        return this;
    }

    public Customers orderCount(int orderCount) {
        this.orderCount = orderCount;
        return this;
    }

    public Customers netSpend(Money netSpend) {
        this.netSpend = netSpend;
        return this;
    }

    public Customers locale(String locale) {
        this.locale = locale;
        return this;
    }

    public Customers lastContactAt(Instant lastContactAt) {
        this.lastContactAt = lastContactAt;
        return this;
    }

    public Customers marketingConsent(MarketingConsent marketingConsent) {
        this.marketingConsent = marketingConsent;
        return this;
    }

    public Customers unsubscribedAt(Instant unsubscribedAt) {
        this.unsubscribedAt = unsubscribedAt;
        return this;
    }

    public Customers referralCode(String referralCode) {
        this.referralCode = referralCode;
        return this;
    }

    public Customers countedOrders(Map<String, Integer> countedOrders) {
        this.countedOrders = countedOrders;
        return this;
    }

    public Customers affirmedOrders(List<String> affirmedOrders) {
        this.affirmedOrders = affirmedOrders;
        return this;
    }

    public Customers followUp(FollowUpState followUp) {
        this.followUp = followUp;
        return this;
    }

    public Customers lastActiveAt(Instant lastActiveAt) {
        this.lastActiveAt = lastActiveAt;
        return this;
    }

    public Customers version(long version) {
        this.version = version;
        return this;
    }

    public Customer build() {
        return new Customer(shop, email, firstName, name, firstOrderAt, orderCount, netSpend, locale, lastContactAt,
                marketingConsent, unsubscribedAt, referralCode, countedOrders, affirmedOrders, followUp, version,
                lastActiveAt);
    }
}
