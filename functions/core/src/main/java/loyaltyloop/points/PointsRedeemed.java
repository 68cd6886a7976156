package loyaltyloop.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A customer exchanged points for a coupon; published by the call whose transaction debited them.
 *
 * @param reference the redemption's id
 * @param points negative: what the coupon cost
 * @param balance the customer's balance after the debit
 * @param couponCode the coupon the points bought
 */
public record PointsRedeemed(String shop, String email, LedgerEntry.Reason reason, String reference, long points,
        long balance, Instant at, String couponCode) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.points";
    public static final String DETAIL_TYPE = "PointsRedeemed";
    public static final EventType<PointsRedeemed> TYPE = new EventType<>(SOURCE, DETAIL_TYPE,
            PointsRedeemed::fromDetail);

    /** The redemption {@code entry} in {@code email}'s ledger, which left {@code balance}. */
    public static PointsRedeemed of(String shop, String email, LedgerEntry entry, long balance) {
        return new PointsRedeemed(shop, email, entry.reason(), entry.reference(), entry.points(), balance, entry.at(),
                entry.couponCode());
    }

    @Override
    public EventType<PointsRedeemed> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("email", email);
        detail.put("reason", reason.wireName());
        detail.put("reference", reference);
        detail.put("points", points);
        detail.put("balance", balance);
        detail.put("at", at.toString());
        detail.put("couponCode", couponCode);
        return detail;
    }

    static PointsRedeemed fromDetail(JsonNode detail) {
        return new PointsRedeemed(DetailFields.text(detail, "shop"), DetailFields.text(detail, "email"),
                LedgerEntry.Reason.fromWireName(DetailFields.text(detail, "reason")),
                DetailFields.text(detail, "reference"), DetailFields.longInteger(detail, "points"),
                DetailFields.longInteger(detail, "balance"), DetailFields.instant(detail, "at"),
                DetailFields.text(detail, "couponCode"));
    }
}
