package loyaltyloop.aws;

import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets SnapStart's priming run a call that sends, publishes or writes through the SDK's whole request path (endpoint
 * rules, marshalling, signing) and stops it just before the wire: nothing reaches AWS. Every client of
 * {@link AwsClients} carries it; only calls marked with {@link #marked} are stopped.
 */
public final class PrimingCalls implements ExecutionInterceptor {

    private static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("loyaltyloop.priming");

    /** For a request's {@code overrideConfiguration}: this call is a warm-up. */
    public static final Consumer<AwsRequestOverrideConfiguration.Builder> marked =
            o -> o.putExecutionAttribute(PRIMING, Boolean.TRUE);

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) {
            throw new Stopped();
        }
    }

    /** Runs a marked call; fails if it was not stopped before the wire, which would mean it reached AWS. */
    public static void run(Runnable markedCall) {
        try {
            markedCall.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stopped) {
                    return;
                }
            }
            throw e;
        }
        throw new IllegalStateException("a priming call was not stopped before it reached AWS");
    }

    /** Thrown where the request would have been sent. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("priming call stopped before transmission", null, false, false);
        }
    }
}
