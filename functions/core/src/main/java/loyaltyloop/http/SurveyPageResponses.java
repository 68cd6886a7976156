package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.inject.Singleton;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.survey.SurveyOutcome;
import loyaltyloop.survey.SurveyOutcome.AnswerRefused;
import loyaltyloop.survey.SurveyOutcome.AnswerTooLarge;
import loyaltyloop.survey.SurveyOutcome.Answered;
import loyaltyloop.survey.SurveyOutcome.LinkRefused;
import loyaltyloop.survey.SurveyOutcome.SurveyToAnswer;
import loyaltyloop.survey.SurveyOutcome.TryLater;

/** The pages of {@code /s/{token}}. */
@Singleton
public class SurveyPageResponses {

    private final SurveyEmails pages;
    private final EmailTemplates templates;

    public SurveyPageResponses(SurveyEmails pages, EmailTemplates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    /** {@code formActionUrl}: where the survey form posts, the page's own path. */
    public APIGatewayV2HTTPResponse page(SurveyOutcome outcome, String formActionUrl) {
        if (outcome instanceof SurveyToAnswer s) {
            return HttpResponses.page(200, pages.surveyForm(s.shop(), s.locale(), s.orderName(), formActionUrl, null,
                    null, null));
        }
        if (outcome instanceof AnswerRefused refused) {
            return HttpResponses.page(400, pages.surveyForm(refused.shop(), refused.locale(), refused.orderName(),
                    formActionUrl, refused.rating(), refused.comment(), refused.problem()));
        }
        if (outcome instanceof Answered answered) {
            return HttpResponses.page(200, pages.surveyThanks(answered.shop(), answered.locale(), answered.coupon()));
        }
        if (outcome instanceof AnswerTooLarge tooLarge) {
            // The page of an unusable link: nothing a customer typed can be this long.
            return HttpResponses.page(413, templates.linkProblemPage(tooLarge.locale(), 400));
        }
        if (outcome instanceof TryLater later) {
            return HttpResponses.page(503, templates.linkProblemPage(later.locale(), 503));
        }
        if (outcome instanceof LinkRefused refused) {
            return HttpResponses.linkProblemPage(templates, refused.problem(), refused.locale());
        }
        throw new IllegalArgumentException("no page for " + outcome);
    }
}
