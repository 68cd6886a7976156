package loyaltyloop.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event on the loop's bus: a record in the feature package that publishes it. The record names its EventBridge
 * {@code source} and {@code detail-type} ({@link #type()}) and holds its one JSON mapping: {@link #toDetail()} writes
 * the detail, the type's reader reads it back.
 */
public interface BusEvent {

    EventType<? extends BusEvent> type();

    /** The detail as it goes on the wire; consumers and the template's rule patterns read these field names. */
    ObjectNode toDetail();
}
