package loyaltyloop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.local.LocalTemplate.Attribute;
import loyaltyloop.local.LocalTemplate.FunctionSpec;
import loyaltyloop.local.LocalTemplate.Index;
import loyaltyloop.local.LocalTemplate.Key;
import loyaltyloop.local.LocalTemplate.Route;
import loyaltyloop.local.LocalTemplate.Rule;
import loyaltyloop.local.LocalTemplate.Schedule;
import loyaltyloop.local.LocalTemplate.TableSpec;

/**
 * Reads the SAM template the way the runner needs it: {@code AWS::DynamoDB::Table} resources and
 * {@code AWS::Serverless::Function} resources with their {@code HttpApi}, {@code EventBridgeRule} and
 * {@code Schedule}/{@code ScheduleV2} events. Only literal values are understood (intrinsics are skipped).
 */
final class TemplateReader {

    static final String DEFAULT_NAME = "template.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateReader() {
    }

    /** The given path, else {@code template.yaml} in {@code start} or the nearest folder above it. */
    static Path locate(String explicit, Path start) {
        if (explicit != null) {
            Path path = Path.of(explicit);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("template not found: " + path.toAbsolutePath());
            }
            return path;
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no " + DEFAULT_NAME + " in " + start.toAbsolutePath()
                + " or any folder above it; pass --template PATH");
    }

    static LocalTemplate read(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Object root = CfnYaml.yaml().load(reader);
            return parse(path, map(root, "template"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static LocalTemplate parse(Path source, Map<String, Object> root) {
        Map<String, Object> globals = map(map(root.get("Globals"), "Globals").get("Function"), "Globals.Function");
        List<TableSpec> tables = new ArrayList<>();
        List<FunctionSpec> functions = new ArrayList<>();
        map(root.get("Resources"), "Resources").forEach((id, value) -> {
            Map<String, Object> resource = map(value, id);
            Object type = resource.get("Type");
            Map<String, Object> properties = map(resource.get("Properties"), id + ".Properties");
            if ("AWS::DynamoDB::Table".equals(type)) {
                tables.add(table(id, properties));
            } else if ("AWS::Serverless::Function".equals(type)) {
                functions.add(function(id, properties, globals));
            }
        });
        return new LocalTemplate(source, List.copyOf(tables), List.copyOf(functions));
    }

    private static TableSpec table(String id, Map<String, Object> p) {
        List<Attribute> attributes = list(p.get("AttributeDefinitions")).stream()
                .map(a -> map(a, id + ".AttributeDefinitions"))
                .map(a -> new Attribute(string(a.get("AttributeName")), string(a.get("AttributeType"))))
                .toList();
        List<Index> indexes = list(p.get("GlobalSecondaryIndexes")).stream()
                .map(i -> map(i, id + ".GlobalSecondaryIndexes"))
                .map(i -> {
                    Map<String, Object> projection = map(i.get("Projection"), "Projection");
                    String projectionType = Optional.ofNullable(string(projection.get("ProjectionType"))).orElse("ALL");
                    List<String> nonKey = list(projection.get("NonKeyAttributes")).stream().map(TemplateReader::string).toList();
                    return new Index(string(i.get("IndexName")), keys(i.get("KeySchema")), projectionType, nonKey);
                })
                .toList();
        Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"), "TimeToLiveSpecification");
        String ttlAttribute = Boolean.TRUE.equals(ttl.get("Enabled")) || "true".equals(String.valueOf(ttl.get("Enabled")))
                ? string(ttl.get("AttributeName")) : null;
        return new TableSpec(id, attributes, keys(p.get("KeySchema")), indexes, ttlAttribute);
    }

    private static List<Key> keys(Object schema) {
        return list(schema).stream()
                .map(k -> map(k, "KeySchema"))
                .map(k -> new Key(string(k.get("AttributeName")), string(k.get("KeyType"))))
                .toList();
    }

    private static FunctionSpec function(String id, Map<String, Object> p, Map<String, Object> globals) {
        String handler = string(p.getOrDefault("Handler", globals.get("Handler")));
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException(id + " has no literal Handler");
        }
        String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String handlerMethod = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
        int timeout = integer(p.getOrDefault("Timeout", globals.get("Timeout")), 3);
        int memory = integer(p.getOrDefault("MemorySize", globals.get("MemorySize")), 128);
        List<Route> routes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        map(p.get("Events"), id + ".Events").forEach((eventId, value) -> {
            Map<String, Object> event = map(value, eventId);
            Map<String, Object> ep = map(event.get("Properties"), eventId + ".Properties");
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> {
                    String method = Optional.ofNullable(string(ep.get("Method"))).orElse("ANY").toUpperCase(Locale.ROOT);
                    String path = Optional.ofNullable(string(ep.get("Path"))).orElse("/{proxy+}");
                    routes.add(new Route(id, eventId, method.equals("*") ? "ANY" : method, path));
                }
                case "EventBridgeRule", "CloudWatchEvent" -> rules.add(new Rule(id, eventId, json(ep.get("Pattern"), id),
                        ep.get("EventBusName") == null || "default".equals(ep.get("EventBusName"))
                                ? Rule.DEFAULT_BUS : Rule.LOOP_BUS));
                case "Schedule", "ScheduleV2" -> {
                    String expression = string(ep.getOrDefault("Schedule", ep.get("ScheduleExpression")));
                    boolean enabled = !"false".equalsIgnoreCase(String.valueOf(ep.get("Enabled")))
                            && !"DISABLED".equalsIgnoreCase(String.valueOf(ep.get("State")));
                    if (expression != null && enabled) {
                        schedules.add(new Schedule(id, eventId, expression));
                    }
                }
                default -> {
                    // other event sources are not emulated
                }
            }
        });
        return new FunctionSpec(id, handlerClass, handlerMethod, timeout, memory, List.copyOf(routes), List.copyOf(rules),
                List.copyOf(schedules));
    }

    private static String json(Object pattern, String id) {
        if (!(pattern instanceof Map)) {
            throw new IllegalArgumentException(id + ": EventBridgeRule without a literal Pattern");
        }
        try {
            return JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(id + ": pattern is not JSON-able", e);
        }
    }

    /** A mapping with its keys as text (in insertion order). */
    private static Map<String, Object> map(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        throw new IllegalArgumentException(what + " is not a mapping");
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** A literal scalar as text; null for intrinsics and absent values. */
    private static String string(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    private static int integer(Object value, int fallback) {
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
