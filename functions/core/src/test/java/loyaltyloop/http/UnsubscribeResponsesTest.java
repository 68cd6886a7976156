package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import loyaltyloop.email.EmailTemplates;
import static loyaltyloop.http.EdgeFixtures.SHOP;
import static loyaltyloop.http.EdgeFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.customers.LinkProblem;
import loyaltyloop.customers.UnsubscribeOutcome.LinkRefused;
import loyaltyloop.customers.UnsubscribeOutcome.UnsubscribeToConfirm;
import loyaltyloop.customers.UnsubscribeOutcome.Unsubscribed;
import loyaltyloop.email.EmailLocale;
import org.junit.jupiter.api.Test;

/** What {@code /u/{token}} answers for each outcome: no AWS, no context. */
@UnitTest
class UnsubscribeResponsesTest {

    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private final UnsubscribeResponses responses = new UnsubscribeResponses(TEMPLATES);

    @Test
    void aGoodLinkAsksToConfirmWithAButtonThatPostsToItsOwnPath() {
        assertThat(page(responses.page(new UnsubscribeToConfirm(SHOP, EmailLocale.ZH_HANT), "/u/tok"), 200, "zh-TW"))
                .contains("<form method=\"post\" action=\"/u/tok\">").contains("Demo Shop");
    }

    @Test
    void unsubscribingSaysSoAndThatOrderEmailsStillCome() {
        assertThat(page(responses.page(new Unsubscribed(SHOP, EmailLocale.EN), "/u/tok"), 200, "en"))
                .contains("You're unsubscribed").contains("Demo Shop").contains("emails about your orders")
                .doesNotContain("<form");
    }

    @Test
    void refusedLinksAre400410Or404FriendlyPages() {
        assertThat(page(responses.page(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN), "/u/x"), 400, "en"))
                .contains("exactly as it was sent");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN), "/u/x"), 410, "en"))
                .contains("It has expired");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.ZH_HANS), "/u/x"), 404,
                "zh-CN"));
    }
}
