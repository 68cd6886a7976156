package loyaltyloop.aws;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Publishes to the loop's custom bus; a rejected entry is an error, never a silent drop. */
@Singleton
@Requires(classes = EventBridgeClient.class)
public class EventBridgeEventPublisher implements EventPublisher {

    private final EventBridgeClient eventBridge;
    private final String bus;

    public EventBridgeEventPublisher(EventBridgeClient eventBridge, @Value("${loyalty.event-bus}") String bus) {
        this.eventBridge = eventBridge;
        this.bus = bus;
    }

    @Override
    public void publish(DomainEvent event) {
        PutEventsResponse response = eventBridge.putEvents(b -> b.entries(e -> e.eventBusName(bus)
                .source(event.source()).detailType(event.detailType()).detail(event.detailJson())));
        Integer failed = response.failedEntryCount();
        if (failed != null && failed > 0) {
            PutEventsResultEntry entry = response.entries().get(0);
            throw new IllegalStateException("EventBridge refused " + event.detailType() + ": "
                    + entry.errorCode() + " " + entry.errorMessage());
        }
    }
}
