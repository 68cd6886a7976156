package loyaltyloop.unsubscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import loyaltyloop.customers.Unsubscribes;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.UnsubscribeResponses;

/**
 * {@code GET /u/{token}} shows the unsubscribe page; {@code POST /u/{token}} unsubscribes — the page's button
 * and the RFC 8058 one-click POST of mail clients alike.
 */
public class UnsubscribeHandler extends HttpRequestHandler {

    @Inject
    Unsubscribes unsubscribes;

    @Inject
    UnsubscribeResponses responses;

    public UnsubscribeHandler() {
    }

    public UnsubscribeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String token = request.pathParameter("token");
        return switch (request.method()) {
            case "GET", "HEAD" -> responses.page(unsubscribes.show(token), request.path());
            case "POST" -> responses.page(unsubscribes.unsubscribe(token), request.path());
            default -> HttpResponses.methodNotAllowed();
        };
    }
}
