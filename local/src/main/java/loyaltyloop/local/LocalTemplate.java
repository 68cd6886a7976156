package loyaltyloop.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the runner needs from template.yaml: the tables and the functions with their triggers. */
record LocalTemplate(Path source, List<TableSpec> tables, List<FunctionSpec> functions) {

    /** An {@code AWS::DynamoDB::Table}; the local table name is its logical id. */
    record TableSpec(
            String logicalId,
            List<Attribute> attributes,
            List<Key> keySchema,
            List<Index> globalSecondaryIndexes,
            String ttlAttribute) {
    }

    record Attribute(String name, String type) {
    }

    record Key(String name, String type) {
    }

    record Index(String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {
    }

    /** An {@code AWS::Serverless::Function}: {@code handlerClass::handlerMethod} and its events. */
    record FunctionSpec(
            String logicalId,
            String handlerClass,
            String handlerMethod,
            int timeoutSeconds,
            int memoryMb,
            List<Route> routes,
            List<Rule> rules,
            List<Schedule> schedules) {
    }

    /** An {@code HttpApi} event: method ({@code ANY} matches every method) and path template. */
    record Route(String functionId, String eventId, String method, String path) {
        String routeKey() {
            return method + " " + path;
        }
    }

    /**
     * An {@code EventBridgeRule} event; the pattern as JSON. {@code bus} is {@link #DEFAULT_BUS} for a rule without
     * {@code EventBusName} (the account's default bus, where AWS services such as SES publish) and {@link #LOOP_BUS}
     * for the template's own bus.
     */
    record Rule(String functionId, String eventId, String patternJson, String bus) {
        static final String DEFAULT_BUS = "default";
        static final String LOOP_BUS = "loop";

        /** A rule on the loop's own bus. */
        Rule(String functionId, String eventId, String patternJson) {
            this(functionId, eventId, patternJson, LOOP_BUS);
        }

        String name() {
            return functionId + "." + eventId;
        }
    }

    /** A {@code Schedule}/{@code ScheduleV2} event: {@code rate(...)} or {@code cron(...)}. */
    record Schedule(String functionId, String eventId, String expression) {
    }

    List<Route> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    List<Rule> rules() {
        return functions.stream().flatMap(f -> f.rules().stream()).toList();
    }

    List<Schedule> schedules() {
        return functions.stream().flatMap(f -> f.schedules().stream()).toList();
    }

    Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }
}
