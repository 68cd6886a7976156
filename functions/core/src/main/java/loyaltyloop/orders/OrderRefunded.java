package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A refund of an order: published until it is known to be out, so possibly more than once per refund.
 *
 * @param refundId the platform's id of the refund, so a consumer can apply each refund once; intake always names
 *     it, null only in an event from elsewhere
 * @param amount what was refunded, in the order's currency
 */
public record OrderRefunded(String shop, String orderId, String email, String refundId, Money amount)
        implements BusEvent {

    public static final String SOURCE = "loyalty-loop.orders";
    public static final String DETAIL_TYPE = "OrderRefunded";
    public static final EventType<OrderRefunded> TYPE = new EventType<>(SOURCE, DETAIL_TYPE, OrderRefunded::fromDetail);

    @Override
    public EventType<OrderRefunded> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("orderId", orderId);
        detail.put("email", email);
        if (refundId != null) {
            detail.put("refundId", refundId);
        }
        detail.put("amountMinor", amount.minor());
        detail.put("currency", amount.currency());
        return detail;
    }

    static OrderRefunded fromDetail(JsonNode detail) {
        return new OrderRefunded(DetailFields.text(detail, "shop"), DetailFields.text(detail, "orderId"),
                DetailFields.text(detail, "email"), DetailFields.textOrNull(detail, "refundId"),
                new Money(DetailFields.longInteger(detail, "amountMinor"), DetailFields.text(detail, "currency")));
    }
}
