package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.PointsResponses;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.points.PointsPages;

/** {@code loyaltyloop.referral.PointsHandler} wired by hand (the cold-start benchmark's floor). */
public final class HandWiredPointsHandler extends HandWiredHttpHandler {

    private static final int MAX_FORM_BYTES = 4096;

    private final PointsPages pages;
    private final PointsResponses responses;

    public HandWiredPointsHandler() {
        this(System.getenv());
    }

    public HandWiredPointsHandler(Map<String, String> env) {
        super(env);
        pages = new PointsPages(wiring.links(), wiring.shops(), wiring.customerStore(), wiring.ledger(),
                wiring.couponIssuer(), wiring.coupons(), wiring.events(), wiring.clock());
        responses = new PointsResponses(new PointsEmails(wiring.templates()), wiring.templates());
    }

    @Override
    APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
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
