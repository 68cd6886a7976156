package loyaltyloop.referral;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.ReferralResponses;

/** {@code GET /r/{code}}: one call into {@link ReferralRedirects}; a 302 to the shop's own storefront. */
public class ReferralRedirectHandler extends HttpRequestHandler {

    @Inject
    ReferralRedirects redirects;

    @Inject
    ReferralResponses responses;

    public ReferralRedirectHandler() {
    }

    public ReferralRedirectHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        return responses.response(redirects.follow(request.pathParameter("code")));
    }
}
