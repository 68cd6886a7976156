package loyaltyloop.orders;

import java.time.Instant;

/**
 * An order as the table holds it.
 *
 * @param createdByDelivery the webhook delivery that first brought the order; its delivery record, written once
 *     {@code OrderPlaced} is out, is how later deliveries know the event was published
 * @param storedAt when the order was stored (or its publishing last taken over after a crash)
 */
public record StoredOrder(Order order, OrderStatus status, String createdByDelivery, Instant storedAt) {
}
