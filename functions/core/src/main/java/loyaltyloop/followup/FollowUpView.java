package loyaltyloop.followup;

import java.util.List;
import loyaltyloop.shops.Shop;

/**
 * What a 90-45 follow-up shows: not a blast, a reminder of the best part of the customer's experience.
 *
 * @param locale the customer's locale tag (falls back to the shop default)
 * @param vip in the shop's top 10% by lifetime spend: the "one of our best customers" variant
 * @param daysAsCustomer since their first order
 * @param lastOrderName e.g. "#1001"
 * @param daysSinceLastOrder how long they have had what they bought last
 * @param items what they bought last, each with the owner's tip for that product when there is one
 * @param surveyUrl the open survey link, or null (until the survey capability lands)
 */
public record FollowUpView(
        Shop shop,
        String firstName,
        String locale,
        boolean vip,
        long daysAsCustomer,
        int orderCount,
        String lastOrderName,
        long daysSinceLastOrder,
        List<Item> items,
        String unsubscribeUrl,
        String surveyUrl) {

    public FollowUpView {
        items = List.copyOf(items);
    }

    /** A product from the last order; {@code tip} (how to get the most from it) may be null. */
    public record Item(String title, String tip) {
    }
}
