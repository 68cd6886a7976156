package loyaltyloop.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * Points taken back from a referrer because the referred order was refunded or cancelled; published by the call
 * whose transaction took them.
 *
 * @param email the referrer
 * @param orderId the referred order
 * @param reference {@code <order id>:<refund id or "cancel">}
 * @param points negative (or 0): what was taken
 * @param shortfall what could not be taken because it was spent already
 * @param balance the referrer's balance after the clawback
 */
public record PointsClawedBack(String shop, String email, String orderId, String reference, long points,
        long shortfall, long balance, Instant at) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.points";
    public static final String DETAIL_TYPE = "PointsClawedBack";
    public static final EventType<PointsClawedBack> TYPE = new EventType<>(SOURCE, DETAIL_TYPE,
            PointsClawedBack::fromDetail);

    /** The clawback {@code entry} in {@code email}'s ledger, which left {@code balance}. */
    public static PointsClawedBack of(String shop, String email, String orderId, LedgerEntry entry, long balance) {
        return new PointsClawedBack(shop, email, orderId, entry.reference(), entry.points(), entry.shortfall(), balance,
                entry.at());
    }

    @Override
    public EventType<PointsClawedBack> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("email", email);
        detail.put("orderId", orderId);
        detail.put("reference", reference);
        detail.put("points", points);
        detail.put("shortfall", shortfall);
        detail.put("balance", balance);
        detail.put("at", at.toString());
        return detail;
    }

    static PointsClawedBack fromDetail(JsonNode detail) {
        return new PointsClawedBack(DetailFields.text(detail, "shop"), DetailFields.text(detail, "email"),
                DetailFields.text(detail, "orderId"), DetailFields.text(detail, "reference"),
                DetailFields.longInteger(detail, "points"), DetailFields.longInteger(detail, "shortfall"),
                DetailFields.longInteger(detail, "balance"), DetailFields.instant(detail, "at"));
    }
}
