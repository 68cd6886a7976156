package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * Intake stored a new order: published once per order (at least once on the bus).
 *
 * @param customerOrderNumber the customer's how-manieth order at the shop this is (1 = their first)
 * @param linkBaseUrl where links in emails about the order point, or null when intake knew none
 */
public record OrderPlaced(String shop, String orderId, int customerOrderNumber, String linkBaseUrl, Order order)
        implements BusEvent {

    public static final String SOURCE = "loyalty-loop.orders";
    public static final String DETAIL_TYPE = "OrderPlaced";
    public static final EventType<OrderPlaced> TYPE = new EventType<>(SOURCE, DETAIL_TYPE, OrderPlaced::fromDetail);

    public OrderPlaced(Order order, int customerOrderNumber, String linkBaseUrl) {
        this(order.shop(), order.orderId(), customerOrderNumber, linkBaseUrl, order);
    }

    @Override
    public EventType<OrderPlaced> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("orderId", orderId);
        detail.put("customerOrderNumber", customerOrderNumber);
        detail.put("linkBaseUrl", linkBaseUrl);
        detail.set("order", OrderJson.toJson(order));
        return detail;
    }

    static OrderPlaced fromDetail(JsonNode detail) {
        return new OrderPlaced(DetailFields.text(detail, "shop"), DetailFields.text(detail, "orderId"),
                DetailFields.integer(detail, "customerOrderNumber"), DetailFields.textOrNull(detail, "linkBaseUrl"),
                OrderJson.fromJson(DetailFields.object(detail, "order")));
    }
}
