package loyaltyloop.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import loyaltyloop.json.Json;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.Shop;

/**
 * Every call to a shop's own admin API goes through here, and so does all of its authentication: Shopify's Admin
 * GraphQL API with an access token ({@link ShopifyAccessTokens}: the client credentials grant for a Dev Dashboard
 * app, refreshed once when Shopify answers 401, or a static token), and WooCommerce's REST API with a REST key as
 * HTTP Basic auth. One JDK client per container, short timeouts (a survey page waits on it), and failures mapped to
 * {@link ShopApiException}: timeouts, I/O errors, 429, THROTTLED and 5xx can pass, so they are retryable; 401/403
 * and other refusals will not.
 *
 * <p>Requests go to {@code https://<shop domain>}. {@code loyalty.coupons.api-base-url} replaces that origin for
 * every shop; it is empty in production and set only by tests that run a recorded-contract stub.
 */
@Singleton
public class ShopApiClient {

    /**
     * The Shopify Admin API version every call names, pinned so a Shopify release never changes what we send or
     * read. Shopify supports a stable version for twelve months; {@code shops check} says when this one is no longer
     * supported. shopify.app.toml's {@code [webhooks] api_version} is the same (ShopifyAppConfigTest checks).
     */
    public static final String SHOPIFY_API_VERSION = "2026-10";

    private final HttpClient http;
    private final String baseUrlOverride;
    private final Duration requestTimeout;
    private final SecretSource secrets;
    private final ShopifyAccessTokens tokens;

    @Inject
    public ShopApiClient(@Value("${loyalty.coupons.api-base-url:}") String baseUrlOverride,
            @Value("${loyalty.coupons.connect-timeout:3s}") Duration connectTimeout,
            @Value("${loyalty.coupons.request-timeout:5s}") Duration requestTimeout,
            SecretSource secrets, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // never resend credentials to another origin
                .build();
        this.baseUrlOverride = baseUrlOverride == null ? "" : baseUrlOverride.replaceAll("/+$", "");
        this.requestTimeout = requestTimeout;
        this.secrets = secrets;
        this.tokens = new ShopifyAccessTokens(secrets, clock,
                shop -> uri(shop, ShopifyAccessTokens.TOKEN_PATH), this::send);
    }

