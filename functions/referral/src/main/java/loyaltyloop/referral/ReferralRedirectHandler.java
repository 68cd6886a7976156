package loyaltyloop.referral;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.http.HttpResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /r/{code}}: one call into {@link ReferralRedirects}; a 302 to the shop's own storefront. */
public class ReferralRedirectHandler extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralRedirectHandler.class);

    @Inject
    ReferralRedirects redirects;

    public ReferralRedirectHandler() {
    }

    public ReferralRedirectHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            ReferralRedirects.Answer answer = redirects.follow(HttpResponses.pathParameter(event, "code"));
            if (answer.location() == null) {
                return HttpResponses.page(answer.status(), answer.html());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Location", answer.location());
            // Every click must reach us to be counted; the code must not leak to other sites as a referrer.
            headers.put("Cache-Control", "no-store");
            headers.put("Referrer-Policy", "no-referrer");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(headers).build();
        } catch (RuntimeException e) {
            LOG.error("referral redirect failed", e);
            return HttpResponses.page(500, new EmailTemplates().linkProblemPage(EmailLocale.EN, 500));
        }
    }
}
