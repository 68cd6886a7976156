package loyaltyloop.followup;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.shops.Shop;

/** The sample events of {@code events/}, adapted per test, and a Lambda context with a given time left. */
final class FollowUpEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FollowUpEvents() {
    }

    static Map<String, Object> read(String file) {
        try {
            return JSON.readValue(Files.readString(Path.of("../../events/" + file)), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code events/order-placed.json} for another customer, placed at {@code createdAt}. */
    static Map<String, Object> orderPlaced(String email, Instant createdAt) {
        Map<String, Object> event = read("order-placed.json");
        Map<String, Object> order = order(event);
        order.put("email", email);
        if (createdAt != null) {
            order.put("createdAt", createdAt.toString());
        }
        return event;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> order(Map<String, Object> event) {
        return (Map<String, Object>) detail(event).get("order");
    }

    /** What order intake did before publishing the event: count the order for its customer. */
    static Order recordOrderAsIntakeDid(ApplicationContext context, Shop shop, Map<String, Object> event) {
        Order order = OrderJson.fromJson(JSON.valueToTree(order(event)));
        context.getBean(CustomerAccounts.class).recordOrder(shop, order);
        return order;
    }

    /** A Lambda invocation context that reports {@code remainingMillis} left. */
    static Context lambdaContext(String function, int remainingMillis) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return "req-" + System.nanoTime();
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/" + function;
            }

            @Override
            public String getLogStreamName() {
                return "2026/11/29/[$LATEST]test";
            }

            @Override
            public String getFunctionName() {
                return function;
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:" + function;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return remainingMillis;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 512;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                    }

                    @Override
                    public void log(byte[] message) {
                    }
                };
            }
        };
    }
}
