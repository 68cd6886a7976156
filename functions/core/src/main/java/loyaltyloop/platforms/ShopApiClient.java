package loyaltyloop.platforms;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.Shop;

/**
 * HTTP to a shop's own admin API, shared by the platform provisioners: one JDK client per container, short
 * timeouts (a survey page waits on it), and the mapping of failures to {@link ProvisioningException} — timeouts,
 * I/O errors, 429 and 5xx can pass, so they are retryable; 401/403 and other 4xx will not.
 *
 * <p>Requests go to {@code https://<shop domain>}. {@code loyalty.coupons.api-base-url} replaces that origin for
 * every shop; it is empty in production and set only by tests that run a recorded-contract stub.
 */
@Singleton
public class ShopApiClient {

    private final HttpClient http;
    private final String baseUrlOverride;
    private final Duration requestTimeout;

    @Inject
    public ShopApiClient(@Value("${loyalty.coupons.api-base-url:}") String baseUrlOverride,
            @Value("${loyalty.coupons.connect-timeout:3s}") Duration connectTimeout,
            @Value("${loyalty.coupons.request-timeout:5s}") Duration requestTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // never resend credentials to another origin
                .build();
        this.baseUrlOverride = baseUrlOverride == null ? "" : baseUrlOverride.replaceAll("/+$", "");
        this.requestTimeout = requestTimeout;
    }

    /** A status and body as the shop's API answered. */
    public record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The URL of {@code pathAndQuery} (starting with {@code /}) on the shop's admin API. */
    URI uri(Shop shop, String pathAndQuery) {
        String origin = baseUrlOverride.isEmpty() ? "https://" + shop.domain() : baseUrlOverride;
        return URI.create(origin + pathAndQuery);
    }

    /**
     * The shop's API credentials from the secret store.
     *
     * @throws ProvisioningException (not retryable) naming the secret's reference, never its value
     */
    static String credentials(Shop shop, SecretSource secrets) {
        String reference = shop.settings().coupons().apiSecretRef();
        if (reference == null || reference.isBlank()) {
            throw new ProvisioningException("shop " + shop.domain()
                    + " has no coupon API credentials: its coupons.apiSecretRef is not set", false);
        }
        return secrets.secret(reference).filter(value -> !value.isBlank())
                .orElseThrow(() -> new ProvisioningException("no coupon API credentials for " + shop.domain()
                        + " in the secret " + reference, false));
    }

    /** Sends the request; any answer comes back, only an unreachable or silent shop throws (retryable). */
    Answer send(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ProvisioningException(what + " timed out", true);
        } catch (IOException e) {
            throw new ProvisioningException(what + " failed: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(what + " was interrupted", true);
        }
    }

    /** The failure an unsuccessful status stands for. Bodies are left out: they are the shop's, not ours to log. */
    static ProvisioningException refused(String what, int status) {
        if (status == 429) {
            return new ProvisioningException(what + " was rate limited (HTTP 429)", true);
        }
        if (status >= 500) {
            return new ProvisioningException(what + " failed at the shop (HTTP " + status + ")", true);
        }
        if (status == 401 || status == 403) {
            return new ProvisioningException(what + " was refused (HTTP " + status
                    + "): the shop's coupon API credentials are wrong or lack the scope to write discounts", false);
        }
        return new ProvisioningException(what + " was rejected (HTTP " + status + ")", false);
    }

    // ---- Reading a shop's orders (history import, reconciliation) --------------------------------------------------

    /** An answer with the response headers a caller pages by (WooCommerce's {@code X-WP-TotalPages}). */
    public record PagedAnswer(int status, String body, Map<String, List<String>> headers) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The first value of a header, by name in any case; null when absent. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** POSTs a GraphQL document to the shop's Shopify Admin API, signed in with the shop's credentials. */
    PagedAnswer shopifyGraphql(Shop shop, SecretSource secrets, String apiVersion, String body, String what) {
        return sendPaged(authorised(HttpRequest.newBuilder(uri(shop, "/admin/api/" + apiVersion + "/graphql.json")),
                shop, secrets)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), what);
    }

    /** GETs a path of the shop's WooCommerce REST API, signed in with the shop's REST key. */
    PagedAnswer wooCommerceGet(Shop shop, SecretSource secrets, String pathAndQuery, String what) {
        return sendPaged(authorised(HttpRequest.newBuilder(uri(shop, pathAndQuery)), shop, secrets).GET(), what);
    }

    /**
     * Puts the shop's credentials on a request: Shopify's access token header, WooCommerce's REST key as HTTP Basic
     * auth (which WooCommerce accepts over HTTPS). The one place the order readers' requests are signed in.
     */
    HttpRequest.Builder authorised(HttpRequest.Builder request, Shop shop, SecretSource secrets) {
        String credentials = credentials(shop, secrets);
        request.header("Accept", "application/json");
        if (shop.platform() == loyaltyloop.shops.Platform.SHOPIFY) {
            return request.header("X-Shopify-Access-Token", credentials);
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw new ProvisioningException("the API credentials of " + shop.domain() + " in the secret "
                    + shop.settings().coupons().apiSecretRef() + " are not consumer_key:consumer_secret", false);
        }
        return request.header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private PagedAnswer sendPaged(HttpRequest.Builder request, String what) {
        try {
            HttpResponse<String> response = http.send(request.timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PagedAnswer(response.statusCode(), response.body(), response.headers().map());
        } catch (HttpTimeoutException e) {
            throw new ProvisioningException(what + " timed out", true);
        } catch (IOException e) {
            throw new ProvisioningException(what + " failed: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException(what + " was interrupted", true);
        }
    }
}
