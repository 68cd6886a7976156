package loyaltyloop.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import loyaltyloop.intake.WebhookSignature;

/** The real-shaped sample events from {@code events/}, and variants of them signed like a shop would. */
final class WebhookEvents {

    static final String SHOPIFY_SECRET = "sample-shopify-secret";
    static final String WOO_SECRET = "sample-woo-secret";
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WebhookEvents() {
    }

    static APIGatewayV2HTTPEvent load(String file) {
        try {
            return JSON.readValue(Files.readString(Path.of("../../events", file)), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read events/" + file, e);
        }
    }

    static String sampleBody(String file) {
        return load(file).getBody();
    }

    /** The sample body with one field changed, e.g. another order id. */
    static String withField(String body, String field, Object value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(body);
            node.set(field, JSON.valueToTree(value));
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static APIGatewayV2HTTPEvent shopify(String topic, String body, String webhookId, String secret) {
        APIGatewayV2HTTPEvent event = load("shopify-orders-create.json");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-shopify-topic", topic);
        headers.put("x-shopify-webhook-id", webhookId);
        headers.put("x-shopify-hmac-sha256", WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }

    static APIGatewayV2HTTPEvent shopify(String topic, String body) {
        return shopify(topic, body, UUID.randomUUID().toString(), SHOPIFY_SECRET);
    }
}
