package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import loyaltyloop.customers.Unsubscribes;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.UnsubscribeResponses;

/** {@code loyaltyloop.unsubscribe.UnsubscribeHandler} wired by hand (the cold-start benchmark's floor). */
public final class HandWiredUnsubscribeHandler extends HandWiredHttpHandler {

    private final Unsubscribes unsubscribes;
    private final UnsubscribeResponses responses;

    public HandWiredUnsubscribeHandler() {
        this(System.getenv());
    }

    public HandWiredUnsubscribeHandler(Map<String, String> env) {
        super(env);
        unsubscribes = new Unsubscribes(wiring.links(), wiring.shops(), wiring.customerStore(), wiring.accounts());
        responses = new UnsubscribeResponses(wiring.templates());
    }

    @Override
    APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String token = request.pathParameter("token");
        return switch (request.method()) {
            case "GET", "HEAD" -> responses.page(unsubscribes.show(token), request.path());
            case "POST" -> responses.page(unsubscribes.unsubscribe(token), request.path());
            default -> HttpResponses.methodNotAllowed();
        };
    }
}
