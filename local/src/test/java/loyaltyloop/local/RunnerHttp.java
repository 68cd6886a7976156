package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A shop and a customer talking to a running local runner over HTTP, as they would to a deployed stack. */
final class RunnerHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalRunner runner;
    private final String webhookSecret;

    RunnerHttp(LocalRunner runner, String webhookSecret) {
        this.runner = runner;
        this.webhookSecret = webhookSecret;
    }

    /** {@code pathOrUrl}: a path on the runner ({@code /_local/outbox}) or a full link from an email. */
    HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
        return send("GET", pathOrUrl, null, null, headers);
    }

    HttpResponse<String> post(String pathOrUrl, String contentType, String body, String... headers) throws Exception {
        return send("POST", pathOrUrl, contentType, body, headers);
    }

    private HttpResponse<String> send(String method, String pathOrUrl, String contentType, String body,
            String... headers) throws Exception {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : runner.baseUrl() + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A signed Shopify delivery to the demo shop, answered 200, and everything it set off handled. */
    void shopify(String topic, String body) throws Exception {
        shopify("demo.myshopify.com", topic, body);
    }

    /** The same to another shop registered with the runner's webhook secret. */
    void shopify(String shop, String topic, String body) throws Exception {
        HttpResponse<String> response = post("/webhooks/shopify", "application/json", body,
                "X-Shopify-Topic", topic, "X-Shopify-Shop-Domain", shop,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(), "X-Shopify-Hmac-Sha256", sign(body, webhookSecret));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    JsonNode outbox() throws Exception {
        HttpResponse<String> response = get("/_local/outbox");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
