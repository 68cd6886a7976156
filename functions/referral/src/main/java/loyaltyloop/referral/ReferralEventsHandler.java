package loyaltyloop.referral;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.json.Json;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.OrderEvents;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;

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
        if (!(event.get("detail") instanceof Map<?, ?>)) {
            return "ignored";
        }
        JsonNode detail = Json.MAPPER.valueToTree(event.get("detail"));
        String type = String.valueOf(event.get("detail-type"));
        if (!detail.path("shop").isTextual() || detail.path("orderId").asText("").isEmpty()) {
            return "ignored";
        }
        if (OrderEvents.ORDER_PLACED.equals(type)) {
            Order order;
            try {
                order = OrderJson.fromJson(detail.path("order"));
            } catch (RuntimeException unreadable) {
                // An order we cannot read: retrying would not help.
                return "ignored";
            }
            return credits.onOrderPlaced(order, detail.path("customerOrderNumber").asInt(0),
                    detail.path("linkBaseUrl").asText("")).name();
        }
        if (OrderEvents.ORDER_REFUNDED.equals(type) || OrderEvents.ORDER_CANCELLED.equals(type)) {
            return credits.onRefundOrCancel(detail, OrderEvents.ORDER_CANCELLED.equals(type)).name();
        }
        return "ignored";
    }
}
