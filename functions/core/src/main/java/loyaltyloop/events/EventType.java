package loyaltyloop.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** A kind of bus event: its EventBridge {@code source} and {@code detail-type}, and how its detail reads as its record. */
public final class EventType<E extends BusEvent> {

    private final String source;
    private final String detailType;
    private final Function<JsonNode, E> reader;

    public EventType(String source, String detailType, Function<JsonNode, E> reader) {
        this.source = source;
        this.detailType = detailType;
        this.reader = reader;
    }

    public String source() {
        return source;
    }

    public String detailType() {
        return detailType;
    }

    /** @throws RuntimeException when the detail is not one of these (a field missing or of the wrong kind) */
    public E read(JsonNode detail) {
        return reader.apply(detail);
    }

    boolean names(String source, String detailType) {
        return this.source.equals(source) && this.detailType.equals(detailType);
    }

    @Override
    public String toString() {
        return source + " " + detailType;
    }
}
