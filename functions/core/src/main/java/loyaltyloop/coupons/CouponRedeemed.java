package loyaltyloop.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * One of our coupons was used on an order (at least once per redemption: a retry after a failed publish publishes
 * again), so the owner sees what surveys and points brought back.
 *
 * @param reference what earned the coupon: the surveyed order's id, or the points redemption's id
 */
public record CouponRedeemed(String shop, String code, String orderId, Coupon.Origin origin, String reference,
        String email) implements BusEvent {

    public static final String SOURCE = "loyalty-loop.coupons";
    public static final String DETAIL_TYPE = "CouponRedeemed";
    public static final EventType<CouponRedeemed> TYPE = new EventType<>(SOURCE, DETAIL_TYPE,
            CouponRedeemed::fromDetail);

    @Override
    public EventType<CouponRedeemed> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("code", code);
        detail.put("orderId", orderId);
        detail.put("origin", origin.name());
        detail.put("reference", reference);
        detail.put("email", email);
        return detail;
    }

    static CouponRedeemed fromDetail(JsonNode detail) {
        return new CouponRedeemed(DetailFields.text(detail, "shop"), DetailFields.text(detail, "code"),
                DetailFields.text(detail, "orderId"), DetailFields.constant(detail, "origin", Coupon.Origin.class),
                DetailFields.text(detail, "reference"), DetailFields.text(detail, "email"));
    }
}
