package loyaltyloop.orders;

import java.time.Instant;
import java.util.Optional;

/** Orders and the webhook deliveries that brought them. */
public interface OrderStore {

    Optional<DeliveryRecord> findDelivery(String shop, String deliveryId);

    /** Records a handled delivery; it expires at {@code expiresAt} (at least 7 days after). */
    void recordDelivery(DeliveryRecord record, Instant expiresAt);

    Optional<StoredOrder> findOrder(String shop, String orderId);

    /** The order as last stored, read eventually consistent (half the cost): for showing, never for deciding. */
    Optional<Order> findOrderToShow(String shop, String orderId);

    /** Stores a new order; false when (shop, order id) is already stored. */
    boolean createOrder(StoredOrder order);

    /**
     * Takes over publishing an order whose first handler seems to have died: true for exactly one caller that
     * saw {@code expectedStoredAt}.
     */
    boolean takeOverPublishing(String shop, String orderId, Instant expectedStoredAt, Instant now);

    /** Marks the order cancelled; false when it already was. */
    boolean markCancelled(String shop, String orderId);

    /** Records a refund once; false when that refund id was recorded before. */
    boolean recordRefund(String shop, String orderId, String refundId, Money amount, Instant at);

    /** Whether {@code OrderRefunded} for this refund is known to be out; empty when the refund is not recorded. */
    Optional<Boolean> refundPublished(String shop, String orderId, String refundId);

    void markRefundPublished(String shop, String orderId, String refundId);

    /** The sum of the refunds recorded for an order, in minor units of the order's currency. */
    long refundedMinor(String shop, String orderId);

    /**
     * Replaces the stored order's data with a newer version of it (a later delivery such as orders/updated); false,
     * changing nothing, when the stored version is as new or newer by {@link Order#updatedAt()} (a version without one
     * never replaces one with it).
     */
    boolean replaceIfNewer(Order order);

    /**
     * Keeps a refund that came before its order, to apply when the order arrives; false when that refund id was
     * recorded before.
     */
    boolean recordEarlyRefund(String shop, String orderId, String refundId, Money amount, Instant at);

    /** The refunds of an order kept by {@link #recordEarlyRefund} and not yet taken. */
    java.util.List<EarlyRefund> earlyRefunds(String shop, String orderId);

    /** Takes a kept refund to apply it: true for exactly one caller. */
    boolean takeEarlyRefund(String shop, String orderId, String refundId);

    /** A refund that arrived before its order. */
    record EarlyRefund(String refundId, Money amount) {
    }
}
