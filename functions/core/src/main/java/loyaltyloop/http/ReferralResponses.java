package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.inject.Singleton;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.referral.ReferralDestination;
import loyaltyloop.referral.ReferralDestination.Storefront;
import loyaltyloop.referral.ReferralDestination.UnknownCode;

/** The answers of {@code /r/{code}}: a redirect, or a page when there is nowhere to go. */
@Singleton
public class ReferralResponses {

    private final PointsEmails pages;

    public ReferralResponses(PointsEmails pages) {
        this.pages = pages;
    }

    public APIGatewayV2HTTPResponse response(ReferralDestination destination) {
        if (destination instanceof Storefront storefront) {
            return HttpResponses.redirect(storefront.url());
        }
        if (destination instanceof UnknownCode unknown) {
            return HttpResponses.page(404, pages.unknownReferralPage(unknown.locale()));
        }
        throw new IllegalArgumentException("no answer for " + destination);
    }
}
