package loyaltyloop.affirmation;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.orders.OrderPlaced;

/**
 * EventBridge {@code OrderPlaced} → one call into {@link AffirmationService}. Failures propagate so Lambda's
 * async retries and the dead-letter queue take over.
 */
public class AffirmationHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    AffirmationService affirmations;

    public AffirmationHandler() {
    }

    public AffirmationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        return EventEnvelope.of(event).as(OrderPlaced.TYPE)
                .map(placed -> affirmations.onOrderPlaced(placed).name())
                .orElse("ignored");
    }
}
