package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A shop asked to erase a customer's personal data (Shopify's {@code customers/redact}); the privacy function
 * erases it. Erasing twice changes nothing the second time.
 *
 * @param email the customer's normalised address; null when the request named none (then {@code orders} name them)
 * @param orders the order ids the platform listed
 */
public record CustomerRedactRequested(String shop, String email, List<String> orders) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.privacy";
    public static final String DETAIL_TYPE = "CustomerRedactRequested";
    public static final EventType<CustomerRedactRequested> TYPE =
            new EventType<>(SOURCE, DETAIL_TYPE, CustomerRedactRequested::fromDetail);

    public CustomerRedactRequested {
        orders = List.copyOf(orders);
    }

    @Override
    public EventType<CustomerRedactRequested> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("email", email);
        orders.forEach(detail.putArray("orders")::add);
        return detail;
    }

    static CustomerRedactRequested fromDetail(JsonNode detail) {
        return new CustomerRedactRequested(DetailFields.text(detail, "shop"), DetailFields.textOrNull(detail, "email"),
                DetailFields.texts(detail, "orders"));
    }
}
