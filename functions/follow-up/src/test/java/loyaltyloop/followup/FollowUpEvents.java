package loyaltyloop.followup;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.StandInLambdaContext;

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

    /** A Lambda invocation context with {@code remainingMillis} left. */
    static Context lambdaContext(String function, int remainingMillis) {
        return new StandInLambdaContext(function, Duration.ofMillis(remainingMillis), 512, System.out);
    }
}
