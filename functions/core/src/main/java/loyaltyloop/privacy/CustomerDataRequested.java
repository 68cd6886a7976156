package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A shop asked for everything stored about a customer (Shopify's {@code customers/data_request}); the privacy
 * function mails the export to the shop owner once per {@code requestId}.
 *
 * @param email the customer's normalised address; null when the request named none (then {@code orders} name them)
 * @param orders the order ids the platform listed
 */
public record CustomerDataRequested(String shop, String email, String requestId, List<String> orders)
        implements BusEvent {

    public static final String SOURCE = "loyalty-loop.privacy";
    public static final String DETAIL_TYPE = "CustomerDataRequested";
    public static final EventType<CustomerDataRequested> TYPE =
            new EventType<>(SOURCE, DETAIL_TYPE, CustomerDataRequested::fromDetail);

    public CustomerDataRequested {
        orders = List.copyOf(orders);
    }

    @Override
    public EventType<CustomerDataRequested> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("email", email);
        detail.put("requestId", requestId);
        orders.forEach(detail.putArray("orders")::add);
        return detail;
    }

    static CustomerDataRequested fromDetail(JsonNode detail) {
        return new CustomerDataRequested(DetailFields.text(detail, "shop"), DetailFields.textOrNull(detail, "email"),
                DetailFields.text(detail, "requestId"), DetailFields.texts(detail, "orders"));
    }
}
