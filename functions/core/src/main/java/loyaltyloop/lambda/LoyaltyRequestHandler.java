package loyaltyloop.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every function's handler: Micronaut's Lambda handler on a context that builds only what the handler
 * injects. Micronaut's Lambda builder creates every singleton and configuration bean at start; core holds the beans
 * of all twelve functions, so each cold start (and each SnapStart snapshot) paid for the eleven others' services,
 * clients and an HTTP client it never used (what dropping that bought: docs/performance.md). No environment
 * probing either (files, cloud metadata hosts): the environments are {@code function} and {@code lambda}, and what
 * Micronaut derives from Lambda's own variables.
 *
 * <p>With SnapStart (the template turns it on), Lambda calls {@link #beforeCheckpoint} once, before it snapshots the
 * initialised function; {@link #prime} warms there what the first request would otherwise pay for after every
 * restore. On a JVM without CRaC (tests, the local runner) the hook is never called.
 */
public abstract class LoyaltyRequestHandler<I, O> extends MicronautRequestHandler<I, O> implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(LoyaltyRequestHandler.class);

    protected LoyaltyRequestHandler() {
        Core.getGlobalContext().register(this);
    }

    protected LoyaltyRequestHandler(ApplicationContext context) {
        super(context);
        Core.getGlobalContext().register(this);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return contextBuilder(getClass());
    }

    /**
     * The context a handler starts with on Lambda; also what the bench's {@code InitPhases} times: only the bean
     * definitions of the handler's committed list ({@link HandlerBeans}) when its jar has one, else all of them.
     */
    public static ApplicationContextBuilder contextBuilder(Class<?> handler) {
        ApplicationContextBuilder builder = HandlerBeans.listFor(handler)
                .map(list -> HandlerBeans.builder(list, HandlerBeans.LIST_DIRECTORY + handler.getName()))
                .orElseGet(ApplicationContext::builder);
        return configure(builder);
    }

    /** The same context with every bean definition on the class path (the tests and the local runner's way). */
    public static ApplicationContextBuilder contextBuilder() {
        return configure(ApplicationContext.builder());
    }

    private static ApplicationContextBuilder configure(ApplicationContextBuilder builder) {
        // Not super's builder: its eager flags cannot be switched off again (eagerInitSingletons(false) is a no-op).
        return builder.environments("function", "lambda")
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        try {
            prime();
            LOG.info("primed for the snapshot in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            // A failed warm-up costs the first request its speed, never the snapshot: a throwing hook fails the publish
            // (a class missing from the jar is a LinkageError, not an exception).
            LOG.warn("priming before the snapshot failed; restored functions start unprimed", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to redo: the SDK replaces a connection the snapshot kept, and refreshes credentials near their expiry.
    }

    /**
     * What the snapshot should already have done: every {@link SnapshotPriming} of the context (one read of the
     * table, which every function's role may make; the send paths up to the wire). Must never write, send or
     * publish: it runs once per published version, not per request.
     */
    protected void prime() {
        getApplicationContext().getBeansOfType(SnapshotPriming.class).forEach(SnapshotPriming::prime);
    }
}
