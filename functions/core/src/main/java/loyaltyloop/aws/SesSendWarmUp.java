package loyaltyloop.aws;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import loyaltyloop.lambda.SnapshotPriming;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Before SnapStart's snapshot, runs SES's SendEmail through the SDK up to the wire and no further
 * ({@link PrimingCalls}): a restored function's first email pays only for its round trip. Only in jars that carry
 * SES's SDK, and only when the function's context has the client (looked up, not injected, so a function that does
 * not mail does not build it for this).
 */
@Singleton
@Requires(classes = SesV2Client.class)
public class SesSendWarmUp implements SnapshotPriming {

    private static final String NOWHERE = "priming@example.invalid";

    private final BeanContext context;

    public SesSendWarmUp(BeanContext context) {
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
    }
}
