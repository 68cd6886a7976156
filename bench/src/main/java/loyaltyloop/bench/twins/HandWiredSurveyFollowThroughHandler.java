package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.survey.SurveyCompleted;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.survey.SurveyFollowThrough;

/** {@code loyaltyloop.survey.SurveyFollowThroughHandler} wired by hand (the cold-start benchmark's floor). */
public final class HandWiredSurveyFollowThroughHandler extends HandWiredEventHandler {

    private final SurveyFollowThrough followThrough;

    public HandWiredSurveyFollowThroughHandler() {
        this(System.getenv());
    }

    public HandWiredSurveyFollowThroughHandler(Map<String, String> env) {
        super(env);
        followThrough = new SurveyFollowThrough(wiring.shops(), wiring.accounts(), wiring.orders(),
                wiring.surveyResponses(), wiring.coupons(), wiring.couponIssuer(), wiring.sender(), wiring.loopStats(),
                wiring.clock(), new SurveyEmails(wiring.templates()));
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return EventEnvelope.of(event).as(SurveyCompleted.TYPE)
                .map(completed -> followThrough.onSurveyCompleted(completed).name())
                .orElse("ignored");
    }
}
