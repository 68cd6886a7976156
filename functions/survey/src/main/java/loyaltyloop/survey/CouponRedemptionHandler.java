package loyaltyloop.survey;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.coupons.CouponRedemptions;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.orders.OrderPlaced;

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
        return EventEnvelope.of(event).as(OrderPlaced.TYPE)
                .map(placed -> "redeemed " + redemptions.onOrderPlaced(placed))
                .orElse("ignored");
    }
}
