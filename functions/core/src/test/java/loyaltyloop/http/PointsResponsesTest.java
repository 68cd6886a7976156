package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.email.EmailTemplates;
import static loyaltyloop.http.EdgeFixtures.SHOP;
import static loyaltyloop.http.EdgeFixtures.coupon;
import static loyaltyloop.http.EdgeFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import loyaltyloop.json.Json;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsOutcome.CouponPreparing;
import loyaltyloop.points.PointsOutcome.LinkRefused;
import loyaltyloop.points.PointsOutcome.NotEnoughPoints;
import loyaltyloop.points.PointsOutcome.Redeemed;
import loyaltyloop.points.PointsOutcome.Statement;
import loyaltyloop.points.PointsOutcome.TryLater;
import loyaltyloop.points.PointsOutcome.UnknownReward;
import loyaltyloop.shops.CouponTerms;
import org.junit.jupiter.api.Test;

/** What {@code /p/{token}} and {@code /p/{token}/redeem} answer for each outcome: no AWS, no context. */
@UnitTest
class PointsResponsesTest {

    private static final String STATEMENT_PATH = "/p/tok";
    private static final String REDEEM_PATH = "/p/tok/redeem";
    private static final List<LedgerEntry> TWO_REFERRALS = List.of(
            new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-2", 500, Instant.parse("2026-11-20T10:00:00Z"), "Fay", 0,
                    null, null),
            new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-1", 500, Instant.parse("2026-11-10T10:00:00Z"), "Fay", 0,
                    null, null));
    private static final Statement STATEMENT = new Statement(SHOP, EmailLocale.EN, 1000, TWO_REFERRALS,
            "AAAAAAAAAAAAAAAAAAAAAA");

    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private final PointsResponses responses = new PointsResponses(new PointsEmails(TEMPLATES), TEMPLATES);

    private static JsonNode json(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Vary", "Origin");
        return Json.MAPPER.readTree(response.getBody());
    }

    @Test
    void theStatementPageShowsBalanceLedgerAndRewardsWithFormsPostingToRedeem() {
        String html = page(responses.page(STATEMENT, STATEMENT_PATH), 200, "en");

        assertThat(html).contains("1,000 points").contains("Referral: Fay").contains("10% off your next order")
                .contains("action=\"/p/tok/redeem\"").contains("name=\"rid\"").contains("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(page(responses.page(STATEMENT, "/p/tok/"), 200, "en")).contains("action=\"/p/tok/redeem\"");
    }

    @Test
    void theStatementPageSpeaksTheCustomersLanguage() {
        Statement inChinese = new Statement(SHOP, EmailLocale.ZH_HANT, 1000, TWO_REFERRALS, "AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(page(responses.page(inChinese, STATEMENT_PATH), 200, "zh-TW")).contains("點數")
                .contains("下一筆訂單 10% 折扣");
    }

    @Test
    void theStatementAsJsonHasBalanceAndEntriesAndOnlyTheStorefrontMayReadIt() throws Exception {
        APIGatewayV2HTTPResponse fromStorefront = responses.json(STATEMENT, "https://demo.myshopify.com");

        JsonNode body = json(fromStorefront, 200);
        assertThat(fromStorefront.getHeaders()).containsEntry("Access-Control-Allow-Origin", "https://demo.myshopify.com");
        assertThat(body.path("balance").asLong()).isEqualTo(1000);
        assertThat(body.path("entries")).hasSize(2);
        assertThat(body.path("entries").get(0).fieldNames()).toIterable().containsExactly("points", "reason", "at");
        assertThat(body.path("entries").get(0).path("points").asLong()).isEqualTo(500);
        assertThat(body.path("entries").get(0).path("reason").asText()).isEqualTo("referral");
        assertThat(body.path("entries").get(0).path("at").asText()).isEqualTo("2026-11-20T10:00:00Z");
        for (String elsewhere : new String[] {"https://evil.example", "https://demo.myshopify.com.evil.example",
                "http://demo.myshopify.com", null}) {
            assertThat(responses.json(STATEMENT, elsewhere).getHeaders()).as(elsewhere)
                    .doesNotContainKey("Access-Control-Allow-Origin");
        }
    }

    @Test
    void theStorefrontOriginIsItsSchemeHostAndPortWhateverTheCase() {
        assertThat(PointsResponses.storefrontOrigin(SHOP, "HTTPS://Demo.MyShopify.com ")).isEqualTo("https://demo.myshopify.com");
        assertThat(PointsResponses.storefrontOrigin(SHOP, "https://demo.myshopify.com:8443")).isNull();
        assertThat(PointsResponses.storefrontOrigin(shopAt("https://shop.example.com:8443/pages/x?y=1"),
                "https://shop.example.com:8443")).isEqualTo("https://shop.example.com:8443");
        assertThat(PointsResponses.storefrontOrigin(shopAt(null), "https://demo.myshopify.com")).isNull();
        assertThat(PointsResponses.storefrontOrigin(shopAt("not a url"), "not a url")).isNull();
    }

    private static loyaltyloop.shops.Shop shopAt(String storefrontUrl) {
        return new loyaltyloop.shops.Shop(SHOP.domain(), SHOP.platform(), storefrontUrl, SHOP.senderAddress(),
                SHOP.senderName(), SHOP.ownerEmail(), SHOP.defaultLocale(), SHOP.currency(), SHOP.webhookSecretRef());
    }

    @Test
    void aRedeemedCouponIsShownWithItsTermsAndALinkBackToTheStatement() {
        Coupon coupon = coupon("PTS-7K2M", CouponTerms.percentOff(10), Coupon.Origin.POINTS, Coupon.State.ISSUED);

        String html = page(responses.page(new Redeemed(SHOP, EmailLocale.EN, coupon, 500), REDEEM_PATH), 200, "en");

        assertThat(html).contains("Your coupon").contains("PTS-7K2M").contains("10% off").contains("href=\"/p/tok\"");
    }

    @Test
    void aCouponBeingPreparedIsAcceptedNotDoneAndItsButtonSendsTheSameRedemptionAgain() {
        String html = page(responses.page(new CouponPreparing(EmailLocale.EN, 500, "CCCCCCCCCCCCCCCCCCCCCC"),
                REDEEM_PATH), 202, "en");

        assertThat(html).contains("being prepared").contains("action=\"/p/tok/redeem\"")
                .contains("value=\"CCCCCCCCCCCCCCCCCCCCCC\"");
    }

    @Test
    void refusedRedemptionsAre400And503PagesThatSayNothingChanged() {
        assertThat(page(responses.page(new NotEnoughPoints(EmailLocale.EN, 1000, 500), REDEEM_PATH), 400, "en"))
                .contains("Not enough points").contains("1,000").contains("Nothing was changed")
                .contains("href=\"/p/tok\"");
        assertThat(page(responses.page(new UnknownReward(EmailLocale.EN), REDEEM_PATH), 400, "en"))
                .contains("That reward is not available").contains("href=\"/p/tok\"");
        assertThat(page(responses.page(new TryLater(EmailLocale.ZH_HANT), REDEEM_PATH), 503, "zh-TW"))
                .contains("href=\"/p/tok\"");
    }

    @Test
    void aRefusedLinkIs400410Or404AsAPageOrAsJson() throws Exception {
        assertThat(page(responses.page(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN, null), STATEMENT_PATH),
                400, "en")).contains("exactly as it was sent");
        assertThat(page(responses.page(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.ZH_HANS, SHOP), REDEEM_PATH),
                410, "zh-CN"));
        assertThat(page(responses.page(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.EN, SHOP), STATEMENT_PATH),
                404, "en")).contains("exactly as it was sent");

        APIGatewayV2HTTPResponse invalid = responses.json(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN, null),
                "https://demo.myshopify.com");
        assertThat(json(invalid, 400).path("error").asText()).isEqualTo("invalid link");
        assertThat(invalid.getHeaders()).doesNotContainKey("Access-Control-Allow-Origin");
        APIGatewayV2HTTPResponse expired = responses.json(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN, SHOP),
                "https://demo.myshopify.com");
        assertThat(json(expired, 410).path("error").asText()).isEqualTo("link expired");
        assertThat(expired.getHeaders()).as("the storefront's widget may read why")
                .containsEntry("Access-Control-Allow-Origin", "https://demo.myshopify.com");
        assertThat(json(responses.json(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.EN, SHOP), null), 404)
                .path("error").asText()).isEqualTo("unknown customer");
    }
}
