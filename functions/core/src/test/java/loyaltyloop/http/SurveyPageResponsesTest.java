package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import loyaltyloop.email.EmailTemplates;
import static loyaltyloop.http.EdgeFixtures.SHOP;
import static loyaltyloop.http.EdgeFixtures.coupon;
import static loyaltyloop.http.EdgeFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.survey.SurveyOutcome.AnswerRefused;
import loyaltyloop.survey.SurveyOutcome.AnswerTooLarge;
import loyaltyloop.survey.SurveyOutcome.Answered;
import loyaltyloop.survey.SurveyOutcome.LinkRefused;
import loyaltyloop.survey.SurveyOutcome.SurveyToAnswer;
import loyaltyloop.survey.SurveyOutcome.TryLater;
import org.junit.jupiter.api.Test;

/** What {@code /s/{token}} answers for each outcome: no AWS, no context. */
@UnitTest
class SurveyPageResponsesTest {

    private static final String PATH = "/s/tok";

    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private final SurveyPageResponses responses = new SurveyPageResponses(new SurveyEmails(TEMPLATES), TEMPLATES);

    @Test
    void theSurveyIsALocalizedFormWithFiveRatingsAndTheOpenQuestionPostingToItsOwnPath() {
        String html = page(responses.page(new SurveyToAnswer(SHOP, "zh-TW", "#1001"), PATH), 200, "zh-TW");

        assertThat(html).contains("<form method=\"post\" action=\"/s/tok\"", "name=\"rating\"", "value=\"1\"",
                "value=\"5\"", "name=\"comment\"", "maxlength=\"2000\"", "8 折優惠", "#1001");
        assertThat(html).doesNotContain("NPS");
    }

    @Test
    void aRefusedAnswerIsA400FormThatSaysWhyAndKeepsWhatWasTyped() {
        String missing = page(responses.page(new AnswerRefused(SHOP, "en", "#1001", null, "no rating",
                SurveyEmails.Problem.RATING_MISSING), PATH), 400, "en");
        assertThat(missing).contains("Please choose a rating from 1 to 5.", "name=\"rating\"", "no rating");

        String comment = "é".repeat(2001);
        String tooLong = page(responses.page(new AnswerRefused(SHOP, "en", "#1001", 2, comment,
                SurveyEmails.Problem.COMMENT_TOO_LONG), PATH), 400, "en");
        assertThat(tooLong).contains("under 2000 characters", comment, "value=\"2\" required checked");
    }

    @Test
    void whatWasTypedIsEscapedOnThePage() {
        String html = page(responses.page(new AnswerRefused(SHOP, "en", "#1001", null, "<script>alert('x')</script>",
                SurveyEmails.Problem.RATING_MISSING), PATH), 400, "en");

        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void anAnswerShowsItsCouponOnceItWorksAndUntilThenThatItIsOnItsWay() {
        Coupon issued = coupon("SRV-4Q7Z", CouponTerms.percentOff(20), Coupon.Origin.SURVEY, Coupon.State.ISSUED);
        Coupon pending = coupon("SRV-4Q7Z", CouponTerms.percentOff(20), Coupon.Origin.SURVEY, Coupon.State.PENDING);

        assertThat(page(responses.page(new Answered(SHOP, "en", issued), PATH), 200, "en"))
                .contains("class=\"code\">SRV-4Q7Z<");
        assertThat(page(responses.page(new Answered(SHOP, "en", pending), PATH), 200, "en"))
                .contains("being set up").doesNotContain("class=\"code\"", "SRV-4Q7Z");
    }

    @Test
    void aPostTooLargeIs413TryLaterIs503AndRefusedLinksAre400410Or404AllAsFriendlyPages() {
        assertThat(page(responses.page(new AnswerTooLarge(EmailLocale.EN), PATH), 413, "en"))
                .contains("exactly as it was sent");
        assertThat(page(responses.page(new TryLater(EmailLocale.EN), PATH), 503, "en"))
                .contains("try the link again");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN), PATH), 400, "en"))
                .contains("exactly as it was sent");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.ZH_HANT), PATH), 410, "zh-TW"))
                .doesNotContain("exactly as it was sent");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.EN), PATH), 404, "en"))
                .contains("exactly as it was sent");
    }
}
