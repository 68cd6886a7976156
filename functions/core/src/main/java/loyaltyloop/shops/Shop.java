package loyaltyloop.shops;

import java.util.Map;

/**
 * A shop that runs the loop. Holds only a <em>reference</em> to its webhook secret (an SSM SecureString or
 * parameter name); the secret itself never touches the table.
 *
 * @param consentMode who may receive marketing email; defaults by platform
 * @param productTips the owner's tip per product id, shown in follow-ups ("how to get the most from it")
 * @param settings survey, coupon and referral settings; defaults where the owner set none
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
        LoyaltySettings settings) {

    public Shop {
        consentMode = consentMode == null ? ConsentMode.defaultFor(platform) : consentMode;
        productTips = productTips == null ? Map.of() : Map.copyOf(productTips);
        settings = settings == null ? LoyaltySettings.DEFAULTS : settings;
    }

    /** A shop with default loop settings. */
    public Shop(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
            String ownerEmail, String defaultLocale, String currency, String webhookSecretRef,
            ConsentMode consentMode, Map<String, String> productTips) {
        this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale, currency,
                webhookSecretRef, consentMode, productTips, null);
    }

    public Shop withCouponProvisioning(LoyaltySettings.Provisioning provisioning) {
        return withSettings(settings.withCouponProvisioning(provisioning));
    }

    public Shop withSettings(LoyaltySettings newSettings) {
        return new Shop(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale,
                currency, webhookSecretRef, consentMode, productTips, newSettings);
    }

    /** A shop with the platform's default consent mode and no product tips. */
    public Shop(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
            String ownerEmail, String defaultLocale, String currency, String webhookSecretRef) {
        this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, defaultLocale, currency,
                webhookSecretRef, null, null, null);
    }
}
