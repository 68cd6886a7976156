package loyaltyloop.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the fields of an event's detail strictly: a field a record needs that is missing or of the wrong kind makes
 * the whole event unreadable ({@link IllegalArgumentException}), never a default that would act on a wrong value.
 */
public final class DetailFields {

    private DetailFields() {
    }

    /** Text that is present and not blank. */
    public static String text(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw unreadable(field, "text");
        }
        return value.asText();
    }

    /** Text, or null when the field is missing or null. */
    public static String textOrNull(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw unreadable(field, "text");
        }
        return value.asText();
    }

    public static int integer(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw unreadable(field, "a whole number");
        }
        return value.intValue();
    }

    public static long longInteger(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw unreadable(field, "a whole number");
        }
        return value.longValue();
    }

    /** An ISO-8601 instant such as {@code 2026-11-28T15:15:30Z}. */
    public static Instant instant(JsonNode detail, String field) {
        try {
            return Instant.parse(text(detail, field));
        } catch (DateTimeParseException e) {
            throw unreadable(field, "an ISO-8601 instant");
        }
    }

    /** The constant of {@code type} named by the field's text, as {@link Enum#name()} writes it. */
    public static <E extends Enum<E>> E constant(JsonNode detail, String field, Class<E> type) {
        String name = text(detail, field);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw unreadable(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A list of texts; a missing field is an empty list, an element that is not text makes the event unreadable. */
    public static List<String> texts(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw unreadable(field, "a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw unreadable(field, "a list of texts");
            }
            texts.add(element.asText());
        }
        return texts;
    }

    public static JsonNode object(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        if (!value.isObject()) {
            throw unreadable(field, "an object");
        }
        return value;
    }

    private static IllegalArgumentException unreadable(String field, String kind) {
        return new IllegalArgumentException("detail field " + field + " is not " + kind);
    }
}
