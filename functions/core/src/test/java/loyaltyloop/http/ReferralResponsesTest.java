package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.email.EmailTemplates;
import static loyaltyloop.http.EdgeFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.referral.ReferralDestination.Storefront;
import loyaltyloop.referral.ReferralDestination.UnknownCode;
import org.junit.jupiter.api.Test;

/** What {@code /r/{code}} answers: no AWS, no context. */
@UnitTest
class ReferralResponsesTest {

    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private final ReferralResponses responses = new ReferralResponses(new PointsEmails(TEMPLATES));

    @Test
    void theStorefrontIsA302NeverCachedThatLeaksNoReferrer() {
        APIGatewayV2HTTPResponse response = responses.response(new Storefront("https://demo.myshopify.com/?ref=K7QX4MZP"));

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getHeaders()).isEqualTo(Map.of("Location", "https://demo.myshopify.com/?ref=K7QX4MZP",
                "Cache-Control", "no-store", "Referrer-Policy", "no-referrer"));
        assertThat(response.getBody()).isNull();
    }

    @Test
    void anUnknownCodeWithNowhereToGoIsAFriendly404Page() {
        APIGatewayV2HTTPResponse response = responses.response(new UnknownCode(EmailLocale.ZH_HANT));

        page(response, 404, "zh-TW");
        assertThat(response.getHeaders()).doesNotContainKey("Location");
    }
}
