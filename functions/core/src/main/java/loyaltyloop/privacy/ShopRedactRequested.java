package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * Delete everything of a shop (Shopify's {@code shop/redact}, 48 hours after it uninstalled the app). The privacy
 * function works through the table page by page and, when its time runs short, publishes this again with the
 * {@code cursor} to carry on from.
 *
 * @param cursor where the previous run stopped; null for the start
 */
public record ShopRedactRequested(String shop, String cursor) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.privacy";
    public static final String DETAIL_TYPE = "ShopRedactRequested";
    public static final EventType<ShopRedactRequested> TYPE =
            new EventType<>(SOURCE, DETAIL_TYPE, ShopRedactRequested::fromDetail);

    @Override
    public EventType<ShopRedactRequested> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("cursor", cursor);
        return detail;
    }

    static ShopRedactRequested fromDetail(JsonNode detail) {
        return new ShopRedactRequested(DetailFields.text(detail, "shop"), DetailFields.textOrNull(detail, "cursor"));
    }
}
