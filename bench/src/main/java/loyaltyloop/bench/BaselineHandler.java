package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor of any Java Lambda touching DynamoDB, for the cold-start benchmark: a plain {@link RequestHandler}, no
 * framework, that builds one DynamoDB client (on the URL-connection HTTP client, like the functions) when it is
 * constructed and does one GetItem per event. It ships as its own jar ({@code bench/target/baseline-lambda.jar}:
 * the DynamoDB client, Lambda's core interfaces and Jackson) and reads the same environment as the functions:
 * {@code LOYALTY_TABLE}, {@code LOYALTY_AWS_ENDPOINT_URL} (optional), {@code AWS_REGION}, credentials.
 */
public class BaselineHandler implements RequestHandler<Map<String, Object>, String> {

    private final DynamoDbClient dynamo;
    private final String table = System.getenv("LOYALTY_TABLE");

    public BaselineHandler() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        String endpoint = System.getenv("LOYALTY_AWS_ENDPOINT_URL");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        dynamo = builder.build();
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("SHOP#demo.myshopify.com"),
                "SK", AttributeValue.fromS("SHOP")))).item();
        return item == null || item.isEmpty() ? "missing" : "found";
    }
}
