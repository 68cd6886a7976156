package loyaltyloop.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;

/**
 * Pure rules for how an order, a refund or an email changes a customer. No storage here: {@link CustomerAccounts}
 * applies these with optimistic concurrency.
 */
public final class CustomerHistory {

    /** How many recent order ids a customer remembers to make repeated deliveries harmless. */
    static final int REMEMBERED_ORDERS = 30;

    private CustomerHistory() {
    }

    /** A customer's state after one more order; unchanged when that order was already counted. */
    public static Customer withOrder(Customer before, Order order, String shopCurrency, Instant now) {
        if (before.countedOrders().containsKey(order.orderId())) {
            return before;
        }
        int number = before.orderCount() + 1;
        Map<String, Integer> counted = new LinkedHashMap<>(before.countedOrders());
        counted.put(order.orderId(), number);
        trimOldest(counted, REMEMBERED_ORDERS);
        Money spend = before.netSpend();
        // Spend is kept in the shop currency; an order in another currency cannot be added exactly.
        if (order.total().currency().equals(spend.currency())) {
            spend = spend.plus(order.total());
        }
        Instant firstOrderAt = before.firstOrderAt() == null || order.createdAt().isBefore(before.firstOrderAt())
                ? order.createdAt() : before.firstOrderAt();
        // An order is a contact; a late delivery must not move the clock back.
        Instant lastContact = latest(before.lastContactAt(), order.createdAt());
        MarketingConsent consent = order.marketingConsent() == MarketingConsent.UNKNOWN
                ? before.marketingConsent() : order.marketingConsent();
        return new Customer(before.shop(), before.email(),
                blankToElse(order.firstName(), before.firstName()),
                blankToElse(order.customerName(), before.name()),
                firstOrderAt, number, spend,
                blankToElse(order.locale(), before.locale()),
                lastContact, consent, before.unsubscribedAt(), before.referralCode(),
                counted, before.affirmedOrders(), before.followUp(), before.version() + 1,
                activeDay(before.lastActiveAt(), order.createdAt()));
    }

    /**
     * The customer's activity (a good {@code /s/} or {@code /p/} link, an answer) at {@code at}: kept to the UTC day
     * and never moved back, so unchanged (no write) when that day is already recorded. Orders count as activity in
     * {@link #withOrder}. The retention period runs from the last activity (docs/privacy.md).
     */
    public static Customer withActivity(Customer before, Instant at) {
        Instant day = activeDay(before.lastActiveAt(), at);
        if (day.equals(before.lastActiveAt())) {
            return before;
        }
        return new Customer(before.shop(), before.email(), before.firstName(), before.name(), before.firstOrderAt(),
                before.orderCount(), before.netSpend(), before.locale(), before.lastContactAt(),
                before.marketingConsent(), before.unsubscribedAt(), before.referralCode(), before.countedOrders(),
                before.affirmedOrders(), before.followUp(), before.version() + 1, day);
    }

    /** An email we sent is a contact: it resets the 90-45 clock, never backwards; unchanged when not later. */
    public static Customer withContact(Customer before, Instant at) {
        return before.lastContactAt() != null && !at.isAfter(before.lastContactAt())
                ? before : before.withFollowUp(before.followUp(), at);
    }

    /**
     * Whether this change gives a customer stored before activity was kept their first activity day: they are then
     * put where the retention run finds them (a new customer is put there with their referral code).
     */
    public static boolean firstActivityOfStoredCustomer(Customer before, Customer after) {
        return before.version() > 0 && before.lastActiveAt() == null && after.lastActiveAt() != null
                && before.referralCode() != null;
    }

    private static Instant activeDay(Instant recorded, Instant at) {
        Instant day = at.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return recorded != null && !recorded.isBefore(day) ? recorded : day;
    }

    /** The thank-you for this order is claimed and counts as a contact; unchanged if already claimed. */
    public static Customer withAffirmationSent(Customer before, String orderId, Instant now) {
        if (before.affirmedOrders().contains(orderId)) {
            return before;
        }
        List<String> affirmed = new ArrayList<>(before.affirmedOrders());
        affirmed.add(orderId);
        while (affirmed.size() > REMEMBERED_ORDERS) {
            affirmed.remove(0);
        }
        return copy(before, latest(before.lastContactAt(), now), before.unsubscribedAt(), affirmed, before.netSpend());
    }

    /** Undoes a claim whose email could not be sent, so a retry can send it. */
    public static Customer withAffirmationReleased(Customer before, String orderId) {
        List<String> affirmed = new ArrayList<>(before.affirmedOrders());
        affirmed.remove(orderId);
        return copy(before, before.lastContactAt(), before.unsubscribedAt(), affirmed, before.netSpend());
    }

    public static Customer withUnsubscribe(Customer before, Instant now) {
        if (before.unsubscribed()) {
            return before;
        }
        return copy(before, before.lastContactAt(), now, before.affirmedOrders(), before.netSpend());
    }

    public static Customer withRefund(Customer before, Money refund) {
        if (!refund.currency().equals(before.netSpend().currency())) {
            return before;
        }
        Money net = before.netSpend().minus(refund);
        if (net.minor() < 0) {
            net = Money.zero(net.currency());
        }
        return copy(before, before.lastContactAt(), before.unsubscribedAt(), before.affirmedOrders(), net);
    }

    public static Customer newCustomer(String shop, String email, String currency, String referralCode) {
        return new Customer(shop, email, null, null, null, 0, Money.zero(currency), null, null,
                MarketingConsent.UNKNOWN, null, referralCode, Map.of(), List.of(), 0);
    }

    private static Customer copy(Customer c, Instant lastContact, Instant unsubscribedAt, List<String> affirmed, Money net) {
        return new Customer(c.shop(), c.email(), c.firstName(), c.name(), c.firstOrderAt(), c.orderCount(), net,
                c.locale(), lastContact, c.marketingConsent(), unsubscribedAt, c.referralCode(),
                c.countedOrders(), affirmed, c.followUp(), c.version() + 1, c.lastActiveAt());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    private static String blankToElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    // The stored map has no order; the customer's order number tells which entries are oldest.
    private static void trimOldest(Map<String, Integer> counted, int max) {
        while (counted.size() > max) {
            String oldest = counted.entrySet().stream()
                    .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            counted.remove(oldest);
        }
    }
}
