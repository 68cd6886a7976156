package loyaltyloop.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.testing.TestClock;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Admin API tokens through {@link ShopApiClient}, against Shopify's recorded answers: the client credentials grant
 * of a Dev Dashboard app (kept until shortly before it expires, renewed once on a 401, a refused secret named by
 * its reference) and the static token of a shop connected the old way.
 */
@UnitTest
class ShopifyAccessTokensTest {

    private static final String CLIENT_ID = "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f";
    private static final String CLIENT_SECRET = "shpss_clientsecret0123456789abcdef";
    private static final String CLIENT_SECRET_REF = "/loyalty-loop/test/shops/tea.myshopify.com/client-secret";
    private static final String STATIC_TOKEN = "shpat_static000000000000000000000";
    private static final String GRANTED = "shpat_granted0000000000000000000001";
    private static final String RENEWED = "shpat_granted0000000000000000000002";
    private static final String GRAPHQL = "/admin/api/" + ShopApiClient.SHOPIFY_API_VERSION + "/graphql.json";
    private static final String QUERY = "{ shop { name } }";

    private final ContractStub stub = new ContractStub();
    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T12:00:00Z"));
    private final Shop appShop = PlatformFixtures.shop(Platform.SHOPIFY, "USD", null)
            .withConnection(new ShopConnection(CLIENT_ID, CLIENT_SECRET_REF, null));
    private final Shop staticShop = PlatformFixtures.shop(Platform.SHOPIFY, "USD", PlatformFixtures.SECRET_REF);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private ShopApiClient client(Map<String, String> secrets) {
        return PlatformFixtures.client(stub, Duration.ofSeconds(5), secrets, clock);
    }

    private ShopApiClient client() {
        return client(Map.of(CLIENT_SECRET_REF, CLIENT_SECRET, PlatformFixtures.SECRET_REF, STATIC_TOKEN));
    }

    @Test
    void anAppGetsItsTokenByTheClientCredentialsGrantAndKeepsItForLaterCalls() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/shop-name.json")
                .answers(200, "shopify/shop-name.json");
        ShopApiClient client = client();

        assertThat(client.shopifyGraphql(appShop, QUERY, null, "reading the shop").path("shop").path("name").asText())
                .isEqualTo("Tea");
        clock.advance(Duration.ofHours(23));
        client.shopifyGraphql(appShop, QUERY, null, "reading the shop");

