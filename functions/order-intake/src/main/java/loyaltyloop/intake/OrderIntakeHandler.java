package loyaltyloop.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import jakarta.inject.Inject;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.orders.IntakeResult;
import loyaltyloop.orders.OrderIntake;
import loyaltyloop.json.Json;
import loyaltyloop.orders.WebhookDelivery;
import loyaltyloop.shops.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /webhooks/shopify} and {@code POST /webhooks/woocommerce}: one call into {@link OrderIntake}. */
public class OrderIntakeHandler extends LoyaltyRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderIntakeHandler.class);

    @Inject
    OrderIntake intake;

    @Value("${loyalty.public-base-url:}")
    String publicBaseUrl;

    public OrderIntakeHandler() {
    }

    public OrderIntakeHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        try {
            Platform platform = platform(event.getRawPath());
            if (platform == null) {
                return HttpResponses.error(404, "not found");
            }
            byte[] body = HttpResponses.body(event, OrderIntake.MAX_BODY_BYTES);
            if (body == null) {
                return respond(IntakeResult.tooLarge());
            }
            boolean shopify = platform == Platform.SHOPIFY;
            WebhookDelivery delivery = new WebhookDelivery(platform,
                    HttpResponses.header(event, shopify ? "X-Shopify-Shop-Domain" : "X-WC-Webhook-Source"),
                    HttpResponses.header(event, shopify ? "X-Shopify-Topic" : "X-WC-Webhook-Topic"),
                    HttpResponses.header(event, shopify ? "X-Shopify-Webhook-Id" : "X-WC-Webhook-Delivery-ID"),
                    HttpResponses.header(event, shopify ? "X-Shopify-Hmac-Sha256" : "X-WC-Webhook-Signature"),
                    body,
                    HttpResponses.header(event, "Content-Type"),
                    linkBaseUrl(event));
            return respond(intake.receive(delivery));
        } catch (RuntimeException e) {
            // Our failure, not the shop's: a 500 makes the shop retry. The body never says why.
            LOG.error("webhook intake failed", e);
            return HttpResponses.error(500, "internal error");
        }
    }

    private static APIGatewayV2HTTPResponse respond(IntakeResult result) {
        if (result.status() >= 400) {
            return HttpResponses.error(result.status(), result.reason());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", result.outcome());
        if (result.reason() != null) {
            body.put("reason", result.reason());
        }
        return HttpResponses.json(result.status(), body);
    }

    private static Platform platform(String path) {
        if (path == null) {
            return null;
        }
        if (path.endsWith("/webhooks/shopify")) {
            return Platform.SHOPIFY;
        }
        if (path.endsWith("/webhooks/woocommerce")) {
            return Platform.WOOCOMMERCE;
        }
        return null;
    }

    /** Links in emails point at the configured public URL, else at the API the shop called. */
    private String linkBaseUrl(APIGatewayV2HTTPEvent event) {
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            return publicBaseUrl;
        }
        var context = event.getRequestContext();
        String domain = context == null ? null : context.getDomainName();
        String stage = context == null ? null : context.getStage();
        String prefix = stage == null || stage.isBlank() || "$default".equals(stage) ? "" : "/" + stage;
        return "https://" + domain + prefix;
    }
}
