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

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void firstOrderCostsAtMostSixWriteUnitsAndItsDuplicateAtMostOne() throws Exception {
        OrderIntakeHandler intake = new OrderIntakeHandler(context);
        AffirmationHandler affirmation = new AffirmationHandler(context);
        APIGatewayV2HTTPEvent delivery = JSON.readValue(Files.readString(Path.of("../events/shopify-orders-create.json")),
                APIGatewayV2HTTPEvent.class);

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
        intake.handleRequest(delivery, null);
        double duplicateWcu = counter.wcu();
        List<JsonNode> duplicateEvents = bus.drain();

        System.out.printf("%nwrite capacity, first order: intake %.1f + affirmation %.1f = %.1f WCU; duplicate delivery %.1f WCU, %d events%n",
                intakeWcu, affirmationWcu, intakeWcu + affirmationWcu, duplicateWcu, duplicateEvents.size());
        System.out.println("intake:\n" + intakeBreakdown + "\naffirmation:\n" + affirmationBreakdown);
        assertThat(intakeWcu + affirmationWcu).isLessThanOrEqualTo(6.0);
        assertThat(duplicateWcu).isLessThanOrEqualTo(1.0);
        assertThat(duplicateEvents).isEmpty();
    }
}
