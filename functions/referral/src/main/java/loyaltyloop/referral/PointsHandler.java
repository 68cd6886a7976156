package loyaltyloop.referral;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.points.PointsPages;

/**
 * {@code GET /p/{token}} (the statement: HTML, or JSON with {@code Accept: application/json}) and
 * {@code POST /p/{token}/redeem}: one call into {@link PointsPages} each.
 */
public class PointsHandler extends HttpRequestHandler {

    private static final int MAX_FORM_BYTES = 4096;

    @Inject
    PointsPages pages;

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
            byte[] body = request.body(MAX_FORM_BYTES);
            if (body == null) {
                return HttpResponses.error(413, "form too large");
            }
            return respond(pages.redeem(token, new String(body, StandardCharsets.UTF_8), path));
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return respond(pages.statement(token, request.wantsJson(), request.header("Origin"), path));
        }
        return HttpResponses.methodNotAllowed();
    }

    private static APIGatewayV2HTTPResponse respond(PointsPages.Answer answer) {
        if (answer.json() == null) {
            return HttpResponses.page(answer.status(), answer.html());
        }
        return HttpResponses.crossOriginJson(answer.status(), answer.json(), answer.allowOrigin());
    }
}
