package loyaltyloop.referral;

import static loyaltyloop.referral.ReferralHandlers.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.dynamodb.DynamoReferralClicks;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /r/{code}} with the sample event of {@code events/}, on the moto server. */
@MotoTest
class ReferralRedirectHandlerTest {

    private ApplicationContext context;
    private ReferralRedirectHandler handler;
    private Shop shop;
    private Customer rita;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        handler = new ReferralRedirectHandler(context);
        shop = ReferralHandlers.sampleShop(context);
        rita = ReferralHandlers.customer(context, shop, TestAws.unique("rita") + "@example.com");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private APIGatewayV2HTTPResponse follow(String code) {
        return handler.handleRequest(http("referral-redirect.json", code), null);
    }

    private long clicks() {
        return context.getBean(DynamoReferralClicks.class).clicks(shop.domain(), rita.referralCode());
    }

    @Test
    void aKnownCodeIsCountedAndRedirectedToTheStorefrontWithRef() {
        APIGatewayV2HTTPResponse first = follow(rita.referralCode());
        follow(rita.referralCode().toLowerCase());

        assertThat(first.getStatusCode()).isEqualTo(302);
        assertThat(first.getHeaders()).containsEntry("Location", "https://demo.myshopify.com/?ref=" + rita.referralCode())
                .containsEntry("Cache-Control", "no-store");
        assertThat(clicks()).isEqualTo(2);
    }

    @Test
    void theStorefrontsOwnPathParametersAndFragmentAreKeptAndItsRefReplaced() {
        context.getBean(ShopStore.class).save(new Shop(shop.domain(), shop.platform(),
                "https://shop.example.com/pages/welcome?utm_source=loyalty&ref=OLD#top", shop.senderAddress(),
                shop.senderName(), shop.ownerEmail(), shop.defaultLocale(), shop.currency(), shop.webhookSecretRef(),
                null, null, shop.settings()));

        assertThat(follow(rita.referralCode()).getHeaders().get("Location")).isEqualTo(
                "https://shop.example.com/pages/welcome?utm_source=loyalty&ref=" + rita.referralCode() + "#top");
    }

    @Test
    void unknownCodesAndOpenRedirectAttemptsOnlyEverGoToTheStorefrontWithoutRefAndCountNothing() {
        for (String code : new String[] {"ZZZZ2222", "//evil.example", "https:%2F%2Fevil.example", "evil.example",
                rita.referralCode() + "@evil.example", "%0d%0aLocation:%20https://evil.example", "", "\\\\evil.example"}) {
            APIGatewayV2HTTPResponse response = follow(code);
            assertThat(response.getStatusCode()).as(code).isEqualTo(302);
            assertThat(response.getHeaders().get("Location")).as(code).isEqualTo("https://demo.myshopify.com/");
        }
        assertThat(clicks()).isZero();
    }

    @Test
    void withSeveralShopsAnUnknownCodeGetsAFriendly404() {
        TestShops.register(context, "second.myshopify.com", Platform.SHOPIFY, "s", "USD", "zh-TW");

        APIGatewayV2HTTPResponse response = follow("ZZZZ2222");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("<html").doesNotContain("Exception");
        assertThat(response.getHeaders()).doesNotContainKey("Location");
        assertThat(follow(rita.referralCode()).getHeaders().get("Location")).startsWith("https://demo.myshopify.com/");
    }
}
