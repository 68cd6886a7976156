package loyaltyloop.orders;

import java.time.Instant;

/**
 * One webhook delivery we finished handling, kept (with a TTL) so a repeat is answered without work.
 *
 * @param outcome accepted, duplicate or ignored
 * @param reason why it was ignored; null otherwise
 */
public record DeliveryRecord(String shop, String deliveryId, String topic, String orderId, String outcome,
        String reason, Instant at) {
}