    /** A status and body as the shop's API answered. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Runs one Admin GraphQL operation at a Shopify shop and returns its {@code data}. A granted token that Shopify
     * refuses (it expired early, the secret was rotated) is replaced once and the call repeated.
     *
     * @param what what the call does, for messages ("creating coupon X")
     */
    public JsonNode shopifyGraphql(Shop shop, String query, ObjectNode variables, String what) {
        String doing = what + " at " + shop.domain();
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        if (variables != null) {
            body.set("variables", variables);
        }
        String json = Json.write(body);
        ShopifyAccessTokens.Token token = tokens.token(shop);
        Answer answer = postGraphql(shop, token, json, doing);
        if (answer.status() == 401 && token.granted()) {
            tokens.forget(shop, token);
            token = tokens.token(shop);
            answer = postGraphql(shop, token, json, doing);
        }
        if (!answer.ok()) {
            throw refused(doing, answer.status());
        }
        JsonNode response = json(answer.body(), doing);
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            // Shopify answers 200 with a THROTTLED error when the query cost budget is spent; it refills in seconds.
            boolean throttled = false;
            boolean denied = false;
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                String code = error.path("extensions").path("code").asText();
                throttled |= "THROTTLED".equals(code);
                denied |= "ACCESS_DENIED".equals(code);
                messages.add(error.path("message").asText());
            }
            throw new ShopApiException(doing + " failed: " + String.join("; ", messages), throttled
                    ? ShopApiException.Problem.THROTTLED
                    : denied ? ShopApiException.Problem.FORBIDDEN : ShopApiException.Problem.REJECTED);
        }
        return response.path("data");
    }

    private Answer postGraphql(Shop shop, ShopifyAccessTokens.Token token, String json, String doing) {
        return send(HttpRequest.newBuilder(uri(shop, "/admin/api/" + SHOPIFY_API_VERSION + "/graphql.json"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", token.value())
                .POST(HttpRequest.BodyPublishers.ofString(json)), doing);
    }

    /**
     * One call to a WooCommerce shop's REST API with its REST key. Any answer comes back for the caller to read;
     * only an unreachable shop or missing credentials throw.
     *
     * @param jsonBody the body of a POST or PUT; null for GET
     */
    public Answer wooCommerce(Shop shop, String method, String pathAndQuery, String jsonBody, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(shop, pathAndQuery))
                .header("Accept", "application/json")
                .header("Authorization", wooCommerceAuthorization(shop));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request, what);
    }

    private String wooCommerceAuthorization(Shop shop) {
        String credentials = staticCredentials(shop, secrets);
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw new ShopApiException("the API credentials of " + shop.domain() + " in the secret "
                    + shop.settings().coupons().apiSecretRef() + " are not consumer_key:consumer_secret",
                    ShopApiException.Problem.CREDENTIALS);
        }
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The URL of {@code pathAndQuery} (starting with {@code /}) on the shop's admin API. */
    URI uri(Shop shop, String pathAndQuery) {
        String origin = baseUrlOverride.isEmpty() ? "https://" + shop.domain() : baseUrlOverride;
        return URI.create(origin + pathAndQuery);
    }

    /**
     * The static API credentials stored for the shop (a Shopify Admin API token, or WooCommerce's
     * {@code consumer_key:consumer_secret}).
     *
     * @throws ShopApiException naming the secret's reference, never its value
     */
    static String staticCredentials(Shop shop, SecretSource secrets) {
        String reference = shop.settings().coupons().apiSecretRef();
        if (reference == null || reference.isBlank()) {
            throw new ShopApiException("shop " + shop.domain() + " has no API credentials: it is not connected as"
                    + " a Shopify app and its coupons.apiSecretRef is not set", ShopApiException.Problem.CREDENTIALS);
        }
        return secrets.secret(reference).filter(value -> !value.isBlank())
                .orElseThrow(() -> new ShopApiException("no API credentials for " + shop.domain()
                        + " in the secret " + reference, ShopApiException.Problem.CREDENTIALS));
    }

    /** Sends the request; any answer comes back, only an unreachable or silent shop throws (retryable). */
    Answer send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ShopApiException(what + " timed out", ShopApiException.Problem.UNREACHABLE);
        } catch (IOException e) {
            throw new ShopApiException(what + " failed: " + e.getClass().getSimpleName(),
                    ShopApiException.Problem.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopApiException(what + " was interrupted", ShopApiException.Problem.UNREACHABLE);
        }
    }

    static JsonNode json(String body, String what) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ShopApiException(what + ": the answer was not JSON", ShopApiException.Problem.SHOP_ERROR);
        }
    }

    /** The failure an unsuccessful status stands for. Bodies are left out: they are the shop's, not ours to log. */
    public static ShopApiException refused(String what, int status) {
        if (status == 429) {
            return new ShopApiException(what + " was rate limited (HTTP 429)", ShopApiException.Problem.THROTTLED);
        }
        if (status >= 500) {
            return new ShopApiException(what + " failed at the shop (HTTP " + status + ")",
                    ShopApiException.Problem.SHOP_ERROR);
        }
        if (status == 401) {
            return new ShopApiException(what + " was refused (HTTP 401): the shop's API credentials are wrong",
                    ShopApiException.Problem.CREDENTIALS);
        }
        if (status == 403) {
            return new ShopApiException(what + " was refused (HTTP 403): the shop's API credentials lack the scope"
                    + " or permission for it", ShopApiException.Problem.FORBIDDEN);
        }
        return new ShopApiException(what + " was rejected (HTTP " + status + ")", ShopApiException.Problem.REJECTED);
    }
}
