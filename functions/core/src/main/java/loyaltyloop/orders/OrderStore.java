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
    default boolean createOrder(StoredOrder order) {
        return create(order).created();
    }

    /**
     * Stores a new order in one conditional write that also answers what a webhook needs next: whether refunds came
     * before it ({@link #markRefundsWaiting}), or, when the order was stored already, the stored order.
     */
    OrderCreation create(StoredOrder order);

    /**
     * Notes on an order that is not stored yet that refunds wait for it (kept with {@link #recordEarlyRefund} before
     * this call), so the write that stores it finds them ({@link OrderCreation#refundsWaiting}); false, changing
     * nothing, when the order is stored already: then nothing will look for them, and the caller applies them itself.
     */
    boolean markRefundsWaiting(String shop, String orderId);

    /**
     * What {@link #create} found.
     *
     * @param existing the order as stored before this call, or null when this call stored it
     * @param refundsWaiting this call stored the order and refunds wait for it
     */
    record OrderCreation(StoredOrder existing, boolean refundsWaiting) {
        public boolean created() {
            return existing == null;
        }
    }

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