        List<ContractStub.Received> requests = stub.received();
        assertThat(requests).hasSize(3);
        ContractStub.Received grant = requests.get(0);
        assertThat(grant.method()).isEqualTo("POST");
        assertThat(grant.pathAndQuery()).isEqualTo("/admin/oauth/access_token");
        assertThat(grant.header("Content-Type")).isEqualTo("application/json");
        assertThat(grant.json().path("client_id").asText()).isEqualTo(CLIENT_ID);
        assertThat(grant.json().path("client_secret").asText()).isEqualTo(CLIENT_SECRET);
        assertThat(grant.json().path("grant_type").asText()).isEqualTo("client_credentials");
        for (ContractStub.Received call : requests.subList(1, 3)) {
            assertThat(call.pathAndQuery()).isEqualTo(GRAPHQL);
            assertThat(call.header("X-Shopify-Access-Token")).isEqualTo(GRANTED);
        }
    }

    @Test
    void aTokenIsRenewedShortlyBeforeItExpires() {
        stub.answers(200, "shopify/access-token.json").answers(200, "shopify/shop-name.json")
                .answers(200, "shopify/access-token-renewed.json").answers(200, "shopify/shop-name.json");
        ShopApiClient client = client();

        client.shopifyGraphql(appShop, QUERY, null, "reading the shop");
        // expires_in 86399 s: inside the last five minutes the next call buys a new token first.
        clock.advance(Duration.ofSeconds(86399).minus(ShopifyAccessTokens.RENEW_BEFORE).plusSeconds(1));
        client.shopifyGraphql(appShop, QUERY, null, "reading the shop");

        List<ContractStub.Received> requests = stub.received();
        assertThat(requests).extracting(ContractStub.Received::pathAndQuery)
                .containsExactly("/admin/oauth/access_token", GRAPHQL, "/admin/oauth/access_token", GRAPHQL);
        assertThat(requests.get(3).header("X-Shopify-Access-Token")).isEqualTo(RENEWED);
    }

    @Test
    void aTokenShopifyRefusesIsReplacedOnceAndTheCallRepeated() {
        stub.answers(200, "shopify/access-token.json").answers(401, "shopify/unauthorized.json")
                .answers(200, "shopify/access-token-renewed.json").answers(200, "shopify/shop-name.json");

        client().shopifyGraphql(appShop, QUERY, null, "reading the shop");

        List<ContractStub.Received> requests = stub.received();
        assertThat(requests).extracting(ContractStub.Received::pathAndQuery)
                .containsExactly("/admin/oauth/access_token", GRAPHQL, "/admin/oauth/access_token", GRAPHQL);
        assertThat(requests.get(1).header("X-Shopify-Access-Token")).isEqualTo(GRANTED);
        assertThat(requests.get(3).header("X-Shopify-Access-Token")).isEqualTo(RENEWED);
    }

    @Test
    void aSecondRefusalIsNotRetriedAgain() {
        stub.answers(200, "shopify/access-token.json").answers(401, "shopify/unauthorized.json")
                .answers(200, "shopify/access-token-renewed.json").answers(401, "shopify/unauthorized.json");

        ShopApiException e = catchThrowableOfType(
                () -> client().shopifyGraphql(appShop, QUERY, null, "reading the shop"), ShopApiException.class);

        assertThat(e.problem()).isEqualTo(ShopApiException.Problem.CREDENTIALS);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 401").contains("tea.myshopify.com");
        assertThat(stub.received()).hasSize(4);
    }

    @Test
    void aWrongClientSecretIsNamedByItsReferenceAndNothingElseIsCalled() {
        stub.answers(400, "shopify/access-token-invalid-client.json");

        ShopApiException e = catchThrowableOfType(
                () -> client().shopifyGraphql(appShop, QUERY, null, "reading the shop"), ShopApiException.class);

        assertThat(e.problem()).isEqualTo(ShopApiException.Problem.CREDENTIALS);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(CLIENT_SECRET_REF).contains("invalid_client").contains("client secret")
                .doesNotContain(CLIENT_SECRET);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aMissingClientSecretIsNamedAndNothingIsCalled() {
        ShopApiException e = catchThrowableOfType(
                () -> client(Map.of()).shopifyGraphql(appShop, QUERY, null, "reading the shop"),
                ShopApiException.class);

        assertThat(e.problem()).isEqualTo(ShopApiException.Problem.CREDENTIALS);
        assertThat(e.getMessage()).contains(CLIENT_SECRET_REF);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void throttlingOfTheGrantOrOfTheQueryIsRetryable() {
        stub.answers(429, "shopify/rate-limited.json")
                .answers(200, "shopify/access-token.json").answers(200, "shopify/throttled.json");
        ShopApiClient client = client();

        for (String expected : List.of("HTTP 429", "Throttled")) {
            ShopApiException e = catchThrowableOfType(
                    () -> client.shopifyGraphql(appShop, QUERY, null, "reading the shop"), ShopApiException.class);
            assertThat(e.problem()).isEqualTo(ShopApiException.Problem.THROTTLED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains(expected);
        }
    }

    @Test
    void aShopConnectedTheOldWayUsesItsStaticTokenAndNeverAsksForOne() {
        stub.answers(401, "shopify/unauthorized.json");

        ShopApiException e = catchThrowableOfType(
                () -> client().shopifyGraphql(staticShop, QUERY, null, "reading the shop"), ShopApiException.class);

        assertThat(e.problem()).isEqualTo(ShopApiException.Problem.CREDENTIALS);
        ContractStub.Received only = stub.only();
        assertThat(only.pathAndQuery()).isEqualTo(GRAPHQL);
        assertThat(only.header("X-Shopify-Access-Token")).isEqualTo(STATIC_TOKEN);
    }

    @Test
    void neitherTheSecretNorATokenAppearsInAFailure() {
        stub.answers(200, "shopify/access-token.json").answers(401, "shopify/unauthorized.json")
                .answers(400, "shopify/access-token-invalid-client.json")
                .answers(200, "shopify/access-token.json").answers(503, "shopify/service-unavailable.json");
        ShopApiClient client = client();

        for (int i = 0; i < 2; i++) {
            ShopApiException e = catchThrowableOfType(
                    () -> client.shopifyGraphql(appShop, QUERY, null, "reading the shop"), ShopApiException.class);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(CLIENT_SECRET).doesNotContain(GRANTED);
            }
        }
    }
}
