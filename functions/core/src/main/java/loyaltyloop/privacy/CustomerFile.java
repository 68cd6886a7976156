package loyaltyloop.privacy;

import java.util.List;
import java.util.Map;

/**
 * Everything stored about one customer in one shop, as plain values (strings, numbers, booleans, lists, maps)
 * under the names the data model documents, without table keys.
 *
 * @param profile the customer item; null when there is none
 * @param orders each order with its {@code refunds}
 * @param referralsMade conversions of friends' orders this customer referred
 * @param referralsReceived conversions of this customer's own orders (whose referrer they were referred by)
 * @param referralCode the code and its click count; null when none
 * @param digestNotes the owner-digest notes naming them (kept 14 days)
 * @param orderIds every order id found, including ones whose order item is gone
 */
public record CustomerFile(
        String shop,
        String email,
        Map<String, Object> profile,
        List<Map<String, Object>> orders,
        List<Map<String, Object>> surveys,
        List<Map<String, Object>> coupons,
        Map<String, Object> pointsBalance,
        List<Map<String, Object>> pointsEntries,
        List<Map<String, Object>> referralsMade,
        List<Map<String, Object>> referralsReceived,
        Map<String, Object> referralCode,
        List<Map<String, Object>> digestNotes,
        List<String> orderIds) {

    public CustomerFile {
        orders = List.copyOf(orders);
        surveys = List.copyOf(surveys);
        coupons = List.copyOf(coupons);
        pointsEntries = List.copyOf(pointsEntries);
        referralsMade = List.copyOf(referralsMade);
        referralsReceived = List.copyOf(referralsReceived);
        digestNotes = List.copyOf(digestNotes);
        orderIds = List.copyOf(orderIds);
    }

    /** Whether anything at all is stored about them. */
    public boolean isEmpty() {
        return profile == null && orders.isEmpty() && surveys.isEmpty() && coupons.isEmpty() && pointsBalance == null
                && pointsEntries.isEmpty() && referralsMade.isEmpty() && referralCode == null && digestNotes.isEmpty();
    }
}
