package loyaltyloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS bill of a year of the loop: counts (measured by the simulation) times list prices (the dated, sourced
 * {@code prices-2026-11.json}). Pure arithmetic, tested by CostModelTest.
 */
public final class CostModel {

    public static final String PRICES = "/prices-2026-11.json";

    /** The list prices the model needs, per unit. */
    public record Prices(String asOf, double lambdaPerRequest, double lambdaPerGbSecond, double dynamoPerWriteUnit,
            double dynamoPerReadUnit, double sesPerEmail, double eventBridgePerCustomEvent,
            double eventBridgePerScheduledInvocation, double httpApiPerRequest, double fixedPerMonth) {

        public static Prices load() {
            try (InputStream in = CostModel.class.getResourceAsStream(PRICES)) {
                if (in == null) {
                    throw new IllegalStateException(PRICES + " is not on the classpath");
                }
                return from(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Prices from(JsonNode p) {
            double fixed = 0;
            for (JsonNode item : p.path("fixedMonthly")) {
                fixed += item.path("perMonth").asDouble() * item.path("count").asDouble(1);
            }
            return new Prices(p.path("asOf").asText(),
                    p.path("lambda").path("requestsPerMillion").asDouble() / 1e6,
                    p.path("lambda").path("arm64PerGbSecond").asDouble(),
                    p.path("dynamodb").path("writeRequestUnitsPerMillion").asDouble() / 1e6,
                    p.path("dynamodb").path("readRequestUnitsPerMillion").asDouble() / 1e6,
                    p.path("ses").path("per1000Emails").asDouble() / 1000,
                    p.path("eventbridge").path("customEventsPerMillion").asDouble() / 1e6,
                    p.path("eventbridge").path("scheduledInvocationsPerMillion").asDouble() / 1e6,
                    p.path("apiGateway").path("httpApiRequestsPerMillion").asDouble() / 1e6,
                    fixed);
        }
    }

    /** One function's year: invocations, the sum of their durations, and the memory it is given. */
    public record FunctionYear(double invocations, double seconds, int memoryMb) {

        public double gbSeconds() {
            return seconds * memoryMb / 1024.0;
        }
    }

    /**
     * The measured year, in counts.
     *
     * @param orders the orders it covers (12,000 for a year at 1,000 a month)
     * @param functions per function (template logical id)
     * @param writeUnits DynamoDB write request units, index writes included
     * @param readUnits DynamoDB read request units
     * @param emails SES emails
     * @param customEvents events put on the custom bus
     * @param scheduledInvocations schedule firings (hourly sweep, daily digest)
     * @param httpRequests HTTP API requests (webhooks, link clicks)
     */
    public record Year(double orders, Map<String, FunctionYear> functions, double writeUnits, double readUnits,
            double emails, double customEvents, double scheduledInvocations, double httpRequests) {
    }

    /** The bill by service, in USD for the year, and per 1,000 orders. */
    public record Bill(Map<String, Double> byService, double total, double fixedPerYear, double orders) {

        public double per1000Orders() {
            return total / orders * 1000;
        }

        /** With the fixed monthly charges (none since the link key moved to SSM) spread over the same orders. */
        public double per1000OrdersAllIn() {
            return (total + fixedPerYear) / orders * 1000;
        }
    }

    private CostModel() {
    }

    /** Each function's share of the Lambda lines (its requests and its GB-s), in USD for the year. */
    public static Map<String, Double> lambdaByFunction(Year year, Prices prices) {
        Map<String, Double> by = new LinkedHashMap<>();
        year.functions().forEach((id, f) -> by.put(id,
                f.invocations() * prices.lambdaPerRequest() + f.gbSeconds() * prices.lambdaPerGbSecond()));
        return by;
    }

    public static Bill bill(Year year, Prices prices) {
        double requests = 0;
        double gbSeconds = 0;
        for (FunctionYear f : year.functions().values()) {
            requests += f.invocations();
            gbSeconds += f.gbSeconds();
        }
        Map<String, Double> by = new LinkedHashMap<>();
        by.put("Lambda requests", requests * prices.lambdaPerRequest());
        by.put("Lambda duration (arm64 GB-s)", gbSeconds * prices.lambdaPerGbSecond());
        by.put("DynamoDB writes", year.writeUnits() * prices.dynamoPerWriteUnit());
        by.put("DynamoDB reads", year.readUnits() * prices.dynamoPerReadUnit());
        by.put("SES emails", year.emails() * prices.sesPerEmail());
        by.put("EventBridge custom events", year.customEvents() * prices.eventBridgePerCustomEvent());
        by.put("EventBridge schedules", year.scheduledInvocations() * prices.eventBridgePerScheduledInvocation());
        by.put("HTTP API requests", year.httpRequests() * prices.httpApiPerRequest());
        double total = by.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Bill(by, total, prices.fixedPerMonth() * 12, year.orders());
    }
}
