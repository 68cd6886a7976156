package loyaltyloop.survey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.SurveyPageResponses;

/** {@code GET /s/{token}} shows the survey (or its coupon, once answered); {@code POST /s/{token}} answers it. */
public class SurveyPageHandler extends HttpRequestHandler {

    @Inject
    SurveyAnswers answers;

    @Inject
    SurveyPageResponses responses;

    public SurveyPageHandler() {
    }

    public SurveyPageHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String token = request.pathParameter("token");
        return switch (request.method()) {
            case "GET", "HEAD" -> responses.page(answers.show(token), request.path());
            case "POST" -> responses.page(answers.submit(token, submission(request)), request.path());
            default -> HttpResponses.methodNotAllowed();
        };
    }

    private static SurveyAnswers.Submission submission(HttpApiRequest request) {
        Map<String, String> form = request.form(SurveyAnswers.MAX_BODY_BYTES);
        return form == null ? SurveyAnswers.Submission.tooLargeToRead()
                : SurveyAnswers.Submission.of(form.get("rating"), form.get("comment"));
    }
}
