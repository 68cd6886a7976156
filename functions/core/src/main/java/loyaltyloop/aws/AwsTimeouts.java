package loyaltyloop.aws;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How long an AWS call may take (docs/operations.md, "Time budgets"). DynamoDB, EventBridge, SES and SSM answer in
 * milliseconds; an attempt that takes a second is stuck, and is tried again. The HTTP functions also keep to their
 * request's {@link loyaltyloop.time.CallBudget}, which shortens a call further.
 *
 * @param attemptTimeout one HTTP attempt ({@code apiCallAttemptTimeout}; also the socket's connect and read timeout)
 * @param callTimeout a whole call with its retries ({@code apiCallTimeout})
 * @param maxAttempts attempts per call, the first included (the SDK's standard retry strategy, with its backoff)
 */
@Singleton
public record AwsTimeouts(
        @Value("${loyalty.aws.attempt-timeout:1s}") Duration attemptTimeout,
        @Value("${loyalty.aws.call-timeout:2500ms}") Duration callTimeout,
        @Value("${loyalty.aws.max-attempts:3}") int maxAttempts) {
}
