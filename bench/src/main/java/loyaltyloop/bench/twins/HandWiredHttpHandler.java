package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.time.CallBudget;
import org.crac.Core;
import org.crac.Resource;

/**
 * What {@code loyaltyloop.http.HttpRequestHandler} does around a handler's answer, without Micronaut: the request
 * within its budget ({@code loyalty.http.budget}, default 8 s), the 503 page when AWS did not answer in time, the 500
 * page when the answer threw; and SnapStart's before-snapshot hook reading the table once, as the functions' does.
 */
public abstract class HandWiredHttpHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    final HandWiring wiring;

    HandWiredHttpHandler(Map<String, String> env) {
        wiring = new HandWiring(env);
        Core.getGlobalContext().register(this);
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpApiRequest request = new HttpApiRequest(event);
        try {
            return CallBudget.within(budget(), () -> answer(request));
        } catch (CallBudget.NotInTime e) {
            return unavailable();
        } catch (RuntimeException e) {
            return failed();
        }
    }

    abstract APIGatewayV2HTTPResponse answer(HttpApiRequest request);

    Duration budget() {
        return HandWiring.duration(wiring.env("LOYALTY_HTTP_BUDGET", "8s"));
    }

    APIGatewayV2HTTPResponse unavailable() {
        return HttpResponses.withRetryAfter(HttpResponses.page(503,
                wiring.templates().linkProblemPage(EmailLocale.EN, 500)), "5");
    }

    APIGatewayV2HTTPResponse failed() {
        return HttpResponses.page(500, wiring.templates().linkProblemPage(EmailLocale.EN, 500));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        wiring.warmUp().prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }
}
