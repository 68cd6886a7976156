package loyaltyloop.followup;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.owner.OwnerDigests;

/** The daily schedule → {@link OwnerDigests}: each shop owner's "pick three", when there is something to say. */
public class OwnerDigestHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    OwnerDigests digests;

    public OwnerDigestHandler() {
    }

    public OwnerDigestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> scheduledEvent) {
        return digests.run().toString();
    }
}
