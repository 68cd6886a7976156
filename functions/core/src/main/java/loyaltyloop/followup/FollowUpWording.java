package loyaltyloop.followup;

import java.util.List;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.email.CommonWording;
import loyaltyloop.email.Translation;

/**
 * The sentences of the 90-45 follow-up that depend on the customer: which subject, how the products and the time
 * since are said, and which thank-you fits their relationship with the shop. A {@code name} is a non-blank first
 * name or null (then the wording is neutral).
 */
public record FollowUpWording(Translation t) {

    /**
     * The VIP variant thanks them; the regular one asks about {@code product} (the first thing they bought last, or
     * null) or, without one, says hello from {@code shop}.
     */
    public String subject(boolean vip, String name, String product, String shop) {
        String key = vip ? (product == null ? "followup.subject.vip" : "followup.subject.vipProduct")
                : product == null ? "followup.subject.hello" : "followup.subject.product";
        return t.named(key, name, new Spaced(product == null ? "" : product), new Spaced(shop));
    }

    /**
     * "You've had your Ceramic Mug for 45 days now…", or without products "It's been 3 months since your order
     * #1001…" ({@code orderName} may be null).
     */
    public String intro(List<String> products, String orderName, String had) {
        if (!products.isEmpty()) {
            return t.text("followup.hadItFor", new Spaced(productList(products)), products.size(), new Spaced(had));
        }
        return orderName == null ? t.text("followup.sinceLastOrder", new Spaced(had))
                : t.text("followup.sinceOrder", orderName, new Spaced(had));
    }

    /**
     * The thank-you that fits: a VIP's, a returning customer's (how long, how many orders) or a one-order
     * customer's. {@code distinctTenure} is null when it would only repeat how long they have had their order.
     */
    public String relationship(boolean vip, int orderCount, String shop, String tenure, String distinctTenure) {
        if (vip) {
            return distinctTenure == null ? t.text("followup.vip", new Spaced(shop))
                    : t.text("followup.vip.since", new Spaced(shop), new Spaced(distinctTenure));
        }
        if (orderCount >= 2) {
            return t.text("followup.tenure", new Spaced(shop), new Spaced(tenure), orderCount);
        }
        return distinctTenure == null ? t.text("followup.firstOrder", new Spaced(shop))
                : t.text("followup.firstOrder.since", new Spaced(shop), new Spaced(distinctTenure));
    }

    /** Product names for a sentence: "A", "A and B", "A, B and C", "A, B and 3 other items". */
    public String productList(List<String> products) {
        int n = products.size();
        if (n <= 3) {
            return new CommonWording(t).list(products, "common.list.last");
        }
        return t.text("followup.products.more", new Spaced(products.get(0)), new Spaced(products.get(1)), n, n - 2);
    }
}
