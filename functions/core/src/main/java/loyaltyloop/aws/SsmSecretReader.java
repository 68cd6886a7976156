package loyaltyloop.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import loyaltyloop.time.CallBudget;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * SSM SecureString parameters (the link-signing key, shop webhook secrets, coupon API credentials), read with one
 * signed {@code GetParameter} call of SSM's JSON API, built from the SDK's own signer, credentials chain and HTTP
 * client. Why not the SSM SDK client: it carries the model of every SSM operation, 5 MB in each function's jar and
 * a client to build in each cold start, for the one call we make. Why not the Parameters and Secrets Lambda
 * extension: it authenticates callers with {@code AWS_SESSION_TOKEN}, which SnapStart functions do not get.
 *
 * <p>The endpoint follows {@code loyalty.aws.endpoint-url} (tests, the local runner: the moto server), then the
 * SDK's {@code AWS_ENDPOINT_URL_SSM} and {@code AWS_ENDPOINT_URL}, then the region's own. Values and the request
 * body are never logged or put in an exception.
 */
@Singleton
public class SsmSecretReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final String configuredEndpoint;
    private final AwsTimeouts timeouts;
    private volatile Target target;

    public SsmSecretReader(@Value("${loyalty.aws.endpoint-url:}") String endpointUrl, AwsTimeouts timeouts) {
        this.configuredEndpoint = endpointUrl;
        this.timeouts = timeouts;
    }

    /** Empty when no parameter has that name. */
    public Optional<String> read(String name) {
        ObjectNode body = JSON.createObjectNode().put("Name", name).put("WithDecryption", true);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        Target t = target();
        for (int attempt = 1; ; attempt++) {
            Answer answer = call(t, payload);
            if (answer.status == 200) {
                JsonNode value = answer.json.path("Parameter").path("Value");
                return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
            }
            String type = answer.json.path("__type").asText("");
            if (type.endsWith("ParameterNotFound")) {
                return Optional.empty();
            }
            boolean retryable = answer.status >= 500 || type.endsWith("ThrottlingException");
            if (retryable && attempt == ATTEMPTS && CallBudget.remaining().isPresent()) {
                throw new CallBudget.NotInTime("SSM GetParameter failed: " + answer.status + " " + type);
            }
            if (!retryable || attempt == ATTEMPTS) {
                throw new IllegalStateException("SSM GetParameter " + name + " failed: " + answer.status + " " + type);
            }
            sleep(100L << attempt);
        }
    }

    /**
     * Everything a read does up to the wire (target, credentials, signing), nothing sent: SnapStart's priming, so a
     * restored function's first secret read pays only for its round trip.
     */
    public void primeSigning() {
        byte[] payload = "{\"Name\":\"/loyalty-loop/priming\",\"WithDecryption\":true}".getBytes(StandardCharsets.UTF_8);
        sign(target(), payload);
    }

    private static SignedRequest sign(Target t, byte[] payload) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(t.endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        return t.signer.sign(r -> r
                .identity(t.credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, t.region.id()));
    }

    private Answer call(Target t, byte[] payload) {
        CallBudget.check("SSM GetParameter");
        SignedRequest signed = sign(t, payload);
        try {
            HttpExecuteResponse response = t.http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            int status = response.httpResponse().statusCode();
            byte[] bytes;
            try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                bytes = in.readAllBytes();
            }
            return new Answer(status, json(bytes, status));
        } catch (IOException e) {
            if (CallBudget.remaining().isPresent()) {
                throw new CallBudget.NotInTime("SSM did not answer in time", e);
            }
            throw new UncheckedIOException("SSM could not be reached", e);
        }
    }

    /** An error may come as XML or HTML (a proxy, an emulator): only its status counts then. */
    private static JsonNode json(byte[] body, int status) throws IOException {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            if (status == 200) {
                throw notJson;
            }
            return JSON.createObjectNode();
        }
    }

    /** Built on first use: nothing here may run during a function's init, which must not call AWS. */
    private Target target() {
        Target t = target;
        if (t == null) {
            synchronized (this) {
                t = target;
                if (t == null) {
                    Region region = new DefaultAwsRegionProviderChain().getRegion();
                    t = new Target(endpoint(region), region, DefaultCredentialsProvider.builder().build(),
                            AwsV4HttpSigner.create(), AwsClients.httpClient(timeouts).build());
                    target = t;
                }
            }
        }
        return t;
    }

    private URI endpoint(Region region) {
        for (String candidate : new String[] {configuredEndpoint, System.getenv("AWS_ENDPOINT_URL_SSM"),
                System.getenv("AWS_ENDPOINT_URL")}) {
            if (candidate != null && !candidate.isBlank()) {
                return URI.create(candidate);
            }
        }
        return URI.create("https://ssm." + region.id() + "." + region.metadata().domain());
    }

    @PreDestroy
    void close() {
        Target t = target;
        if (t != null) {
            t.http.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying SSM", e);
        }
    }

    private record Target(URI endpoint, Region region, AwsCredentialsProvider credentials, AwsV4HttpSigner signer,
                          SdkHttpClient http) {
    }

    private record Answer(int status, JsonNode json) {
    }
}
