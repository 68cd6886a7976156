package loyaltyloop.events;

/** Publishes events to the loop's bus. Delivery is at least once: every consumer is idempotent. */
public interface EventPublisher {

    /** Publishes or throws; never returns having silently dropped the event. */
    void publish(DomainEvent event);

    /** Publishes a bus event in its one wire form. */
    default void publish(BusEvent event) {
        publish(DomainEvent.of(event));
    }
}
