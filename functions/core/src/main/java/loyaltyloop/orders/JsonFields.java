package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Small, null-safe reads from platform JSON, where any field may be missing, null or of another type. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text.trim();
    }

    /** Ids as exact digits: a JSON number above 2^53 keeps every digit (Jackson reads it as long/BigInteger). */
    public static String id(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isFloatingPointNumber()) {
            return null;
        }
        String text = value.isNumber() ? value.bigIntegerValue().toString() : value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        // No amount has 40 characters; a longer text would only cost parsing time.
        if (!value.isNumber() && value.asText().length() > 40) {
            return null;
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A line's quantity: 1 when absent, a whole number as sent (negative ones too, for the caller to refuse); not a
     * whole number throws IllegalArgumentException, one beyond {@code Integer.MAX_VALUE} ArithmeticException.
     */
    public static int quantity(JsonNode line) {
        JsonNode value = line == null ? null : line.get("quantity");
        if (value == null || value.isNull()) {
            return 1;
        }
        BigDecimal q = decimal(line, "quantity");
        if (q == null || q.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("a quantity is not a whole number");
        }
        if (q.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return Integer.MIN_VALUE;
        }
        try {
            return q.intValueExact();
        } catch (ArithmeticException beyondInt) {
            throw new ArithmeticException("a quantity is too large");
        }
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText()));
    }

    /** The {@code field} text of each object in the array {@code arrayField}, blanks left out. */
    public static java.util.List<String> texts(JsonNode node, String arrayField, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        JsonNode array = array(node, arrayField);
        if (array != null) {
            for (JsonNode element : array) {
                String value = text(element, field);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /**
     * The name/value pairs of an array of objects (Shopify {@code note_attributes}, WooCommerce {@code meta_data}),
     * first occurrence winning, names for which {@code keep} is false left out.
     */
    public static java.util.Map<String, String> pairs(JsonNode node, String arrayField, String nameField, String valueField,
            java.util.function.Predicate<String> keep) {
        java.util.Map<String, String> pairs = new java.util.LinkedHashMap<>();
        JsonNode array = array(node, arrayField);
        if (array != null) {
            for (JsonNode element : array) {
                String name = text(element, nameField);
                String value = text(element, valueField);
                if (name != null && value != null && keep.test(name)) {
                    pairs.putIfAbsent(name, value);
                }
            }
        }
        return pairs;
    }

    public static JsonNode array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : null;
    }
}
