package loyaltyloop.privacy;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * The daily schedule → one run of {@link RetentionSweep}, stopping with a margin before the Lambda timeout (the next
 * day's run carries on).
 */
public class RetentionHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final int MARGIN_MILLIS = 30_000;

    @Inject
    RetentionSweep sweep;

    public RetentionHandler() {
    }

    public RetentionHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> scheduledEvent) {
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        RetentionSweep.Report report = sweep.run(() -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS)
                .orElse(true));
        return report.customersErased() + " customers erased, " + report.ordersStripped() + " orders stripped"
                + (report.incomplete() ? " (incomplete: the next run carries on)" : "");
    }
}
