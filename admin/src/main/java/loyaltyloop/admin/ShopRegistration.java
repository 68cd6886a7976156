package loyaltyloop.admin;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopConnection;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Registers a shop: its webhook secret as an SSM SecureString at {@code <prefix><domain>/webhook-secret}
 * (overwriting an older one), its coupon API credentials, when given, at {@code <prefix><domain>/coupon-api}, then
 * the shop record, which keeps only those parameters' names. Used by {@code shops add} and by the local runner's
 * demo shops, against a deployed stack or an emulator alike.
 */
public final class ShopRegistration {

    /** What a shop owner tells us. {@code domain} may be a URL ({@code https://Shop.Example/}); it is normalised. */
    public record Request(
            String domain,
            Platform platform,
            String storefrontUrl,
            String senderAddress,
            String senderName,
            String ownerEmail,
            String locale,
            String currency,
            String webhookSecret,
            ConsentMode consentMode,
            java.util.Map<String, String> productTips,
            LoyaltySettings settings,
            String couponApiCredentials,
            ShopifyApp shopifyApp,
            String postalAddress) {

        /** Without a new postal address (a stored one is kept). */
        public Request(String domain, Platform platform, String storefrontUrl, String senderAddress,
                String senderName, String ownerEmail, String locale, String currency, String webhookSecret,
                ConsentMode consentMode, java.util.Map<String, String> productTips, LoyaltySettings settings,
                String couponApiCredentials, ShopifyApp shopifyApp) {
            this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, locale, currency,
                    webhookSecret, consentMode, productTips, settings, couponApiCredentials, shopifyApp, null);
        }

