package loyaltyloop.events;

/** An event for the custom bus: EventBridge {@code source}, {@code detail-type} and the JSON {@code detail}. */
public record DomainEvent(String source, String detailType, String detailJson) {
}
