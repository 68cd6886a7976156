package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import loyaltyloop.time.CallBudget;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import org.slf4j.LoggerFactory;

/**
 * The base of every HTTP API handler: the subclass answers the request; when that throws, the failure is logged
 * with its cause and the caller gets a 500 that says nothing of it.
 *
 * <p>Subclasses still declare both constructors: Lambda creates a handler through the no-argument one, the local
 * runner and the tests through the one that takes a running context, and Java does not inherit constructors.
 */
public abstract class HttpRequestHandler
        extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    protected HttpRequestHandler() {
    }

    protected HttpRequestHandler(ApplicationContext context) {
        super(context);
    }

    /** The budget of an HTTP function without one of its own: well inside API Gateway's 30 s. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(8);
    /** When a caller that got a 503 should try again, in seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public final APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        HttpApiRequest request = new HttpApiRequest(event);
        try {
            return CallBudget.within(budget(), () -> answer(request));
        } catch (CallBudget.NotInTime e) {
            LoggerFactory.getLogger(getClass()).warn("{} answered 503: {}", request.route(), e.getMessage());
            return unavailable();
        } catch (RuntimeException e) {
            // The route, not the path: a path carries the customer's token.
            LoggerFactory.getLogger(getClass()).error("{} failed", request.route(), e);
            return failed();
        }
    }

    protected abstract APIGatewayV2HTTPResponse answer(HttpApiRequest request);

    /**
     * How long a request may wait on AWS in all ({@link CallBudget}): {@code loyalty.http.budget} (default 8 s). The
     * webhook intake has its own, shorter one.
     */
    protected Duration budget() {
        return getApplicationContext().getProperty("loyalty.http.budget", Duration.class).orElse(DEFAULT_BUDGET);
    }

    /** What the caller sees when AWS did not answer within the budget: the "try again later" page, 503. */
    protected APIGatewayV2HTTPResponse unavailable() {
        return HttpResponses.withRetryAfter(HttpResponses.page(503,
                getApplicationContext().getBean(EmailTemplates.class).linkProblemPage(EmailLocale.EN, 500)),
                RETRY_AFTER_SECONDS);
    }

    /**
     * What the caller sees when {@link #answer} failed: the friendly "try again later" page, in English (what
     * language the customer reads is not known by then).
     */
    protected APIGatewayV2HTTPResponse failed() {
        return HttpResponses.page(500,
                getApplicationContext().getBean(EmailTemplates.class).linkProblemPage(EmailLocale.EN, 500));
    }
}
