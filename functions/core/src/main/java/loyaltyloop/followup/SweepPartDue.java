package loyaltyloop.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * One part of a shop's due index for a sweep worker to send: published by the hourly fan-out for every part of every
 * shop, and by a worker for the rest of its part when its time ran short.
 *
 * @param walk where in the due index to carry on: an opaque cursor of {@link DueCustomers}
 */
public record SweepPartDue(String shop, String walk) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.follow-up";
    public static final String DETAIL_TYPE = "SweepPartDue";
    public static final EventType<SweepPartDue> TYPE = new EventType<>(SOURCE, DETAIL_TYPE, SweepPartDue::fromDetail);

    @Override
    public EventType<SweepPartDue> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("walk", walk);
        return detail;
    }

    static SweepPartDue fromDetail(JsonNode detail) {
        return new SweepPartDue(DetailFields.text(detail, "shop"), DetailFields.text(detail, "walk"));
    }
}
