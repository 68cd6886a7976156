package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.referral.ReferralCredits;

/** {@code loyaltyloop.referral.ReferralEventsHandler} wired by hand (the cold-start benchmark's floor). */
public final class HandWiredReferralEventsHandler extends HandWiredEventHandler {

    private final ReferralCredits credits;

    public HandWiredReferralEventsHandler() {
        this(System.getenv());
    }

    public HandWiredReferralEventsHandler(Map<String, String> env) {
        super(env);
        credits = new ReferralCredits(wiring.shops(), wiring.customerStore(), wiring.orders(), wiring.spend(),
                wiring.ledger(), wiring.events(), wiring.sender(), wiring.links(), wiring.clock(),
                new PointsEmails(wiring.templates()), wiring.metrics(), wiring.ladder(), wiring.loopStats());
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        EventEnvelope envelope = EventEnvelope.of(event);
        return envelope.as(OrderPlaced.TYPE).map(credits::onOrderPlaced)
                .or(() -> envelope.as(OrderRefunded.TYPE).map(credits::onOrderRefunded))
                .or(() -> envelope.as(OrderCancelled.TYPE).map(credits::onOrderCancelled))
                .map(Enum::name)
                .orElse("ignored");
    }
}
