package loyaltyloop.survey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.http.HttpResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /s/{token}} shows the survey (or its coupon, once answered); {@code POST /s/{token}} answers it. */
public class SurveyPageHandler extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyPageHandler.class);

    @Inject
    SurveyAnswers answers;

    public SurveyPageHandler() {
    }

    public SurveyPageHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            String token = HttpResponses.pathParameter(event, "token");
            SurveyAnswers.Page page = switch (HttpResponses.method(event)) {
                case "GET", "HEAD" -> answers.show(token, event.getRawPath());
                case "POST" -> answers.submit(token, HttpResponses.body(event, SurveyAnswers.MAX_BODY_BYTES),
                        event.getRawPath());
                default -> null;
            };
            if (page == null) {
                return HttpResponses.error(405, "method not allowed");
            }
            return HttpResponses.page(page.status(), page.html());
        } catch (RuntimeException e) {
            LOG.error("survey page failed", e);
            return HttpResponses.page(500, new EmailTemplates().linkProblemPage(EmailLocale.EN, 500));
        }
    }
}
