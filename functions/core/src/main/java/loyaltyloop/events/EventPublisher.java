package loyaltyloop.events;

import java.util.List;

/** Publishes events to the loop's bus. Delivery is at least once: every consumer is idempotent. */
public interface EventPublisher {

    /** Publishes or throws; never returns having silently dropped the event. */
    void publish(DomainEvent event);

    /** Publishes all of them or throws (some may be published by then: consumers are idempotent). */
    default void publishAll(List<? extends BusEvent> events) {
        for (BusEvent event : events) {
            publish(event);
        }
    }

    /** Publishes a bus event in its one wire form. */
    default void publish(BusEvent event) {
        publish(DomainEvent.of(event));
    }
}
