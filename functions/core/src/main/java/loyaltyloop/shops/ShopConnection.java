package loyaltyloop.shops;

import java.time.Instant;

/**
 * How a shop is connected to the loop, beside its webhook secret.
 *
 * @param appClientId the client id of the shop's own Shopify app made in the Dev Dashboard; null for a shop
 *     connected through admin-made notification webhooks (or WooCommerce)
 * @param appClientSecretRef the SSM SecureString holding that app's client secret, which both signs the app's
 *     webhooks and buys its Admin API tokens (client credentials grant); never the secret itself
 * @param uninstalledAt when Shopify said the app was uninstalled ({@code app/uninstalled}); null while installed
 */
public record ShopConnection(String appClientId, String appClientSecretRef, Instant uninstalledAt) {

    /** Connected by its webhook secret alone (and, for coupons, a static API token). */
    public static final ShopConnection WEBHOOK_SECRET = new ShopConnection(null, null, null);

    /** Connected as a Dev Dashboard app: the client secret verifies its deliveries and buys its tokens. */
    public boolean isApp() {
        return appClientId != null && !appClientId.isBlank() && appClientSecretRef != null
                && !appClientSecretRef.isBlank();
    }

    public ShopConnection uninstalled(Instant at) {
        return new ShopConnection(appClientId, appClientSecretRef, at);
    }
}
