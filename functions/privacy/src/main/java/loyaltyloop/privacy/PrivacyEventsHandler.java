package loyaltyloop.privacy;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * EventBridge {@code CustomerDataRequested}, {@code CustomerRedactRequested}, {@code ShopRedactRequested} → one
 * call into {@link PrivacyRequests}. A shop's deletion stops with a margin before the Lambda timeout and publishes
 * where it stopped, so the next invocation carries on.
 */
public class PrivacyEventsHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final int MARGIN_MILLIS = 30_000;

    @Inject
    PrivacyRequests requests;

    public PrivacyEventsHandler() {
    }

    public PrivacyEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        EventEnvelope envelope = EventEnvelope.of(event);
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        return envelope.as(CustomerDataRequested.TYPE).map(requests::onDataRequest)
                .or(() -> envelope.as(CustomerRedactRequested.TYPE).map(requests::onRedact))
                .or(() -> envelope.as(ShopRedactRequested.TYPE).map(r -> requests.onShopRedact(r,
                        () -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS).orElse(true))))
                .map(Enum::name)
                .orElse("ignored");
    }
}
