package loyaltyloop.referral;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.PointsResponses;
import loyaltyloop.points.PointsPages;

/**
 * {@code GET /p/{token}} (the statement: HTML, or JSON with {@code Accept: application/json}) and
 * {@code POST /p/{token}/redeem}: one call into {@link PointsPages} each.
 */
public class PointsHandler extends HttpRequestHandler {

    private static final int MAX_FORM_BYTES = 4096;

    @Inject
    PointsPages pages;

    @Inject
    PointsResponses responses;

    public PointsHandler() {
    }

    public PointsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String token = request.pathParameter("token");
        String method = request.method();
        String path = request.path() == null ? "" : request.path();
        if ("POST".equals(method) && path.endsWith("/redeem")) {
            Map<String, String> form = request.form(MAX_FORM_BYTES);
            if (form == null) {
                return HttpResponses.error(413, "form too large");
            }
            return responses.page(pages.redeem(token, form.get("points"), form.get("rid")), path);
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return request.wantsJson()
                    ? responses.json(pages.statement(token), request.header("Origin"))
                    : responses.page(pages.statement(token), path);
        }
        return HttpResponses.methodNotAllowed();
    }
}
