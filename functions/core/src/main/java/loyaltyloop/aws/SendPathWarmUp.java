package loyaltyloop.aws;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import loyaltyloop.lambda.SnapshotPriming;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Before SnapStart's snapshot, runs the send path of each client this function's context has (SES's SendEmail,
 * EventBridge's PutEvents, the SSM secret read's signing) up to the wire and no further ({@link PrimingCalls}): a
 * restored function's first email, event or secret then pays only for its round trip. Looks the clients up rather
 * than injecting them, so a function that does not use SES or EventBridge does not build their clients for this.
 */
@Singleton
public class SendPathWarmUp implements SnapshotPriming {

    private static final String NOWHERE = "priming@example.invalid";

    private final BeanContext context;

    public SendPathWarmUp(BeanContext context) {
        this.context = context;
    }

    @Override
    public void prime() {
        context.findBean(SesV2Client.class).ifPresent(ses -> PrimingCalls.run(() -> ses.sendEmail(b -> b
                .overrideConfiguration(PrimingCalls.marked)
                .fromEmailAddress(NOWHERE)
                .destination(d -> d.toAddresses(NOWHERE))
                .content(c -> c.simple(m -> m.subject(t -> t.data("priming").charset("UTF-8"))
                        .body(body -> body.text(t -> t.data("priming").charset("UTF-8"))))))));
        context.findBean(EventBridgeClient.class).ifPresent(bus -> PrimingCalls.run(() -> bus.putEvents(b -> b
                .overrideConfiguration(PrimingCalls.marked)
                .entries(e -> e.source("loyalty-loop.priming").detailType("Priming").detail("{}")))));
        context.findBean(SsmSecretReader.class).ifPresent(SsmSecretReader::primeSigning);
    }
}
