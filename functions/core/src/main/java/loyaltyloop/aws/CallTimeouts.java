package loyaltyloop.aws;

import java.time.Duration;
import java.util.Optional;
import loyaltyloop.time.CallBudget;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Makes every AWS call keep to the request's {@link CallBudget}: a call does not start once the budget is spent, gets
 * no more time than is left (its {@code apiCallTimeout} shortened to it), and a call that timed out, could not reach
 * AWS, or was throttled or failed by AWS after its retries makes the request fail as {@link CallBudget.NotInTime},
 * which the edge answers with 503 and {@code Retry-After}. Other service errors (a failed condition, a validation
 * error) are the callers' to handle.
 */
final class CallTimeouts implements ExecutionInterceptor {

    /** Below this, a call cannot finish anyway: refused at once instead of timing out. */
    private static final Duration LEAST_USEFUL = Duration.ofMillis(50);

    private final Duration callTimeout;

    CallTimeouts(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Optional<Duration> left = CallBudget.remaining();
        String operation = context.request().getClass().getSimpleName();
        if (left.isEmpty()) {
            return context.request();
        }
        if (left.get().compareTo(LEAST_USEFUL) < 0) {
            throw new CallBudget.NotInTime(operation + " not started: the request's time is spent");
        }
        if (left.get().compareTo(callTimeout) >= 0 || !(context.request() instanceof AwsRequest request)) {
            return context.request();
        }
        Duration shortened = left.get();
        return request.toBuilder()
                .overrideConfiguration(request.overrideConfiguration()
                        .map(o -> o.toBuilder().apiCallTimeout(shortened).build())
                        .orElseGet(() -> software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration.builder()
                                .apiCallTimeout(shortened).build()))
                .build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        // A retry too: once the budget is spent, no new attempt.
        CallBudget.check("an AWS call's attempt");
    }

    /** The SDK lets an interceptor see a failure, not change its type: {@link CallBudget#within} turns it into NotInTime. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        boolean unavailable = e instanceof SdkClientException
                || (e instanceof SdkServiceException service && (service.isThrottlingException()
                        || service.statusCode() >= 500));
        if (unavailable) {
            CallBudget.unavailable("AWS did not answer in time: " + e.getClass().getSimpleName());
        }
    }
}
