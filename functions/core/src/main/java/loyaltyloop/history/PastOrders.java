package loyaltyloop.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import loyaltyloop.shops.Shop;

/**
 * A shop platform's own record of its orders, read through its API: what a history import and reconciliation read.
 * Each order comes in the shape the platform's order webhook sends, so the webhook parsers normalise it.
 */
public interface PastOrders {

    /** Whether this reader can read the shop's orders (its platform, and API credentials configured). */
    boolean serves(Shop shop);

    /**
     * One page of the shop's orders in the window, oldest first: {@code cursor} null for the first page, then each
     * page's {@link Page#nextCursor()} until it is null.
     *
     * @throws PastOrdersException when the platform cannot be read; it says whether the credentials were refused
     */
    Page page(Shop shop, Window window, String cursor);

    /** Orders created since {@code createdSince} (an import), or changed since {@code updatedSince} (reconciliation). */
    record Window(Instant createdSince, Instant updatedSince) {

        public static Window createdSince(Instant since) {
            return new Window(since, null);
        }

        public static Window updatedSince(Instant since) {
            return new Window(null, since);
        }

        /** For a checkpoint: the same window reads the same orders. */
        public String describe() {
            return createdSince != null ? "created>=" + createdSince : updatedSince != null ? "updated>=" + updatedSince
                    : "all";
        }
    }

    /**
     * @param orders each in its webhook shape
     * @param nextCursor where the next page starts; null on the last page
     * @param totalOrders how many orders the whole window holds, or -1 when the platform does not say
     */
    record Page(List<JsonNode> orders, String nextCursor, long totalOrders) {
        public Page {
            orders = List.copyOf(orders);
        }
    }
}
