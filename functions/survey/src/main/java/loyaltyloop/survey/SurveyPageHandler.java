package loyaltyloop.survey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;

/** {@code GET /s/{token}} shows the survey (or its coupon, once answered); {@code POST /s/{token}} answers it. */
public class SurveyPageHandler extends HttpRequestHandler {

    @Inject
    SurveyAnswers answers;

    public SurveyPageHandler() {
    }

    public SurveyPageHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String token = request.pathParameter("token");
        SurveyAnswers.Page page = switch (request.method()) {
            case "GET", "HEAD" -> answers.show(token, request.path());
            case "POST" -> answers.submit(token, request.body(SurveyAnswers.MAX_BODY_BYTES), request.path());
            default -> null;
        };
        if (page == null) {
            return HttpResponses.methodNotAllowed();
        }
        return HttpResponses.page(page.status(), page.html());
    }
}
