package loyaltyloop.intake;

import static loyaltyloop.intake.WebhookEvents.JSON;
import static loyaltyloop.intake.WebhookEvents.SHOPIFY_SECRET;
import static loyaltyloop.intake.WebhookEvents.load;
import static loyaltyloop.intake.WebhookEvents.sampleBody;
import static loyaltyloop.intake.WebhookEvents.shopify;
import static loyaltyloop.intake.WebhookEvents.withField;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shopify's compliance topics with the documented payloads of {@code events/}: verified like every delivery,
 * answered 200 once the request is on the bus for the privacy function, once per delivery.
 */
@MotoTest
class ComplianceWebhooksTest {

    private ApplicationContext context;
    private OrderIntakeHandler handler;
    private TestAws.EventTap bus;

    @BeforeEach
    void setUp() {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(), Map.of());
        handler = new OrderIntakeHandler(context);
        TestShops.shopify(context, SHOPIFY_SECRET);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode busSample(String file) throws Exception {
        return JSON.readTree(Files.readString(Path.of("../../events", file)));
    }

    private static String status(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody()).path("status").asText();
    }

    @Test
    void eachSampleTopicPutsItsRequestOnTheBusOnceAsTheBusSampleShowsIt() throws Exception {
        Map<String, String> samples = Map.of(
                "shopify-customers-data-request.json", "customer-data-requested.json",
                "shopify-customers-redact.json", "customer-redact-requested.json",
                "shopify-shop-redact.json", "shop-redact-requested.json");
        for (Map.Entry<String, String> sample : samples.entrySet()) {
            APIGatewayV2HTTPResponse response = handle(load(sample.getKey()));
            assertThat(response.getStatusCode()).as(sample.getKey()).isEqualTo(200);
            assertThat(status(response)).isEqualTo("accepted");
            // Shopify's retry of the same delivery: answered, nothing published again.
            APIGatewayV2HTTPResponse again = handle(load(sample.getKey()));
            assertThat(again.getStatusCode()).isEqualTo(200);
            assertThat(status(again)).isEqualTo("duplicate");

            List<JsonNode> events = bus.drain();
            JsonNode expected = busSample(sample.getValue());
            assertThat(events).as(sample.getKey()).singleElement().satisfies(e -> {
                assertThat(e.path("source").asText()).isEqualTo(expected.path("source").asText());
                assertThat(e.path("detail-type").asText()).isEqualTo(expected.path("detail-type").asText());
                assertThat(e.path("detail")).isEqualTo(expected.path("detail"));
            });
        }
    }

    @Test
    void aWrongSignatureIsRefusedLikeAnyDelivery() throws Exception {
        APIGatewayV2HTTPEvent event = load("shopify-customers-redact.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-shopify-hmac-sha256", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        event.setHeaders(headers);

        assertThat(handle(event).getStatusCode()).isEqualTo(401);
        assertThat(handle(shopify("customers/redact", sampleBody("shopify-customers-redact.json"),
                "w-1", "another-secret")).getStatusCode()).isEqualTo(401);
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void requestsThatNameNoOneOrAnotherShopAreRecordedAsIgnored() throws Exception {
        String redact = sampleBody("shopify-customers-redact.json");
        String dataRequest = sampleBody("shopify-customers-data-request.json");
        List<String> refused = List.of(
                withField(redact, "shop_domain", "someone-else.myshopify.com"),
                withField(withField(redact, "customer", Map.of("id", 1)), "orders_to_redact", List.of()),
                withField(dataRequest, "data_request", Map.of()),
                "{\"shop_id\":954889}");
        for (String body : refused) {
            String topic = body.contains("data_request") ? "customers/data_request" : "customers/redact";
            APIGatewayV2HTTPResponse response = handle(shopify(topic, body));
            assertThat(response.getStatusCode()).as(body).isEqualTo(200);
            assertThat(status(response)).as(body).isEqualTo("ignored");
        }
        assertThat(handle(shopify("customers/redact", "not json")).getStatusCode()).isEqualTo(400);
        assertThat(bus.drain()).isEmpty();
    }

    @Test
    void aRedactWithoutAnAddressStillReachesThePrivacyFunctionByItsOrders() throws Exception {
        String body = withField(sampleBody("shopify-customers-redact.json"), "customer", Map.of("id", 207119551));

        assertThat(status(handle(shopify("customers/redact", body)))).isEqualTo("accepted");

        assertThat(bus.drain()).singleElement().satisfies(e -> {
            assertThat(e.path("detail").path("email").isNull()).isTrue();
            assertThat(e.path("detail").path("orders").toString())
                    .isEqualTo("[\"820982911946154508\",\"820982911946159999\"]");
        });
    }
}
