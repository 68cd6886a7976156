package loyaltyloop.points;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A referrer was credited points for a converted referral; published by the call whose transaction credited them.
 *
 * @param email the referrer
 * @param reference the referred order's id
 * @param balance the referrer's balance after the credit
 * @param code the referral code the order carried
 * @param source where the order carried it ({@code attribute}, {@code landing-site}, {@code discount-code})
 */
public record PointsCredited(String shop, String email, LedgerEntry.Reason reason, String reference, long points,
        long balance, Instant at, String code, String source) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.points";
    public static final String DETAIL_TYPE = "PointsCredited";
    public static final EventType<PointsCredited> TYPE = new EventType<>(SOURCE, DETAIL_TYPE,
            PointsCredited::fromDetail);

    /** The credit {@code entry} in {@code email}'s ledger, which left {@code balance}. */
    public static PointsCredited of(String shop, String email, LedgerEntry entry, long balance, String code,
            String source) {
        return new PointsCredited(shop, email, entry.reason(), entry.reference(), entry.points(), balance, entry.at(),
                code, source);
    }

    @Override
    public EventType<PointsCredited> type() {
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
        detail.put("code", code);
        detail.put("source", source);
        return detail;
    }

    static PointsCredited fromDetail(JsonNode detail) {
        return new PointsCredited(DetailFields.text(detail, "shop"), DetailFields.text(detail, "email"),
                LedgerEntry.Reason.fromWireName(DetailFields.text(detail, "reason")),
                DetailFields.text(detail, "reference"), DetailFields.longInteger(detail, "points"),
                DetailFields.longInteger(detail, "balance"), DetailFields.instant(detail, "at"),
                DetailFields.text(detail, "code"), DetailFields.text(detail, "source"));
    }
}
