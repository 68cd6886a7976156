package loyaltyloop.followup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.OrderEvents;

/**
 * EventBridge {@code OrderPlaced}, {@code OrderRefunded}, {@code OrderCancelled} → one call into
 * {@link FollowUpScheduler}: the customer's spend standing and due time follow their orders.
 */
public class FollowUpSchedulingHandler extends MicronautRequestHandler<Map<String, Object>, String> {

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
        String email;
        boolean firstOrder = false;
        if (OrderEvents.ORDER_PLACED.equals(type) && detail.get("order") instanceof Map<?, ?> order) {
            email = String.valueOf(order.get("email"));
            firstOrder = detail.get("customerOrderNumber") instanceof Number n && n.intValue() == 1;
        } else if (detail.get("email") instanceof String e) {
            email = e;
        } else {
            return "ignored";
        }
        return scheduler.reconcile(shop, email, orderId, firstOrder).name();
    }
}
