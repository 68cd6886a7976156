package loyaltyloop.followup;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;

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
        EventEnvelope envelope = EventEnvelope.of(event);
        return envelope.as(OrderPlaced.TYPE).map(scheduler::onOrderPlaced)
                .or(() -> envelope.as(OrderRefunded.TYPE).map(scheduler::onOrderRefunded))
                .or(() -> envelope.as(OrderCancelled.TYPE).map(scheduler::onOrderCancelled))
                .map(Enum::name)
                .orElse("ignored");
    }
}
