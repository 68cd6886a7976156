package loyaltyloop.followup;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The hourly schedule → one run of {@link FollowUpSweep}, stopping with a margin before the Lambda timeout (the
 * next run carries on).
 */
public class FollowUpSweepHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final int MARGIN_MILLIS = 15_000;

    @Inject
    FollowUpSweep sweep;

    public FollowUpSweepHandler() {
    }

    public FollowUpSweepHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> scheduledEvent) {
        // The invocation's Lambda context, registered by the base handler for each request.
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        FollowUpSweep.Report report = sweep.run(() -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS)
                .orElse(true));
        return report.visits() + (report.incomplete() ? " (incomplete: the next run carries on)" : "");
    }
}
