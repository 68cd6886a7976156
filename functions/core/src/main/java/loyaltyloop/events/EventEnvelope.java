package loyaltyloop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event as EventBridge delivers it to a function ({@code source}, {@code detail-type}, {@code detail} and the
 * rest of the envelope), read into the record of its type.
 */
public final class EventEnvelope {

    private static final Logger LOG = LoggerFactory.getLogger(EventEnvelope.class);

    private final String source;
    private final String detailType;
    private final JsonNode detail;

    private EventEnvelope(String source, String detailType, JsonNode detail) {
        this.source = source;
        this.detailType = detailType;
        this.detail = detail;
    }

    /** The envelope as the Lambda runtime hands it to a handler that takes a {@code Map}. */
    public static EventEnvelope of(Map<String, ?> event) {
        Object detail = event.get("detail");
        return new EventEnvelope(text(event.get("source")), text(event.get("detail-type")),
                detail instanceof Map<?, ?> ? Json.MAPPER.valueToTree(detail) : MissingNode.getInstance());
    }

    /** The envelope as JSON, as EventBridge sends it. */
    public static EventEnvelope of(JsonNode event) {
        return new EventEnvelope(event.path("source").asText(null), event.path("detail-type").asText(null),
                event.path("detail"));
    }

    public String source() {
        return source;
    }

    public String detailType() {
        return detailType;
    }

    /**
     * The event as the record of {@code type}; empty when it is another event, or when its detail does not read as
     * one (logged: a retry would not read it either).
     */
    public <E extends BusEvent> Optional<E> as(EventType<E> type) {
        if (!type.names(source, detailType)) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.read(detail));
        } catch (RuntimeException unreadable) {
            LOG.warn("ignoring a {} whose detail does not read: {}", type, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
