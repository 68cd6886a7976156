package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.affirmation.AffirmationHandler;
import loyaltyloop.followup.FollowUpSchedulingHandler;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.orders.WebhookSignature;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;

/**
 * Write and read capacity of one typical first order through the real handlers on the moto server, counted by
 * {@link CapacityCountingDynamoDbClient} (the flow of local/'s WriteCapacityTest): intake, affirmation, follow-up
 * scheduling, then the same delivery again and the order's {@code orders/paid} delivery.
 */
final class CapacityBench {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SECRET = "sample-shopify-secret";
    private static final String JANE = "jane.doe@example.com";

    private CapacityBench() {
    }

    static Map<String, Object> run(Path repo) throws Exception {
        TestAws.EventTap bus = TestAws.tapBus();
        try (ApplicationContext context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.test.count-capacity", "true"))) {
            TestShops.shopify(context, SECRET);
            CapacityCountingDynamoDbClient counter = context.getBean(CapacityCounting.class).counter();
            OrderIntakeHandler intake = new OrderIntakeHandler(context);
            AffirmationHandler affirmation = new AffirmationHandler(context);
            FollowUpSchedulingHandler scheduling = new FollowUpSchedulingHandler(context);
            APIGatewayV2HTTPEvent delivery = JSON.readValue(repo.resolve("events/shopify-orders-create.json").toFile(),
                    APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPEvent paid = JSON.readValue(repo.resolve("events/shopify-orders-paid.json").toFile(),
                    APIGatewayV2HTTPEvent.class);

            // A typical first order joins a shop whose other customers mostly spent more (not a "big first order").
            for (int i = 0; i < 19; i++) {
                ObjectNode body = (ObjectNode) JSON.readTree(delivery.getBody());
                body.put("id", 100_000 + i);
                body.put("email", "regular" + i + "@example.com");
                body.put("total_price", (200 + i) + ".00");
                String raw = JSON.writeValueAsString(body);
                APIGatewayV2HTTPEvent seed = JSON.readValue(JSON.writeValueAsString(delivery), APIGatewayV2HTTPEvent.class);
                seed.setBody(raw);
                Map<String, String> headers = new HashMap<>(seed.getHeaders());
                headers.put("x-shopify-webhook-id", "seed-" + i);
                headers.put("x-shopify-hmac-sha256", WebhookSignature.sign(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
                seed.setHeaders(headers);
                require(intake.handleRequest(seed, null).getStatusCode() == 200, "seed order refused");
            }
            for (JsonNode event : bus.drain()) {
                scheduling.handleRequest(map(event), null);
            }

            Map<String, Object> out = new LinkedHashMap<>();
            counter.reset();
            require(intake.handleRequest(delivery, null).getStatusCode() == 200, "sample order refused");
            Step intakeStep = Step.of(counter);
            List<JsonNode> events = bus.drain();
            require(events.size() == 1, "expected one OrderPlaced, got " + events.size());
            counter.reset();
            require("SENT".equals(affirmation.handleRequest(map(events.get(0)), null)), "no thank-you sent");
            Step affirmationStep = Step.of(counter);
            counter.reset();
            String scheduled = scheduling.handleRequest(map(events.get(0)), null);
            Step schedulingStep = Step.of(counter);

            int emailsBefore = TestAws.sentEmailsTo(JANE).size();
            counter.reset();
            require(intake.handleRequest(delivery, null).getStatusCode() == 200, "repeated delivery refused");
            List<JsonNode> duplicateEvents = bus.drain();
            for (JsonNode event : duplicateEvents) {
                affirmation.handleRequest(map(event), null);
            }
            Step duplicateStep = Step.of(counter);
            int duplicateEmails = TestAws.sentEmailsTo(JANE).size() - emailsBefore;

            counter.reset();
            require(intake.handleRequest(paid, null).getStatusCode() == 200, "orders/paid refused");
            List<JsonNode> paidEvents = bus.drain();
            Step paidStep = Step.of(counter);

            out.put("wcuPerFirstOrder", intakeStep.wcu + affirmationStep.wcu);
            out.put("wcuPerDuplicate", duplicateStep.wcu);
            out.put("emailsPerDuplicate", duplicateEmails);
            out.put("eventsPerDuplicate", duplicateEvents.size());
            out.put("wcuPerOrderWholeLoop", intakeStep.wcu + affirmationStep.wcu + schedulingStep.wcu);
            out.put("rcuPerOrderWholeLoop", intakeStep.rcu + affirmationStep.rcu + schedulingStep.rcu);
            out.put("schedulingOutcome", scheduled);
            Map<String, Object> steps = new LinkedHashMap<>();
            steps.put("intake", intakeStep.map());
            steps.put("affirmation", affirmationStep.map());
            steps.put("followUpScheduling", schedulingStep.map());
            steps.put("repeatedDelivery", duplicateStep.map());
            Map<String, Object> paidMap = paidStep.map();
            paidMap.put("events", paidEvents.size());
            steps.put("ordersPaidDelivery", paidMap);
            out.put("steps", steps);
            System.out.println("capacity: intake\n" + intakeStep.describe + "affirmation\n" + affirmationStep.describe
                    + "follow-up scheduling\n" + schedulingStep.describe + "repeated delivery\n" + duplicateStep.describe
                    + "orders/paid delivery\n" + paidStep.describe);
            return out;
        }
    }

    private record Step(double wcu, double rcu, String describe) {
        static Step of(CapacityCountingDynamoDbClient counter) {
            return new Step(counter.wcu(), counter.rcu(), counter.describe());
        }

        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wcu", wcu);
            m.put("rcu", rcu);
            return m;
        }
    }

    private static Map<String, Object> map(JsonNode event) {
        return JSON.convertValue(event, new TypeReference<Map<String, Object>>() { });
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
