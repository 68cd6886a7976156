package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.inject.Singleton;
import loyaltyloop.customers.UnsubscribeOutcome;
import loyaltyloop.customers.UnsubscribeOutcome.LinkRefused;
import loyaltyloop.customers.UnsubscribeOutcome.UnsubscribeToConfirm;
import loyaltyloop.customers.UnsubscribeOutcome.Unsubscribed;
import loyaltyloop.email.EmailTemplates;

/** The pages of {@code /u/{token}}. */
@Singleton
public class UnsubscribeResponses {

    private final EmailTemplates templates;

    public UnsubscribeResponses(EmailTemplates templates) {
        this.templates = templates;
    }

    /** {@code formActionUrl}: where the confirmation's button posts, the page's own path. */
    public APIGatewayV2HTTPResponse page(UnsubscribeOutcome outcome, String formActionUrl) {
        if (outcome instanceof UnsubscribeToConfirm ask) {
            return HttpResponses.page(200, templates.unsubscribePage(ask.locale(), ask.shop(),
                    formActionUrl));
        }
        if (outcome instanceof Unsubscribed done) {
            return HttpResponses.page(200, templates.unsubscribedPage(done.locale(), done.shop()));
        }
        if (outcome instanceof LinkRefused refused) {
            return HttpResponses.linkProblemPage(templates, refused.problem(), refused.locale());
        }
        throw new IllegalArgumentException("no page for " + outcome);
    }
}