        /** Without a Shopify app: connected through admin-made webhooks (or WooCommerce). */
        public Request(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
                String ownerEmail, String locale, String currency, String webhookSecret, ConsentMode consentMode,
                java.util.Map<String, String> productTips, LoyaltySettings settings, String couponApiCredentials) {
            this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, locale, currency, webhookSecret,
                    consentMode, productTips, settings, couponApiCredentials, null, null);
        }

        /** With the platform's default consent mode and no new product tips. */
        public Request(String domain, Platform platform, String storefrontUrl, String senderAddress, String senderName,
                String ownerEmail, String locale, String currency, String webhookSecret) {
            this(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, locale, currency, webhookSecret,
                    null, null, null, null);
        }

        /** The same request with these loop settings. */
        public Request withSettings(LoyaltySettings newSettings) {
            return new Request(domain, platform, storefrontUrl, senderAddress, senderName, ownerEmail, locale, currency,
                    webhookSecret, consentMode, productTips, newSettings, couponApiCredentials, shopifyApp,
                    postalAddress);
        }

        @Override
        public String toString() {
            // Secrets stay out of logs and stack traces.
            return "Request[domain=" + domain + ", platform=" + platform + "]";
        }
    }

    /** The shop's own Shopify app from the Dev Dashboard: its client id and client secret (shown once there). */
    public record ShopifyApp(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "ShopifyApp[clientId=" + clientId + "]";
        }
    }

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final Pattern SSM_NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*");

    private final SsmClient ssm;
    private final ShopStore shops;
    private final String secretPrefix;

    /** @param secretPrefix e.g. {@code /loyalty-loop/local/shops/} (the functions' {@code loyalty.shop-secret-prefix}) */
    public ShopRegistration(SsmClient ssm, ShopStore shops, String secretPrefix) {
        this.ssm = ssm;
        this.shops = shops;
        this.secretPrefix = secretPrefix.endsWith("/") ? secretPrefix : secretPrefix + "/";
    }

    /** The SSM parameter that holds a shop's webhook secret. */
    public String secretParameter(String normalisedDomain) {
        return secretPrefix + normalisedDomain + "/webhook-secret";
    }

    /**
     * The deployment's link-signing key ({@code /loyalty-loop/<stack>/link-key}), beside the shops' secrets. The
     * template names the same parameter; CloudFormation cannot create a SecureString, so the first registration does.
     */
    public String linkKeyParameter() {
        return linkKeyParameter(secretPrefix);
    }

    /** The link key beside the shops' secrets under {@code secretPrefix} (e.g. {@code /loyalty-loop/local/shops/}). */
    public static String linkKeyParameter(String secretPrefix) {
        String prefix = secretPrefix.endsWith("/") ? secretPrefix : secretPrefix + "/";
        String root = prefix.endsWith("/shops/") ? prefix.substring(0, prefix.length() - "shops/".length()) : prefix;
        return root + "link-key";
    }

    /**
     * Creates the link-signing key with 64 random characters unless it exists: no email with a link goes out before
     * a shop is registered, and a key that already signed links must never be replaced. True when created now.
     */
    public boolean ensureLinkKey() {
        try {
            ssm.putParameter(b -> b.name(linkKeyParameter()).value(RandomSecrets.linkKey())
                    .type(ParameterType.SECURE_STRING).overwrite(false)
                    .description("loyalty-loop HMAC key for signed links in emails"));
            return true;
        } catch (ParameterAlreadyExistsException exists) {
            return false;
        }
    }

    /** The SSM parameter that holds a shop's coupon API credentials. */
    public String couponApiParameter(String normalisedDomain) {
        return secretPrefix + normalisedDomain + "/coupon-api";
    }

    /** The SSM parameter that holds the client secret of a shop's Shopify app. */
    public String clientSecretParameter(String normalisedDomain) {
        return secretPrefix + normalisedDomain + "/client-secret";
    }

    public Shop register(Request request) {
        Shop shop = validate(request);
        ensureLinkKey();
        if (shop.connection().isApp()) {
            putSecureString(shop.connection().appClientSecretRef(), request.shopifyApp().clientSecret().trim(),
                    "Shopify app client secret of " + shop.domain());
        } else {
            putSecureString(shop.webhookSecretRef(), request.webhookSecret(), "webhook secret of " + shop.domain());
        }
        if (request.couponApiCredentials() != null) {
            putSecureString(shop.settings().coupons().apiSecretRef(), request.couponApiCredentials().trim(),
                    "coupon API credentials of " + shop.domain());
        }
        shops.save(shop);
        return shop;
    }

    private void putSecureString(String name, String value, String what) {
        ssm.putParameter(b -> b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(true)
                .description("loyalty-loop " + what));
    }

    /** The shop record this request makes, or an IllegalArgumentException naming the bad value. */
    Shop validate(Request r) {
        String domain = ShopDomains.normalise(r.domain())
                .orElseThrow(() -> new IllegalArgumentException("not a shop domain: " + r.domain()));
        String parameter = secretParameter(domain);
        if (!SSM_NAME.matcher(parameter).matches()) {
            throw new IllegalArgumentException("shop domain " + domain
                    + " cannot be part of an SSM parameter name (letters, digits, . - _ / only)");
        }
        if (r.platform() == null) {
            throw new IllegalArgumentException("platform must be shopify or woocommerce");
        }
        URI storefront;
        try {
            storefront = URI.create(required(r.storefrontUrl(), "storefront URL"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("storefront is not a URL: " + r.storefrontUrl());
        }
        if (!("https".equals(storefront.getScheme()) || "http".equals(storefront.getScheme())) || storefront.getHost() == null) {
            throw new IllegalArgumentException("storefront must be an http(s) URL: " + r.storefrontUrl());
        }
        String sender = email(r.senderAddress(), "sender address");
        String senderName = required(r.senderName(), "sender name");
        if (senderName.contains("\r") || senderName.contains("\n")) {
            throw new IllegalArgumentException("sender name must be one line");
        }
        String owner = r.ownerEmail() == null || r.ownerEmail().isBlank() ? null : email(r.ownerEmail(), "owner email");
        String locale = r.locale() == null || r.locale().isBlank() ? "en" : r.locale().trim();
        if (!LOCALE.matcher(locale).matches()) {
            throw new IllegalArgumentException("not a locale: " + r.locale());
        }
        String currency = (r.currency() == null || r.currency().isBlank() ? "USD" : r.currency().trim()).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + r.currency());
        }
        ShopConnection connection = ShopConnection.WEBHOOK_SECRET;
        if (r.shopifyApp() != null) {
            if (r.platform() != Platform.SHOPIFY) {
                throw new IllegalArgumentException("--client-id and --client-secret are for Shopify apps only");
            }
            String clientId = required(r.shopifyApp().clientId(), "client id");
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw new IllegalArgumentException("not a Shopify client id (letters, digits, - and _): " + clientId);
            }
            String clientSecret = required(r.shopifyApp().clientSecret(), "client secret");
            if (clientSecret.length() > 4096) {
                throw new IllegalArgumentException("client secret is longer than 4096 characters");
            }
            // Registering again (after a reinstall) clears the uninstall: mail resumes.
            connection = new ShopConnection(clientId, clientSecretParameter(domain), null);
        } else {
            String secret = required(r.webhookSecret(), "webhook secret");
            if (secret.length() > 4096) {
                throw new IllegalArgumentException("webhook secret is longer than 4096 characters");
            }
        }
        String storefrontUrl = storefront.toString().replaceAll("/+$", "");
        java.util.Optional<Shop> existing = shops.find(domain);
        // Registering again updates the shop but keeps the owner's product tips; new ones are added or replace.
        var tips = new java.util.HashMap<>(existing.map(Shop::productTips).orElse(java.util.Map.of()));
        if (r.productTips() != null) {
            r.productTips().forEach((product, tip) -> {
                if (tip == null || tip.isBlank()) {
                    tips.remove(product);
                } else {
                    tips.put(product, tip.trim());
                }
            });
        }
        // Without new settings the stored ones are kept, so registering again never drops the coupon setup.
        LoyaltySettings settings = r.settings() != null ? r.settings()
                : existing.map(Shop::settings).orElse(LoyaltySettings.DEFAULTS);
        if (r.couponApiCredentials() != null) {
            couponApiCredentials(r.couponApiCredentials(), r.platform());
            LoyaltySettings.CouponSettings c = settings.coupons();
            settings = new LoyaltySettings(settings.survey(), new LoyaltySettings.CouponSettings(c.surveyReward(),
                    c.prefix(), c.provisioning(), couponApiParameter(domain)), settings.referrals(), settings.ladder(),
                    settings.messages(), settings.brand(), settings.mail(), settings.history(), settings.retention());
        }
        if (r.postalAddress() != null) {
            settings = settings.withPostalAddress(oneLinePostalAddress(r.postalAddress()));
        }
        // An app's deliveries are signed with its client secret: it has no webhook secret of its own.
        return new Shop(domain, r.platform(), storefrontUrl, sender, senderName.trim(), owner, locale, currency,
                connection.isApp() ? null : parameter, r.consentMode(), tips, settings, connection);
    }

    /** The address as the footer shows it: line breaks become ", " and it must not be blank. */
    private static String oneLinePostalAddress(String value) {
        String address = value.strip().replaceAll("\\s*[\\r\\n]+\\s*", ", ");
        if (address.isEmpty()) {
            throw new IllegalArgumentException("--postal-address must not be blank");
        }
        if (address.length() > 300) {
            throw new IllegalArgumentException("--postal-address is at most 300 characters");
        }
        return address;
    }

    /** Checks the credentials' shape; messages never repeat the value. */
    private static void couponApiCredentials(String value, Platform platform) {
        String trimmed = required(value, "coupon API credentials");
        if (trimmed.length() > 4096) {
            throw new IllegalArgumentException("coupon API credentials are longer than 4096 characters");
        }
        int colon = trimmed.indexOf(':');
        if (platform == Platform.WOOCOMMERCE && (colon <= 0 || colon == trimmed.length() - 1)) {
            throw new IllegalArgumentException(
                    "WooCommerce coupon API credentials are consumer_key:consumer_secret (a REST key with write access)");
        }
    }

    private static String email(String value, String what) {
        String trimmed = required(value, what).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(what + " is not an email address: " + value);
        }
        return trimmed;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.trim();
    }
}
