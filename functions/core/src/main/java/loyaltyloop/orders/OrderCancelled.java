package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * An order was cancelled (or deleted at the shop), published after the customer's spend was taken back; by every
 * delivery of the cancellation, so possibly more than once.
 */
public record OrderCancelled(String shop, String orderId, String email) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.orders";
    public static final String DETAIL_TYPE = "OrderCancelled";
    public static final EventType<OrderCancelled> TYPE = new EventType<>(SOURCE, DETAIL_TYPE, OrderCancelled::fromDetail);

    @Override
    public EventType<OrderCancelled> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("orderId", orderId);
        detail.put("email", email);
        return detail;
    }

    static OrderCancelled fromDetail(JsonNode detail) {
        return new OrderCancelled(DetailFields.text(detail, "shop"), DetailFields.text(detail, "orderId"),
                DetailFields.text(detail, "email"));
    }
}
