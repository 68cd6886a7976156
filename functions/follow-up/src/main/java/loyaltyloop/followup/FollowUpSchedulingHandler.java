package loyaltyloop.followup;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import loyaltyloop.events.OrderEvents;

/**
 * EventBridge {@code OrderPlaced}, {@code OrderRefunded}, {@code OrderCancelled} → one call into
 * {@link FollowUpScheduler}: the customer's spend standing and due time follow their orders.
 */
public class FollowUpSchedulingHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    FollowUpScheduler scheduler;

    public FollowUpSchedulingHandler() {
    }

    public FollowUpSchedulingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        if (!(event.get("detail") instanceof Map<?, ?> detail) || !(detail.get("shop") instanceof String shop)) {
            return "ignored";
        }
        String type = String.valueOf(event.get("detail-type"));
        String orderId = detail.get("orderId") == null ? null : detail.get("orderId").toString();
        if (OrderEvents.ORDER_PLACED.equals(type) && detail.get("order") instanceof Map<?, ?> order) {
            boolean firstOrder = detail.get("customerOrderNumber") instanceof Number n && n.intValue() == 1;
            Instant placedAt = order.get("createdAt") instanceof String at ? parse(at) : null;
            return scheduler.reconcile(shop, String.valueOf(order.get("email")),
                    FollowUpScheduler.Prompt.placed(orderId, firstOrder, placedAt)).name();
        }
        if (!(detail.get("email") instanceof String email)) {
            return "ignored";
        }
        if (OrderEvents.ORDER_CANCELLED.equals(type)) {
            return scheduler.reconcile(shop, email, FollowUpScheduler.Prompt.cancelled(orderId)).name();
        }
        return scheduler.reconcile(shop, email, orderId, false).name();
    }

    private static Instant parse(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null; // no survey rather than a failed event
        }
    }
}
