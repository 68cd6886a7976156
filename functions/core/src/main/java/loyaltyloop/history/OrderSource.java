package loyaltyloop.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Where a history import reads orders: pages in order, each saying where the next starts, so an import can resume. */
public interface OrderSource {

    /** Names the source in the import's checkpoint: the same key is the same orders, and a stopped import resumes. */
    String key();

    /** The page at {@code cursor} (null: the first). */
    Page page(String cursor);

    /**
     * @param orders each in the shape the platform's order webhook sends
     * @param nextCursor null on the last page
     * @param totalOrders how many orders the source holds in all, or -1 when unknown (for the time left)
     */
    record Page(List<JsonNode> orders, String nextCursor, long totalOrders) {
        public Page {
            orders = List.copyOf(orders);
        }
    }
}
