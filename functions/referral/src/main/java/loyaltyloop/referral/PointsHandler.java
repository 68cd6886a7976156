package loyaltyloop.referral;

import loyaltyloop.points.PointsPages;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /p/{token}} (the statement: HTML, or JSON with {@code Accept: application/json}) and
 * {@code POST /p/{token}/redeem}: one call into {@link PointsPages} each.
 */
public class PointsHandler extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(PointsHandler.class);
    private static final int MAX_FORM_BYTES = 4096;

    @Inject
    PointsPages pages;

    public PointsHandler() {
    }

    public PointsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            String token = HttpResponses.pathParameter(event, "token");
            String method = HttpResponses.method(event);
            String path = event.getRawPath() == null ? "" : event.getRawPath();
            if ("POST".equals(method) && path.endsWith("/redeem")) {
                byte[] body = HttpResponses.body(event, MAX_FORM_BYTES);
                if (body == null) {
                    return HttpResponses.error(413, "form too large");
                }
                return respond(pages.redeem(token, new String(body, StandardCharsets.UTF_8), path));
            }
            if ("GET".equals(method) || "HEAD".equals(method)) {
                String accept = HttpResponses.header(event, "Accept");
                boolean json = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")
                        && !accept.toLowerCase(Locale.ROOT).contains("text/html");
                return respond(pages.statement(token, json, HttpResponses.header(event, "Origin"), path));
            }
            return HttpResponses.error(405, "method not allowed");
        } catch (RuntimeException e) {
            LOG.error("points page failed", e);
            return HttpResponses.page(500, new EmailTemplates().linkProblemPage(EmailLocale.EN, 500));
        }
    }

    private static APIGatewayV2HTTPResponse respond(PointsPages.Answer answer) {
        if (answer.json() == null) {
            return HttpResponses.page(answer.status(), answer.html());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        // The shop theme's widget may read it from the storefront's origin, and only from there.
        headers.put("Vary", "Origin");
        if (answer.allowOrigin() != null) {
            headers.put("Access-Control-Allow-Origin", answer.allowOrigin());
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(headers)
                .withBody(Json.write(answer.json())).build();
    }
}
