package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loyaltyloop.affirmation.AffirmationHandler;
import loyaltyloop.followup.FollowUpSchedulingHandler;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the write capacity of one order through the real intake and affirmation handlers, counted from item sizes
 * with DynamoDB's rounding rules (docs/performance.md quotes these figures). Capacity does not depend on the
 * machine, so unlike timings it may be a test.
 */
class WriteCapacityTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static ApplicationContext context;
    private static TestAws.EventTap bus;
    private static CapacityCountingDynamoDbClient counter;

    @BeforeAll
    static void start() {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.test.count-capacity", "true"));
        TestShops.shopify(context, "sample-shopify-secret");
        counter = context.getBean(CapacityCounting.class).counter();
    }

    /**
     * A typical first order joins a shop that already has customers, most of whom spent more: then it is not a
     * "big first order" and costs no digest note (the big ones cost one write more, see docs/performance.md).
     */
    private static void seedBiggerCustomers(OrderIntakeHandler intake, APIGatewayV2HTTPEvent sample, int count)
            throws Exception {
        FollowUpSchedulingHandler scheduling = new FollowUpSchedulingHandler(context);
        for (int i = 0; i < count; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode body =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sample.getBody());
            body.put("id", 100_000 + i);
            body.put("email", "regular" + i + "@example.com");
            body.put("total_price", (200 + i) + ".00");
            String raw = JSON.writeValueAsString(body);
            APIGatewayV2HTTPEvent delivery = JSON.readValue(JSON.writeValueAsString(sample), APIGatewayV2HTTPEvent.class);
            delivery.setBody(raw);
            Map<String, String> headers = new java.util.HashMap<>(delivery.getHeaders());
            headers.put("x-shopify-webhook-id", "seed-" + i);
            headers.put("x-shopify-hmac-sha256", loyaltyloop.orders.WebhookSignature.sign("sample-shopify-secret",
                    raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            delivery.setHeaders(headers);
            assertThat(intake.handleRequest(delivery, null).getStatusCode()).isEqualTo(200);
        }
        for (JsonNode event : bus.drain()) {
            scheduling.handleRequest(JSON.convertValue(event, new TypeReference<Map<String, Object>>() { }), null);
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void firstOrderCostsAtMostSixWriteUnitsThroughIntakeAndThanksEightThroughTheLoopAndItsDuplicateNone()
            throws Exception {
        OrderIntakeHandler intake = new OrderIntakeHandler(context);
        AffirmationHandler affirmation = new AffirmationHandler(context);
        APIGatewayV2HTTPEvent delivery = JSON.readValue(Files.readString(Path.of("../events/shopify-orders-create.json")),
                APIGatewayV2HTTPEvent.class);
        seedBiggerCustomers(intake, delivery, 19);

        counter.reset();
        assertThat(intake.handleRequest(delivery, null).getStatusCode()).isEqualTo(200);
        double intakeWcu = counter.wcu();
        String intakeBreakdown = counter.describe();
        List<JsonNode> events = bus.drain();
        assertThat(events).hasSize(1);
        counter.reset();
        assertThat(affirmation.handleRequest(JSON.convertValue(events.get(0), new TypeReference<Map<String, Object>>() { }),
                null)).isEqualTo("SENT");
        double affirmationWcu = counter.wcu();
        String affirmationBreakdown = counter.describe();
        counter.reset();
        assertThat(new FollowUpSchedulingHandler(context).handleRequest(
                JSON.convertValue(events.get(0), new TypeReference<Map<String, Object>>() { }), null)).isEqualTo("SCHEDULED");
        double schedulingWcu = counter.wcu();
        String schedulingBreakdown = counter.describe();

        counter.reset();
        intake.handleRequest(delivery, null);
        double duplicateWcu = counter.wcu();
        List<JsonNode> duplicateEvents = bus.drain();

        System.out.printf("%nwrite capacity, first order: intake %.1f + affirmation %.1f = %.1f WCU; duplicate delivery %.1f WCU, %d events%n",
                intakeWcu, affirmationWcu, intakeWcu + affirmationWcu, duplicateWcu, duplicateEvents.size());
        System.out.printf("whole loop so far (+ follow-up scheduling %.1f): %.1f WCU%n", schedulingWcu,
                intakeWcu + affirmationWcu + schedulingWcu);
        System.out.println("intake:\n" + intakeBreakdown + "\naffirmation:\n" + affirmationBreakdown
                + "\nfollow-up scheduling:\n" + schedulingBreakdown);
        assertThat(intakeWcu + affirmationWcu).isLessThanOrEqualTo(6.0);
        assertThat(intakeWcu + affirmationWcu + schedulingWcu).isLessThanOrEqualTo(8.0);
        assertThat(duplicateWcu).isLessThanOrEqualTo(1.0);
        assertThat(duplicateEvents).isEmpty();
    }
}
