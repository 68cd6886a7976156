package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.crac.Core;
import org.crac.Resource;

/**
 * The floor of any Java Lambda touching DynamoDB, for the cold-start benchmark: a plain {@link RequestHandler}, no
 * framework, that builds one DynamoDB client (on the URL-connection HTTP client, like the functions) when it is
 * constructed and does one GetItem per event. It ships as its own jar ({@code bench/target/baseline-lambda.jar}:
 * the DynamoDB client, Lambda's core interfaces and Jackson) and reads the same environment as the functions:
 * {@code LOYALTY_TABLE}, {@code LOYALTY_AWS_ENDPOINT_URL} (optional), {@code AWS_REGION}, credentials.
 *
 * <p>With SnapStart it primes its own client the way the functions do: one GetItem of an item that never exists in
 * its before-snapshot hook, so {@code restoredFirstRequestRatioMax} compares like with like.
 */
public class BaselineHandler implements RequestHandler<Map<String, Object>, String>, Resource {

    private final DynamoDbClient dynamo;
    private final String table = System.getenv("LOYALTY_TABLE");

    public BaselineHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("LOYALTY_AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        dynamo = builder.build();
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("WARM-UP"), "SK", AttributeValue.fromS("WARM-UP"))));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("SHOP#demo.myshopify.com"),
                "SK", AttributeValue.fromS("SHOP")))).item();
        return item == null || item.isEmpty() ? "missing" : "found";
    }
}
