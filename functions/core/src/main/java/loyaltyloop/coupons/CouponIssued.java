package loyaltyloop.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;
import loyaltyloop.shops.CouponTerms;

/**
 * A coupon works at the shop's checkout now; published once per coupon, by the call that marked it issued.
 *
 * @param reference what earned it: the surveyed order's id, or the points redemption's id
 * @param value percent off, or minor units off in {@code currency}, as {@code kind} says
 */
public record CouponIssued(String shop, String code, String email, Coupon.Origin origin, String reference,
        CouponTerms.Kind kind, long value, String currency, Instant expiresAt) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.coupons";
    public static final String DETAIL_TYPE = "CouponIssued";
    public static final EventType<CouponIssued> TYPE = new EventType<>(SOURCE, DETAIL_TYPE, CouponIssued::fromDetail);

    public static CouponIssued of(Coupon c) {
        return new CouponIssued(c.shop(), c.code(), c.email(), c.origin(), c.reference(), c.terms().kind(),
                c.terms().value(), c.currency(), c.expiresAt());
    }

    @Override
    public EventType<CouponIssued> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("code", code);
        detail.put("email", email);
        detail.put("origin", origin.name());
        detail.put("reference", reference);
        detail.put("kind", kind.name());
        detail.put("value", value);
        detail.put("currency", currency);
        detail.put("expiresAt", expiresAt.toString());
        return detail;
    }

    static CouponIssued fromDetail(JsonNode detail) {
        return new CouponIssued(DetailFields.text(detail, "shop"), DetailFields.text(detail, "code"),
                DetailFields.text(detail, "email"), DetailFields.constant(detail, "origin", Coupon.Origin.class),
                DetailFields.text(detail, "reference"), DetailFields.constant(detail, "kind", CouponTerms.Kind.class),
                DetailFields.longInteger(detail, "value"), DetailFields.textOrNull(detail, "currency"),
                DetailFields.instant(detail, "expiresAt"));
    }
}
