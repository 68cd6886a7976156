package loyaltyloop.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;

/**
 * A shop's customer, keyed by normalised email.
 *
 * @param netSpend lifetime spend net of refunds, in the shop currency
 * @param countedOrders the most recent orders already counted, order id to the customer's order number; makes
 *     counting an order idempotent when a delivery repeats
 * @param affirmedOrders the most recent orders whose thank-you email was sent (claimed), for the same reason
 * @param followUp the customer's place in the 90-45 loop
 * @param version optimistic-concurrency version; 0 for a customer not stored yet
 * @param lastActiveAt the UTC day (its start) of their last order, good {@code /s/} or {@code /p/} link or answer;
 *     the retention period runs from it (null: none recorded yet)
 */
public record Customer(
        String shop,
        String email,
        String firstName,
        String name,
        Instant firstOrderAt,
        int orderCount,
        Money netSpend,
        String locale,
        Instant lastContactAt,
        MarketingConsent marketingConsent,
        Instant unsubscribedAt,
        String referralCode,
        Map<String, Integer> countedOrders,
        List<String> affirmedOrders,
        FollowUpState followUp,
        long version,
        Instant lastActiveAt) {

    public Customer {
        countedOrders = Map.copyOf(countedOrders);
        affirmedOrders = List.copyOf(affirmedOrders);
        followUp = followUp == null ? FollowUpState.NONE : followUp;
    }

    /** A customer with no activity recorded. */
    public Customer(String shop, String email, String firstName, String name, Instant firstOrderAt, int orderCount,
            Money netSpend, String locale, Instant lastContactAt, MarketingConsent marketingConsent,
            Instant unsubscribedAt, String referralCode, Map<String, Integer> countedOrders, List<String> affirmedOrders,
            FollowUpState followUp, long version) {
        this(shop, email, firstName, name, firstOrderAt, orderCount, netSpend, locale, lastContactAt, marketingConsent,
                unsubscribedAt, referralCode, countedOrders, affirmedOrders, followUp, version, null);
    }

    /** A customer outside the follow-up loop (not scheduled yet). */
    public Customer(String shop, String email, String firstName, String name, Instant firstOrderAt, int orderCount,
            Money netSpend, String locale, Instant lastContactAt, MarketingConsent marketingConsent,
            Instant unsubscribedAt, String referralCode, Map<String, Integer> countedOrders, List<String> affirmedOrders,
            long version) {
        this(shop, email, firstName, name, firstOrderAt, orderCount, netSpend, locale, lastContactAt, marketingConsent,
                unsubscribedAt, referralCode, countedOrders, affirmedOrders, FollowUpState.NONE, version, null);
    }

    /** The same customer in a new loop state, one version on. */
    public Customer withFollowUp(FollowUpState state, Instant lastContact) {
        return new Customer(shop, email, firstName, name, firstOrderAt, orderCount, netSpend, locale, lastContact,
                marketingConsent, unsubscribedAt, referralCode, countedOrders, affirmedOrders, state, version + 1,
                lastActiveAt);
    }

    /** The same customer with a new loop state and the given version (for a caller that counts versions itself). */
    public Customer withFollowUp(FollowUpState state, long newVersion) {
        return new Customer(shop, email, firstName, name, firstOrderAt, orderCount, netSpend, locale, lastContactAt,
                marketingConsent, unsubscribedAt, referralCode, countedOrders, affirmedOrders, state, newVersion,
                lastActiveAt);
    }

    public boolean unsubscribed() {
        return unsubscribedAt != null;
    }
}
