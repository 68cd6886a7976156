package loyaltyloop.followup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.OwnerResponses;
import loyaltyloop.owner.OwnerPages;

/**
 * {@code GET /o/{token}}: the owner page (HTML), or its numbers as JSON with {@code Accept: application/json}. One
 * call into {@link OwnerPages}; it only reads.
 */
public class OwnerPageHandler extends HttpRequestHandler {

    @Inject
    OwnerPages pages;

    @Inject
    OwnerResponses responses;

    public OwnerPageHandler() {
    }

    public OwnerPageHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String method = request.method();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return HttpResponses.methodNotAllowed();
        }
        OwnerPages.Outcome outcome = pages.open(request.pathParameter("token"));
        return request.wantsJson() ? responses.json(outcome) : responses.page(outcome);
    }
}
