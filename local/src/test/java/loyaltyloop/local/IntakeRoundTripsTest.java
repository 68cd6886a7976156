package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.intake.WebhookSignature;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the AWS round trips on the webhook's path, one after the other, through the real intake handler: what the
 * shop waits for besides our own code, whatever the machine (docs/performance.md, {@code awsCallsPerIntake}). Every
 * SDK call is listed, a DynamoDB call by its operation and the kind of item (the keys' prefixes). The container is warm, as for nearly every delivery: the shop's item (kept a minute) and its
 * webhook secret (five minutes) were read by an earlier delivery.
 */
@MotoTest
class IntakeRoundTripsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SECRET = "sample-shopify-secret";

    private static String table;
    private static String linkKey;
    private static TestAws.EventTap bus;
    private static ApplicationContext context;
    private static OrderIntakeHandler intake;

    @BeforeAll
    static void start() throws Exception {
        table = TestAws.createTable();
        linkKey = TestAws.createLinkKey();
        bus = TestAws.tapBus();
        context = TestAws.context(table, bus.bus(), linkKey, Map.of());
        TestShops.shopify(context, SECRET);
        intake = new OrderIntakeHandler(context);
        assertThat(intake.handleRequest(order(100_001, "regular@example.com", "seed-1"), null).getStatusCode())
                .isEqualTo(200);
        bus.drain();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aFirstOrderOfANewCustomerMakesSixRoundTrips() throws Exception {
        List<String> calls = roundTrips(sample("shopify-orders-create.json"));

        // The order's conditional write (also what tells a repeat apart), the customer read, their new referral
        // code, the customer write, the event, the delivery record that proves it went out: issue 18's bar is 6.
        assertThat(calls).containsExactly("PutItem ORDER/ORDER", "GetItem CUSTOMER/PROFILE", "PutItem REFCODE/REFCODE",
                "PutItem CUSTOMER/PROFILE", "EventBridge.PutEvents", "PutItem DELIVERY/DELIVERY");
    }

    @Test
    void aRepeatCustomersOrderMakesFiveAndARepeatedDeliveryTwoThatWriteNothingNew() throws Exception {
        List<String> order = roundTrips(order(100_002, "regular@example.com", "repeat-order"));
        List<String> again = roundTrips(order(100_002, "regular@example.com", "repeat-order"));

        assertThat(order).containsExactly("PutItem ORDER/ORDER", "GetItem CUSTOMER/PROFILE", "PutItem CUSTOMER/PROFILE",
                "EventBridge.PutEvents", "PutItem DELIVERY/DELIVERY");
        // The order's write, refused, hands back the stored order; its delivery record says the event is out.
        assertThat(again).containsExactly("PutItem ORDER/ORDER (condition failed)", "GetItem DELIVERY/DELIVERY");
    }

    @Test
    void aLaterDeliveryOfAnOrderReadsNoOrderAndPublishesNothing() throws Exception {
        roundTrips(order(100_003, "later@example.com", "later-create"));

        List<String> paid = roundTrips(order(100_003, "later@example.com", "later-paid"));

        assertThat(paid).containsExactly("PutItem ORDER/ORDER (condition failed)", "GetItem DELIVERY/DELIVERY",
                "GetItem DELIVERY/DELIVERY", "PutItem DELIVERY/DELIVERY");
    }

    @Test
    void aColdContainerReadsTheShopOnceAndAnUnknownShopCostsOneRead() throws Exception {
        try (ApplicationContext cold = TestAws.context(table, bus.bus(), linkKey, Map.of())) {
            OrderIntakeHandler coldIntake = new OrderIntakeHandler(cold);
            APIGatewayV2HTTPEvent stranger = order(100_006, "x@example.com", "cold-3");
            stranger.getHeaders().put("x-shopify-shop-domain", "unknown.myshopify.com");

            List<String> first = roundTrips(coldIntake, order(100_004, "cold@example.com", "cold-1"), 200);
            List<String> second = roundTrips(coldIntake, order(100_005, "cold@example.com", "cold-2"), 200);
            List<String> unknown = roundTrips(coldIntake, stranger, 401);

            // The webhook secret is read from SSM without the SDK (not listed): once per five minutes per container.
            assertThat(first.get(0)).isEqualTo("GetItem SHOP/SHOP");
            assertThat(first.subList(1, first.size())).noneMatch(c -> c.contains("SHOP"));
            assertThat(second).noneMatch(c -> c.contains("SHOP"));
            assertThat(unknown).containsExactly("GetItem SHOP/SHOP");
        }
    }

    /** The round trips of one delivery, in order, as {@link AwsCallRecorder} names them. */
    private static List<String> roundTrips(APIGatewayV2HTTPEvent delivery) {
        return roundTrips(intake, delivery, 200);
    }

    private static List<String> roundTrips(OrderIntakeHandler handler, APIGatewayV2HTTPEvent delivery, int status) {
        int[] answered = new int[1];
        List<String> calls = AwsCallRecorder.record(
                () -> answered[0] = handler.handleRequest(delivery, null).getStatusCode());
        assertThat(answered[0]).isEqualTo(status);
        bus.drain();
        System.out.println("intake round trips: " + calls);
        return calls;
    }

    private static APIGatewayV2HTTPEvent sample(String file) throws Exception {
        return JSON.readValue(Files.readString(Path.of("../events/" + file)), APIGatewayV2HTTPEvent.class);
    }

    /** The sample order as another order of {@code email}, delivered with its own webhook id. */
    private static APIGatewayV2HTTPEvent order(long id, String email, String webhookId) throws Exception {
        APIGatewayV2HTTPEvent delivery = sample("shopify-orders-create.json");
        ObjectNode body = (ObjectNode) JSON.readTree(delivery.getBody());
        body.put("id", id);
        body.put("email", email);
        String raw = JSON.writeValueAsString(body);
        delivery.setBody(raw);
        Map<String, String> headers = new HashMap<>(delivery.getHeaders());
        headers.put("x-shopify-webhook-id", webhookId);
        headers.put("x-shopify-hmac-sha256", WebhookSignature.sign(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
        delivery.setHeaders(headers);
        return delivery;
    }
}
