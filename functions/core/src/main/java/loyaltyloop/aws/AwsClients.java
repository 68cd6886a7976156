package loyaltyloop.aws;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Every AWS SDK client, built once per container on the light URL-connection HTTP client. Endpoints follow the
 * SDK's own settings ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>}); {@code loyalty.aws.endpoint-url}
 * overrides them all, which is how tests and the local runner point at the moto server.
 *
 * <p>Each function's jar carries only the SDK modules it uses; a client whose module is absent is simply not a bean.
 * Secrets come from SSM without its SDK module: see {@link SsmSecretReader}.
 */
@Factory
public class AwsClients {

    private final Optional<URI> endpoint;
    private final AwsTimeouts timeouts;

    public AwsClients(@Value("${loyalty.aws.endpoint-url:}") String endpointUrl, AwsTimeouts timeouts) {
        this.endpoint = endpointUrl == null || endpointUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(endpointUrl));
        this.timeouts = timeouts;
    }


    @Singleton
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    @Singleton
    @Requires(classes = SesV2Client.class)
    public SesV2Client ses() {
        return configure(SesV2Client.builder()).build();
    }

    @Singleton
    @Requires(classes = EventBridgeClient.class)
    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder()).build();
    }

    /** For the tools that write parameters (the local runner, {@code shops add}); functions read with {@link SsmSecretReader}. */
    @Singleton
    @Requires(classes = SsmClient.class)
    public SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(httpClient(timeouts));
        }
        builder.overrideConfiguration(o -> o
                .apiCallAttemptTimeout(timeouts.attemptTimeout())
                .apiCallTimeout(timeouts.callTimeout())
                .retryStrategy(r -> r.maxAttempts(timeouts.maxAttempts()))
                .addExecutionInterceptor(new CallTimeouts(timeouts.callTimeout()))
                .addExecutionInterceptor(new PrimingCalls()));
        return builder;
    }

    /** The URL-connection client with connect and read timeouts of one attempt (its defaults: 2 s and 30 s). */
    static UrlConnectionHttpClient.Builder httpClient(AwsTimeouts timeouts) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(timeouts.attemptTimeout())
                .socketTimeout(timeouts.attemptTimeout());
    }
}
