package loyaltyloop.aws;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import loyaltyloop.lambda.SnapshotPriming;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Before SnapStart's snapshot, runs EventBridge's PutEvents through the SDK up to the wire and no further
 * ({@link PrimingCalls}): nothing is published. Only in jars that carry EventBridge's SDK, and only when the
 * function's context has the client.
 */
@Singleton
@Requires(classes = EventBridgeClient.class)
public class EventBusWarmUp implements SnapshotPriming {

    private final BeanContext context;

    public EventBusWarmUp(BeanContext context) {
        this.context = context;
    }

    @Override
    public void prime() {
        context.findBean(EventBridgeClient.class).ifPresent(bus -> PrimingCalls.run(() -> bus.putEvents(b -> b
                .overrideConfiguration(PrimingCalls.marked)
                .entries(e -> e.source("loyalty-loop.priming").detailType("Priming").detail("{}")))));
    }
}
