package loyaltyloop.aws;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
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

    /** EventBridge takes up to 10 entries a call. */
    private static final int ENTRIES_PER_CALL = 10;

    @Override
    public void publishAll(List<? extends BusEvent> events) {
        for (int from = 0; from < events.size(); from += ENTRIES_PER_CALL) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (BusEvent event : events.subList(from, Math.min(events.size(), from + ENTRIES_PER_CALL))) {
                entries.add(entry(DomainEvent.of(event)));
            }
            PutEventsResponse response = eventBridge.putEvents(b -> b.entries(entries));
            Integer failed = response.failedEntryCount();
            if (failed != null && failed > 0) {
                PutEventsResultEntry entry = response.entries().stream().filter(e -> e.errorCode() != null)
                        .findFirst().orElse(response.entries().get(0));
                throw new IllegalStateException("EventBridge refused " + failed + " of " + entries.size() + " "
                        + entries.get(0).detailType() + ": " + entry.errorCode() + " " + entry.errorMessage());
            }
        }
    }

    private PutEventsRequestEntry entry(DomainEvent event) {
        return PutEventsRequestEntry.builder().eventBusName(bus).source(event.source()).detailType(event.detailType())
                .detail(event.detailJson()).build();
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
