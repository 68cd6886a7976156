package loyaltyloop.events;

/** Names of the order events on the bus. */
public final class OrderEvents {

    public static final String SOURCE = "loyalty-loop.orders";
    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_REFUNDED = "OrderRefunded";
    public static final String ORDER_CANCELLED = "OrderCancelled";

    private OrderEvents() {
    }
}
