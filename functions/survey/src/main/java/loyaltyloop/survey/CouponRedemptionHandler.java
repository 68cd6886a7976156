package loyaltyloop.survey;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loyaltyloop.coupons.CouponRedemptions;

/**
 * EventBridge {@code OrderPlaced} with discount codes (the rule filters the rest out, so an order without codes
 * costs nothing here) → {@link CouponRedemptions}: our coupons used on the order are marked redeemed.
 */
public class CouponRedemptionHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    CouponRedemptions redemptions;

    public CouponRedemptionHandler() {
    }

    public CouponRedemptionHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        if (!(event.get("detail") instanceof Map<?, ?> detail) || !(detail.get("shop") instanceof String shop)
                || !(detail.get("orderId") instanceof String orderId)
                || !(detail.get("order") instanceof Map<?, ?> order)
                || !(order.get("discountCodes") instanceof List<?> codes)) {
            return "ignored";
        }
        List<String> typed = new ArrayList<>();
        codes.forEach(code -> typed.add(String.valueOf(code)));
        Instant at;
        try {
            at = Instant.parse(String.valueOf(order.get("createdAt")));
        } catch (DateTimeParseException e) {
            at = Instant.EPOCH;
        }
        return "redeemed " + redemptions.onOrder(shop, orderId, typed, at);
    }
}
