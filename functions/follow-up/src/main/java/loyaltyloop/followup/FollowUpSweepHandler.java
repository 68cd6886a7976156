package loyaltyloop.followup;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The hourly schedule → {@link FollowUpFanOut}: one {@link SweepPartDue} per part of every shop's due index, for the
 * sweep workers ({@link FollowUpSweepWorkerHandler}) to send.
 */
public class FollowUpSweepHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    FollowUpFanOut fanOut;

    public FollowUpSweepHandler() {
    }

    public FollowUpSweepHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> scheduledEvent) {
        return fanOut.enqueue() + " parts handed to the sweep workers";
    }
}
