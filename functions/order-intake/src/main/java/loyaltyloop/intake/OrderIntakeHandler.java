package loyaltyloop.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import java.time.Duration;
import loyaltyloop.http.HttpApiRequest;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.http.HttpResponses;
import loyaltyloop.http.IntakeResponses;
import loyaltyloop.intake.IntakeResult;
import loyaltyloop.intake.OrderIntake;
import loyaltyloop.intake.WebhookDelivery;
import loyaltyloop.shops.Platform;

/** {@code POST /webhooks/shopify} and {@code POST /webhooks/woocommerce}: one call into {@link OrderIntake}. */
public class OrderIntakeHandler extends HttpRequestHandler {

    static final Duration BUDGET = Duration.ofSeconds(3);

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
    protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
        Platform platform = platform(request.path());
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
                linkBaseUrl(request));
        return IntakeResponses.response(intake.receive(delivery));
    }

    /**
     * A shop waits 5 s for an answer (Shopify; WooCommerce more), then counts the delivery failed and retries it:
     * answered within {@code loyalty.intake.budget} (default 3 s) however slow AWS is, with a 503 when AWS did not
     * answer in time. Set below 4 s: the last AWS call may overrun it by the time it takes to give up.
     */
    @Override
    protected Duration budget() {
        return getApplicationContext().getProperty("loyalty.intake.budget", Duration.class).orElse(BUDGET);
    }

    @Override
    protected APIGatewayV2HTTPResponse unavailable() {
        return HttpResponses.withRetryAfter(HttpResponses.error(503, "temporarily unavailable, try again"), "5");
    }

    /** Our failure, not the shop's: a 500 makes the shop retry. The body never says why. */
    @Override
    protected APIGatewayV2HTTPResponse failed() {
        return HttpResponses.error(500, "internal error");
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
    private String linkBaseUrl(HttpApiRequest request) {
        return publicBaseUrl != null && !publicBaseUrl.isBlank() ? publicBaseUrl : request.baseUrl();
    }
}
