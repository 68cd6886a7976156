package loyaltyloop.intake;

import loyaltyloop.shops.Platform;

/**
 * One webhook call as received, before anything is trusted.
 *
 * @param shopSource {@code X-Shopify-Shop-Domain} or {@code X-WC-Webhook-Source}
 * @param deliveryId {@code X-Shopify-Webhook-Id} or {@code X-WC-Webhook-Delivery-ID}; may be null
 * @param body the raw body bytes, exactly as signed
 * @param linkBaseUrl where the links in emails about this order point
 */
public record WebhookDelivery(Platform platform, String shopSource, String topic, String deliveryId,
        String signature, byte[] body, String contentType, String linkBaseUrl) {
}
