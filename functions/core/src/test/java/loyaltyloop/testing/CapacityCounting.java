package loyaltyloop.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * With {@code loyalty.test.count-capacity=true}, wraps the context's DynamoDB client in a
 * {@link CapacityCountingDynamoDbClient}, so a test can pin what a flow costs through the real handlers.
 */
@Singleton
@Requires(property = "loyalty.test.count-capacity", value = "true")
public class CapacityCounting implements BeanCreatedEventListener<DynamoDbClient> {

    private volatile CapacityCountingDynamoDbClient counter;

    @Override
    public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        counter = new CapacityCountingDynamoDbClient(event.getBean());
        return counter;
    }

    public CapacityCountingDynamoDbClient counter() {
        if (counter == null) {
            throw new IllegalStateException("no DynamoDB client was created yet");
        }
        return counter;
    }
}
