package loyaltyloop.survey;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;

/**
 * EventBridge {@code SurveyCompleted} → one call into {@link SurveyFollowThrough}: the coupon email, and for a low
 * rating the apology and the owner's alert. Failures throw, so Lambda retries the event.
 */
public class SurveyFollowThroughHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    SurveyFollowThrough followThrough;

    public SurveyFollowThroughHandler() {
    }

    public SurveyFollowThroughHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        return EventEnvelope.of(event).as(SurveyCompleted.TYPE)
                .map(completed -> followThrough.onSurveyCompleted(completed).name())
                .orElse("ignored");
    }
}
