package loyaltyloop.affirmation;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.json.Json;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.OrderEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge {@code OrderPlaced} → one call into {@link AffirmationService}. Failures propagate so Lambda's
 * async retries and the dead-letter queue take over.
 */
public class AffirmationHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(AffirmationHandler.class);

    @Inject
    AffirmationService affirmations;

    public AffirmationHandler() {
    }

    public AffirmationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        Object type = event.get("detail-type");
        if (!OrderEvents.ORDER_PLACED.equals(type) || !(event.get("detail") instanceof Map<?, ?> detail)) {
            LOG.warn("ignoring an event that is not OrderPlaced: {}", type);
            return "ignored";
        }
        return affirmations.onOrderPlaced(Json.MAPPER.valueToTree(detail)).name();
    }
}
