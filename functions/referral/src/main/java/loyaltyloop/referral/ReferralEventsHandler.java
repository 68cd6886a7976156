package loyaltyloop.referral;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;

/**
 * EventBridge {@code OrderPlaced} (only first orders that carry something a referral code could be in: the rule's
 * pattern filters the rest), {@code OrderRefunded} and {@code OrderCancelled} → one call into
 * {@link ReferralCredits}.
 */
public class ReferralEventsHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    ReferralCredits credits;

    public ReferralEventsHandler() {
    }

    public ReferralEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        EventEnvelope envelope = EventEnvelope.of(event);
        return envelope.as(OrderPlaced.TYPE).map(credits::onOrderPlaced)
                .or(() -> envelope.as(OrderRefunded.TYPE).map(credits::onOrderRefunded))
                .or(() -> envelope.as(OrderCancelled.TYPE).map(credits::onOrderCancelled))
                .map(Enum::name)
                .orElse("ignored");
    }
}
