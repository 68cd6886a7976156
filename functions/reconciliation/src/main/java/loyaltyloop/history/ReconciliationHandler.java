package loyaltyloop.history;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * The schedule (every few hours) → one run of {@link Reconciliation}: each shop's orders changed since its
 * watermark, any we have not stored passed through intake. Stops with a margin before the Lambda timeout; a shop
 * not reached keeps its watermark, so the next run reads its window.
 */
public class ReconciliationHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    private static final int MARGIN_MILLIS = 20_000;

    @Inject
    Reconciliation reconciliation;

    public ReconciliationHandler() {
    }

    public ReconciliationHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> scheduledEvent) {
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        return reconciliation.run(() -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS).orElse(true))
                .toString();
    }
}
