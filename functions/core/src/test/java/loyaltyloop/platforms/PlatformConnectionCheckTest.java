package loyaltyloop.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.shops.CheckFinding;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code shops check}'s questions to the platforms, against their recorded answers. */
@UnitTest
class PlatformConnectionCheckTest {

    private static final String CLIENT_SECRET_REF = "/loyalty-loop/test/shops/tea.myshopify.com/client-secret";
    private static final String WOO_REF = "/loyalty-loop/test/shops/woo.example.com/coupon-api";

    private final ContractStub stub = new ContractStub();
    private final Shop appShop = PlatformFixtures.shop(Platform.SHOPIFY, "USD", null)
            .withConnection(new ShopConnection("3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f", CLIENT_SECRET_REF, null));
    private final Shop wooShop = PlatformFixtures.shop(Platform.WOOCOMMERCE, "USD", WOO_REF);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private List<CheckFinding> check(Shop shop) {
        return new PlatformConnectionCheck(PlatformFixtures.client(stub, Duration.ofSeconds(5),
                Map.of(CLIENT_SECRET_REF, "shpss_clientsecret0123456789abcdef", WOO_REF, "ck_1:cs_2"))).check(shop);
    }

    private static List<CheckFinding> problems(List<CheckFinding> findings) {
        return findings.stream().filter(f -> f.severity() == CheckFinding.Severity.PROBLEM).toList();
    }

    @Test
    void anAppWithItsScopesAndASupportedVersionIsWell() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/check-all-granted.json")
                .answers(200, "shopify/webhook-subscriptions-none.json");

        List<CheckFinding> findings = check(appShop);

        assertThat(problems(findings)).isEmpty();
        assertThat(findings).extracting(CheckFinding::text).anySatisfy(t -> assertThat(t).contains("token was granted"))
                .anySatisfy(t -> assertThat(t).contains("2026-10 is supported"))
                .anySatisfy(t -> assertThat(t).contains("scopes the loop needs are granted"));
        // App-wide subscriptions are not listed by Shopify's API: said as a warning, not a failure.
        assertThat(findings).filteredOn(f -> f.severity() == CheckFinding.Severity.WARNING).singleElement()
                .satisfies(f -> assertThat(f.text()).contains("shopify.app.toml").contains("Dev Dashboard"));
        assertThat(stub.received().get(1).json().path("query").asText())
                .contains("currentAppInstallation { accessScopes { handle } }")
                .contains("publicApiVersions { handle supported }");
    }

    @Test
    void aWrongClientSecretIsNamed() {
        stub.answers(400, "shopify/access-token-invalid-client.json");

        assertThat(problems(check(appShop))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("no Admin API token").contains("client secret").contains(CLIENT_SECRET_REF));
    }

    @Test
    void aMissingScopeIsNamed() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/check-missing-scope.json")
                .answers(200, "shopify/webhook-subscriptions-none.json");

        assertThat(problems(check(appShop))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("missing scope write_discounts").contains("app deploy"));
    }

    @Test
    void anUnsupportedApiVersionIsNamedWithTheNewestSupported() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/check-version-unsupported.json")
                .answers(200, "shopify/webhook-subscriptions-none.json");

        assertThat(problems(check(appShop))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("2026-10 is no longer supported").contains("2027-10"));
    }

    @Test
    void throttlingSaysToTryAgain() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/throttled.json");

        assertThat(problems(check(appShop))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("try again").contains("Throttled"));
    }

    @Test
    void anUninstalledAppIsAProblemEvenWhenTheTokenStillWorks() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/check-all-granted.json")
                .answers(200, "shopify/webhook-subscriptions-none.json");

        List<CheckFinding> findings = check(appShop.withConnection(
                appShop.connection().uninstalled(Instant.parse("2026-12-04T09:30:00Z"))));

        assertThat(problems(findings)).singleElement().satisfies(f -> assertThat(f.text()).contains("uninstalled"));
    }

    @Test
    void aDisabledWooCommerceWebhookIsNamed() {
        stub.answers(200, "woocommerce/webhooks-one-disabled.json");

        List<CheckFinding> findings = check(wooShop);

        assertThat(problems(findings)).singleElement().satisfies(f -> assertThat(f.text())
                .contains("\"loyalty-loop order updated\"").contains("order.updated").contains("disabled"));
        assertThat(findings).extracting(CheckFinding::text)
                .anySatisfy(t -> assertThat(t).contains("\"loyalty-loop order created\" (order.created) is active"));
        ContractStub.Received request = stub.only();
        assertThat(request.pathAndQuery()).isEqualTo("/wp-json/wc/v3/webhooks?per_page=100");
        assertThat(request.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void aRefusedWooCommerceKeyIsNamedByItsSecret() {
        stub.answers(401, "woocommerce/webhooks-unauthorized.json");

        assertThat(problems(check(wooShop))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("HTTP 401").contains(WOO_REF));
    }

    @Test
    void aShopWithoutCredentialsIsAProblemOnlyWhenItsCouponsNeedThem() {
        Shop noKey = PlatformFixtures.shop(Platform.WOOCOMMERCE, "USD", null);
        Shop pool = noKey.withCouponProvisioning(loyaltyloop.shops.LoyaltySettings.Provisioning.POOL);

        assertThat(problems(check(noKey))).singleElement().satisfies(f -> assertThat(f.text())
                .contains("no API credentials").contains("coupons cannot be created"));
        assertThat(check(pool)).singleElement().satisfies(f -> assertThat(f.severity())
                .isEqualTo(CheckFinding.Severity.WARNING));
        assertThat(stub.received()).isEmpty();
    }
}
