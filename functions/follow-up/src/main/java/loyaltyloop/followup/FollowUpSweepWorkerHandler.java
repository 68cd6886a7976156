package loyaltyloop.followup;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * EventBridge {@code SweepPartDue} → {@link FollowUpSweep#runPart}: sends what is due in that part of the shop's due
 * index at its share of SES's rate, and when its time runs short (a margin before the Lambda timeout) publishes the
 * rest of the part for the next worker. A failure throws, so Lambda retries the event; what was sent stays sent.
 */
public class FollowUpSweepWorkerHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final int MARGIN_MILLIS = 15_000;

    @Inject
    FollowUpSweep sweep;

    @Inject
    EventPublisher events;

    public FollowUpSweepWorkerHandler() {
    }

    public FollowUpSweepWorkerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        // The invocation's Lambda context, registered by the base handler for each request.
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        return EventEnvelope.of(event).as(SweepPartDue.TYPE).map(part -> {
            FollowUpSweep.PartReport done = sweep.runPart(part.shop(), part.walk(),
                    () -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS).orElse(true));
            if (done.rest() != null) {
                events.publish(new SweepPartDue(part.shop(), done.rest()));
            }
            return done.report().visits() + (done.rest() != null ? " (the rest of the part handed on)" : "");
        }).orElse("ignored");
    }
}
