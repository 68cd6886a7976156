package loyaltyloop.bench.twins;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.IntakeResponses;
import loyaltyloop.intake.IntakeResult;
import loyaltyloop.intake.OrderIntake;
import loyaltyloop.intake.WebhookDelivery;
import loyaltyloop.shops.Platform;

/** {@code loyaltyloop.intake.OrderIntakeHandler} wired by hand (the cold-start benchmark's floor). */
public final class HandWiredOrderIntakeHandler extends HandWiredHttpHandler {

    private final OrderIntake intake;
    private final String publicBaseUrl;

    public HandWiredOrderIntakeHandler() {
        this(System.getenv());
    }

    public HandWiredOrderIntakeHandler(Map<String, String> env) {
        super(env);
        intake = new OrderIntake(wiring.shops(), wiring.secrets(), wiring.orders(), wiring.accounts(), wiring.events(),
                wiring.clock(), wiring.metrics());
        publicBaseUrl = wiring.env("LOYALTY_PUBLIC_BASE_URL", "");
    }

    @Override
    APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        String path = request.path();
        Platform platform = path == null ? null : path.endsWith("/webhooks/shopify") ? Platform.SHOPIFY
                : path.endsWith("/webhooks/woocommerce") ? Platform.WOOCOMMERCE : null;
        if (platform == null) {
            return HttpResponses.error(404, "not found");
        }
        byte[] body = request.body(OrderIntake.MAX_BODY_BYTES);
        if (body == null) {
            return IntakeResponses.response(IntakeResult.tooLarge());
        }
        boolean shopify = platform == Platform.SHOPIFY;
        WebhookDelivery delivery = new WebhookDelivery(platform,
                request.header(shopify ? "X-Shopify-Shop-Domain" : "X-WC-Webhook-Source"),
                request.header(shopify ? "X-Shopify-Topic" : "X-WC-Webhook-Topic"),
                request.header(shopify ? "X-Shopify-Webhook-Id" : "X-WC-Webhook-Delivery-ID"),
                request.header(shopify ? "X-Shopify-Hmac-Sha256" : "X-WC-Webhook-Signature"),
                body,
                request.header("Content-Type"),
                publicBaseUrl.isBlank() ? request.baseUrl() : publicBaseUrl);
        return IntakeResponses.response(intake.receive(delivery));
    }

    @Override
    Duration budget() {
        return HandWiring.duration(wiring.env("LOYALTY_INTAKE_BUDGET", "3s"));
    }

    @Override
    APIGatewayV2HTTPResponse unavailable() {
        return HttpResponses.withRetryAfter(HttpResponses.error(503, "temporarily unavailable, try again"), "5");
    }

    @Override
    APIGatewayV2HTTPResponse failed() {
        return HttpResponses.error(500, "internal error");
    }
}
