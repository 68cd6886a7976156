package loyaltyloop.referral;

import loyaltyloop.points.PointsLedger;
import static loyaltyloop.referral.ReferralHandlers.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.links.Links;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /p/{token}} and {@code /p/{token}/redeem} with the sample events of {@code events/}, on the moto server. */
@MotoTest
class PointsHandlerTest {

    private ApplicationContext context;
    private PointsHandler handler;
    private Shop shop;
    private Customer rita;
    private String token;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), TestAws.tapBus().bus(), TestAws.createLinkKey(), Map.of());
        handler = new PointsHandler(context);
        shop = ReferralHandlers.sampleShop(context);
        rita = ReferralHandlers.customer(context, shop, TestAws.unique("rita") + "@example.com");
        String url = context.getBean(Links.class).pointsUrl("https://x.example", shop.domain(), rita.referralCode());
        token = url.substring(url.lastIndexOf('/') + 1);
        Map<String, Object> placed = ReferralHandlers.bus("order-placed-referred.json", rita.referralCode());
        assertThat(new ReferralEventsHandler(context).handleRequest(placed, null)).isEqualTo("CREDITED");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private long balance() {
        return context.getBean(PointsLedger.class).balance(shop.domain(), rita.email());
    }

    @Test
    void theStatementPageIsHtmlWithTheLinkPageSecurityHeaders() {
        APIGatewayV2HTTPResponse page = handler.handleRequest(http("points-get.json", token), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer")
                .containsKey("Content-Security-Policy");
        assertThat(page.getBody()).contains("500 points").contains("Referral: Amy").contains("/p/" + token + "/redeem");
    }

    @Test
    void theWidgetGetsJsonReadableOnlyFromTheStorefrontOrigin() throws Exception {
        APIGatewayV2HTTPResponse json = handler.handleRequest(http("points-get-json.json", token), null);

        assertThat(json.getStatusCode()).isEqualTo(200);
        assertThat(json.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("Access-Control-Allow-Origin", "https://demo.myshopify.com").containsEntry("Vary", "Origin");
        var body = ReferralHandlers.JSON.readTree(json.getBody());
        assertThat(body.path("balance").asLong()).isEqualTo(500);
        assertThat(body.path("entries").get(0).path("reason").asText()).isEqualTo("referral");
        assertThat(body.path("entries").get(0).fieldNames()).toIterable().containsExactly("points", "reason", "at");

        APIGatewayV2HTTPEvent elsewhere = http("points-get-json.json", token);
        elsewhere.getHeaders().put("origin", "https://demo.myshopify.com.evil.example");
        assertThat(handler.handleRequest(elsewhere, null).getHeaders()).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void theSampleRedeemPostBuysACouponOnceAndAgainShowsTheSameCoupon() {
        // The form's redemption id as the statement page hands it out: signed for this customer.
        String page = handler.handleRequest(http("points-get.json", token), null).getBody();
        java.util.regex.Matcher rid = java.util.regex.Pattern.compile("name=\"rid\" value=\"([^\"]+)\"").matcher(page);
        assertThat(rid.find()).as("a redemption id in the statement's form").isTrue();
        APIGatewayV2HTTPEvent form = http("points-redeem-post.json", token);
        form.setIsBase64Encoded(false);
        form.setBody("points=500&rid=" + rid.group(1));
        APIGatewayV2HTTPResponse done = handler.handleRequest(form, null);
        APIGatewayV2HTTPResponse again = handler.handleRequest(form, null);

        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(done.getBody()).contains("Your coupon").contains("10% off");
        assertThat(again.getBody()).isEqualTo(done.getBody());
        assertThat(balance()).isZero();
    }

    @Test
    void notEnoughPointsTamperedTokensAndOtherMethodsChangeNothing() {
        APIGatewayV2HTTPEvent tooMuch = http("points-redeem-post.json", token);
        tooMuch.setIsBase64Encoded(false);
        tooMuch.setBody("points=1000");
        assertThat(handler.handleRequest(tooMuch, null).getStatusCode()).isEqualTo(400);

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        APIGatewayV2HTTPResponse bad = handler.handleRequest(http("points-redeem-post.json", tampered), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("<html").doesNotContain("Exception");

        APIGatewayV2HTTPEvent huge = http("points-redeem-post.json", token);
        huge.setIsBase64Encoded(false);
        huge.setBody("points=500&x=" + "a".repeat(10_000));
        assertThat(handler.handleRequest(huge, null).getStatusCode()).isEqualTo(413);

        APIGatewayV2HTTPEvent put = http("points-get.json", token);
        put.getRequestContext().getHttp().setMethod("PUT");
        assertThat(handler.handleRequest(put, null).getStatusCode()).isEqualTo(405);

        assertThat(balance()).isEqualTo(500);
    }
}
