package loyaltyloop.shops;

import java.util.Map;

/**
 * A shop that runs the loop. Holds only a <em>reference</em> to its webhook secret (an SSM SecureString or
 * parameter name); the secret itself never touches the table.
 *
 * @param consentMode who may receive marketing email; defaults by platform
 * @param productTips the owner's tip per product id, shown in follow-ups ("how to get the most from it")
 * @param settings survey, coupon and referral settings; defaults where the owner set none
 * @param connection how the shop is connected (a Dev Dashboard app or admin-made webhooks) and whether it is still
 *     installed
 */
public record Shop(
        String domain,
        Platform platform,
        String storefrontUrl,
        String senderAddress,
        String senderName,
        String ownerEmail,
        String defaultLocale,
        String currency,
        String webhookSecretRef,
        ConsentMode consentMode,
        Map<String, String> productTips,
        LoyaltySettings settings,
        ShopConnection connection) {

    public Shop {
        consentMode = consentMode == null ? ConsentMode.defaultFor(platform) : consentMode;
        productTips = productTips == null ? Map.of() : Map.copyOf(productTips);
        settings = settings == null ? LoyaltySettings.DEFAULTS : settings;
        connection = connection == null ? ShopConnection.WEBHOOK_SECRET : connection;
    }

    /** A shop connected by its webhook secret. */
    public Shop(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
            String ownerEmail, String defaultLocale, String currency, String webhookSecretRef,
            ConsentMode consentMode, Map<String, String> productTips, LoyaltySettings settings) {
        this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale, currency,
                webhookSecretRef, consentMode, productTips, settings, null);
    }

    /**
     * The secret whose HMAC signs this shop's webhooks: a Dev Dashboard app's client secret, else the shop's own
     * webhook secret (admin-made notification webhooks, WooCommerce).
     */
    public String signingSecretRef() {
        return connection.isApp() ? connection.appClientSecretRef() : webhookSecretRef;
    }

    /**
     * Whether any email may go out for this shop. Once its app is uninstalled nothing is sent, to customers or to
     * the owner, whatever the kind; its data stays until {@code shop/redact}. Every email path loads its shop
     * through {@link ShopStore#findForMail} / {@link ShopStore#allForMail}, which apply this.
     */
    public boolean mailAllowed() {
        return connection.uninstalledAt() == null;
    }

    public Shop withConnection(ShopConnection newConnection) {
        return new Shop(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale,
                currency, webhookSecretRef, consentMode, productTips, settings, newConnection);
    }

    /** A shop with default loop settings. */
    public Shop(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
            String ownerEmail, String defaultLocale, String currency, String webhookSecretRef,
            ConsentMode consentMode, Map<String, String> productTips) {
        this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale, currency,
                webhookSecretRef, consentMode, productTips, null, null);
    }

    public Shop withCouponProvisioning(LoyaltySettings.Provisioning provisioning) {
        return withSettings(settings.withCouponProvisioning(provisioning));
    }

    public Shop withSettings(LoyaltySettings newSettings) {
        return new Shop(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale,
                currency, webhookSecretRef, consentMode, productTips, newSettings, connection);
    }

    /** A shop with the platform's default consent mode and no product tips. */
    public Shop(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
            String ownerEmail, String defaultLocale, String currency, String webhookSecretRef) {
        this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale, currency,
                webhookSecretRef, null, null, null, null);
    }
}
