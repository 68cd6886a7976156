package loyaltyloop.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Run inside a function's jar (its class path: that jar and this launcher): builds each SDK client the jar carries
 * as production does, without an endpoint override, in {@code us-east-1}, makes one call and stops it just before
 * it would leave the machine, printing {@code endpoint: SERVICE https://host} for the URI the SDK resolved. So the
 * endpoint rules and region data a trimmed jar keeps are shown to resolve the real regional endpoint.
 */
public final class ProductionEndpoints {

    private ProductionEndpoints() {
    }

    /** Stops the call where the signed request would be sent, keeping its URI. */
    static final class Stop extends RuntimeException {
        final URI uri;

        Stop(URI uri) {
            super("stopped before sending to " + uri, null, false, false);
            this.uri = uri;
        }
    }

    static final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stop(context.httpRequest().getUri());
        }
    }

    public static void main(String[] args) {
        List<String> problems = new ArrayList<>();
        if (present("software.amazon.awssdk.services.dynamodb.DynamoDbClient")) {
            call("dynamodb", () -> configure(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()).build()
                    .getItem(b -> b.tableName("t").key(java.util.Map.of("PK",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("k")))), problems);
        }
        if (present("software.amazon.awssdk.services.sesv2.SesV2Client")) {
            call("sesv2", () -> configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder()).build()
                    .getAccount(b -> { }), problems);
        }
        if (present("software.amazon.awssdk.services.eventbridge.EventBridgeClient")) {
            call("eventbridge", () -> configure(software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder())
                    .build().putEvents(b -> b.entries(e -> e.source("s").detailType("d").detail("{}"))), problems);
        }
        System.out.flush();
        Runtime.getRuntime().halt(problems.isEmpty() ? 0 : 1);
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new Recorder()));
    }

    private static void call(String service, Supplier<Object> call, List<String> problems) {
        try {
            call.get();
            problems.add(service + ": the call was not stopped");
        } catch (Stop stop) {
            System.out.println("endpoint: " + service + " " + stop.uri.getScheme() + "://" + stop.uri.getHost());
        } catch (Throwable e) {
            System.out.println("endpoint: " + service + " failed: " + e);
            e.printStackTrace(System.out);
            problems.add(service);
        }
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, ProductionEndpoints.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
