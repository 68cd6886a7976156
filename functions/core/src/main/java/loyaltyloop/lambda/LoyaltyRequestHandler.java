package loyaltyloop.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * The base of every function's handler: Micronaut's Lambda handler on a context that builds only what the handler
 * injects. Micronaut's Lambda builder creates every singleton and configuration bean at start; core holds the beans
 * of all twelve functions, so each cold start (and each SnapStart snapshot) paid for the eleven others' services,
 * clients and an HTTP client it never used (what dropping that bought: docs/performance.md). No environment
 * probing either (files, cloud metadata hosts): the environments are {@code function} and {@code lambda}, and what
 * Micronaut derives from Lambda's own variables.
 */
public abstract class LoyaltyRequestHandler<I, O> extends MicronautRequestHandler<I, O> {

    protected LoyaltyRequestHandler() {
    }

    protected LoyaltyRequestHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return contextBuilder();
    }

    /** The context every handler starts with; also what the bench's {@code InitPhases} times. */
    public static ApplicationContextBuilder contextBuilder() {
        // Not super's builder: its eager flags cannot be switched off again (eagerInitSingletons(false) is a no-op).
        return ApplicationContext.builder("function", "lambda")
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false);
    }
}
