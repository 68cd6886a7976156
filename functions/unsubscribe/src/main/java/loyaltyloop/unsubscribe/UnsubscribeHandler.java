package loyaltyloop.unsubscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import loyaltyloop.customers.Unsubscribes;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.http.HttpResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /u/{token}} shows the unsubscribe page; {@code POST /u/{token}} unsubscribes — the page's button
 * and the RFC 8058 one-click POST of mail clients alike.
 */
public class UnsubscribeHandler extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeHandler.class);

    @Inject
    Unsubscribes unsubscribes;

    public UnsubscribeHandler() {
    }

    public UnsubscribeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            String token = HttpResponses.pathParameter(event, "token");
            Unsubscribes.Page page = switch (HttpResponses.method(event)) {
                case "GET", "HEAD" -> unsubscribes.show(token, event.getRawPath());
                case "POST" -> unsubscribes.unsubscribe(token);
                default -> null;
            };
            if (page == null) {
                return HttpResponses.error(405, "method not allowed");
            }
            return HttpResponses.page(page.status(), page.html());
        } catch (RuntimeException e) {
            LOG.error("unsubscribe failed", e);
            return HttpResponses.page(500, new EmailTemplates().linkProblemPage(EmailLocale.EN, 500));
        }
    }
}
