package loyaltyloop.points;

import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.customers.Customer;
import loyaltyloop.json.Json;

/** Names of the points events on the bus. */
public final class PointsEvents {

    public static final String SOURCE = "loyalty-loop.points";
    public static final String POINTS_CREDITED = "PointsCredited";
    public static final String POINTS_CLAWED_BACK = "PointsClawedBack";
    public static final String POINTS_REDEEMED = "PointsRedeemed";

    private PointsEvents() {
    }

    /** The detail every points event carries: whose points, why, how many and the balance after. */
    public static ObjectNode detail(String shop, Customer customer, LedgerEntry entry, long balance) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("shop", shop);
        event.put("email", customer.email());
        event.put("reason", entry.reason().wireName());
        event.put("reference", entry.reference());
        event.put("points", entry.points());
        event.put("balance", balance);
        event.put("at", entry.at().toString());
        return event;
    }
}

