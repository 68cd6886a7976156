package loyaltyloop.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import loyaltyloop.json.Json;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.Shop;

/**
 * The Admin API access token of a Shopify shop. A shop connected as a Dev Dashboard app gets one by the client
 * credentials grant ({@code POST /admin/oauth/access_token} with the app's client id and secret), kept in this
 * container's memory until {@link #RENEW_BEFORE} before it expires and never written anywhere; a shop connected the
 * old way uses the static token stored as its coupon API credentials.
 */
final class ShopifyAccessTokens {

    /** Renewed this long before Shopify's expiry (about 24 hours), so a call never starts with a dying token. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    /** When an answer names no lifetime: short, so a wrong guess costs one extra grant. */
    static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);
    static final String TOKEN_PATH = "/admin/oauth/access_token";

    /** A token and where it came from; {@code toString} never shows it. */
    record Token(String value, boolean granted, String scope, Instant expiresAt, String clientId) {
        @Override
        public String toString() {
            return "Token[" + (granted ? "granted, expires " + expiresAt : "static") + "]";
        }
    }

    private final SecretSource secrets;
    private final Clock clock;
    private final Function<Shop, URI> tokenUri;
    private final BiFunction<HttpRequest.Builder, String, ShopApiClient.Answer> send;
    private final Map<String, Token> granted = new ConcurrentHashMap<>();

    ShopifyAccessTokens(SecretSource secrets, Clock clock, Function<Shop, URI> tokenUri,
            BiFunction<HttpRequest.Builder, String, ShopApiClient.Answer> send) {
        this.secrets = secrets;
        this.clock = clock;
        this.tokenUri = tokenUri;
        this.send = send;
    }

    /** The token to call the shop's Admin API with. */
    Token token(Shop shop) {
        if (!shop.connection().isApp()) {
            return new Token(ShopApiClient.staticCredentials(shop, secrets), false, null, null, null);
        }
        Instant now = clock.instant();
        // One grant per shop at a time: concurrent callers in this container wait for it and share the token.
        return granted.compute(shop.domain(), (domain, held) -> held != null && fresh(held, shop, now)
                ? held : grant(shop, now));
    }

    /** Forgets a token Shopify refused (HTTP 401), unless another caller already replaced it. */
    void forget(Shop shop, Token refused) {
        granted.remove(shop.domain(), refused);
    }

    private static boolean fresh(Token held, Shop shop, Instant now) {
        return held.clientId().equals(shop.connection().appClientId()) && now.isBefore(held.expiresAt().minus(RENEW_BEFORE));
    }

    private Token grant(Shop shop, Instant now) {
        String reference = shop.connection().appClientSecretRef();
        String secret = secrets.secret(reference).filter(value -> !value.isBlank())
                .orElseThrow(() -> new ShopApiException("no client secret for the Shopify app of " + shop.domain()
                        + " in the secret " + reference, ShopApiException.Problem.CREDENTIALS));
        String what = "getting an access token for " + shop.domain();
        String body = Json.write(Json.MAPPER.createObjectNode()
                .put("client_id", shop.connection().appClientId())
                .put("client_secret", secret)
                .put("grant_type", "client_credentials"));
        ShopApiClient.Answer answer = send.apply(HttpRequest.newBuilder(tokenUri.apply(shop))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), what);
        if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403 || answer.status() == 404) {
            throw new ShopApiException(what + " was refused (HTTP " + answer.status() + oauthError(answer.body())
                    + "): the app's client id or client secret (" + reference + ") is wrong, or the app is not"
                    + " installed on the shop", ShopApiException.Problem.CREDENTIALS);
        }
        if (!answer.ok()) {
            throw ShopApiClient.refused(what, answer.status());
        }
        JsonNode json = ShopApiClient.json(answer.body(), what);
        String token = json.path("access_token").asText("");
        if (token.isBlank()) {
            throw new ShopApiException(what + ": Shopify answered without an access_token",
                    ShopApiException.Problem.SHOP_ERROR);
        }
        long seconds = json.path("expires_in").asLong(0);
        Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : ASSUMED_LIFETIME;
        return new Token(token, true, json.path("scope").asText(null), now.plus(lifetime),
                shop.connection().appClientId());
    }

    /** The OAuth error code ({@code invalid_client}), which is Shopify's wording and safe to show; never the body. */
    private static String oauthError(String body) {
        try {
            String code = Json.MAPPER.readTree(body).path("error").asText("");
            return code.matches("[a-z_]{1,64}") ? ", " + code : "";
        } catch (Exception notJson) {
            return "";
        }
    }
}
