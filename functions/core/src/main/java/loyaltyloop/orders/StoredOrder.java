package loyaltyloop.orders;

import java.time.Instant;

/**
 * An order as the table holds it.
 *
 * @param createdByDelivery the webhook delivery that first brought the order; its delivery record, written once
 *     {@code OrderPlaced} is out, is how later deliveries know the event was published
 *     (or {@link #IMPORTED} and the order id, for an order a history import stored)
 * @param storedAt when the order was stored (or its publishing last taken over after a crash)
 */
public record StoredOrder(Order order, OrderStatus status, String createdByDelivery, Instant storedAt) {

    /** What {@code createdByDelivery} starts with for an order a history import stored: no event is ever due for it. */
    public static final String IMPORTED = "import:";

    /** Stored by a history import, not brought by a webhook: it was never to be thanked for, so nothing is owed. */
    public boolean imported() {
        return createdByDelivery != null && createdByDelivery.startsWith(IMPORTED);
    }
}
