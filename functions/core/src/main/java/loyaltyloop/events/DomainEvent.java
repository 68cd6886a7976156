package loyaltyloop.events;

import loyaltyloop.json.Json;

/** An event for the custom bus: EventBridge {@code source}, {@code detail-type} and the JSON {@code detail}. */
public record DomainEvent(String source, String detailType, String detailJson) {

    /** The entry a bus event is put on the bus as. */
    public static DomainEvent of(BusEvent event) {
        return new DomainEvent(event.type().source(), event.type().detailType(), Json.write(event.toDetail()));
    }
}
