package loyaltyloop.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/**
 * Run inside a function's jar (its class path: that jar and this launcher): builds each SDK client the jar carries
 * as production does, without an endpoint override, in {@code us-east-1}, makes one call and stops it just before
 * it would leave the machine, printing {@code endpoint: SERVICE https://host} for the URI the SDK resolved. So the
 * endpoint rules and region data a trimmed jar keeps are shown to resolve the real regional endpoint. Credentials
 * come the way a SnapStart function gets them, from the container credentials endpoint (here a local stand-in the
 * SDK's default chain finds through {@code aws.containerCredentialsFullUri}), and sign the request.
 */
public final class ProductionEndpoints {

    private ProductionEndpoints() {
    }

    /** Stops the call where the signed request would be sent, keeping its URI. */
    static final class Stop extends RuntimeException {
        final URI uri;
        final String signedWith;

        Stop(URI uri, String signedWith) {
            super("stopped before sending to " + uri, null, false, false);
            this.uri = uri;
            this.signedWith = signedWith;
        }
    }

    static final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stop(context.httpRequest().getUri(),
                    context.httpRequest().firstMatchingHeader("Authorization").orElse("no Authorization header"));
        }
    }

    public static void main(String[] args) throws Exception {
        HttpServer credentials = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        credentials.createContext("/credentials", exchange -> {
            byte[] body = ("{\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"secret\",\"Token\":\"token\","
                    + "\"Expiration\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        credentials.start();
        System.setProperty("aws.containerCredentialsFullUri",
                "http://127.0.0.1:" + credentials.getAddress().getPort() + "/credentials");
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
                .overrideConfiguration(o -> o.addExecutionInterceptor(new Recorder()));
    }

    private static void call(String service, Supplier<Object> call, List<String> problems) {
        try {
            call.get();
            problems.add(service + ": the call was not stopped");
        } catch (Stop stop) {
            System.out.println("endpoint: " + service + " " + stop.uri.getScheme() + "://" + stop.uri.getHost()
                    + (stop.signedWith.contains("ASIAEXAMPLE") ? " signed with the container's credentials" : " NOT signed: "
                    + stop.signedWith));
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
