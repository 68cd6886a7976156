package loyaltyloop.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import loyaltyloop.intake.ShopifyTopics;
import loyaltyloop.shops.CheckFinding;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * What {@code shops check} asks a shop's platform with the credentials we store: can a token be had, are the scopes
 * granted, is our Admin API version still supported, are the webhooks there (Shopify) or active (WooCommerce).
 */
@Singleton
public class PlatformConnectionCheck {

    /** The scopes shopify.app.toml asks for; an app without one of them is missing part of the loop. */
    static final Set<String> APP_SCOPES = Set.of("read_orders", "read_all_orders", "write_discounts", "read_customers");
    /** WooCommerce topics intake needs; order.deleted is optional (a deleted order is treated as cancelled). */
    static final List<String> WOOCOMMERCE_TOPICS = List.of("order.created", "order.updated");

    static final String SCOPES_AND_VERSIONS = """
            query LoyaltyLoopCheck {
              currentAppInstallation { accessScopes { handle } }
              publicApiVersions { handle supported }
            }""";

    static final String WEBHOOKS = """
            query LoyaltyLoopWebhooks {
              webhookSubscriptions(first: 100) { nodes { topic uri } }
            }""";

    private final ShopApiClient api;

    public PlatformConnectionCheck(ShopApiClient api) {
        this.api = api;
    }

    public List<CheckFinding> check(Shop shop) {
        boolean noCredentials = !shop.connection().isApp() && (shop.settings().coupons().apiSecretRef() == null
                || shop.settings().coupons().apiSecretRef().isBlank());
        if (noCredentials) {
            // Nothing to connect with: a problem only when coupons are meant to be made through the API.
            String text = "no API credentials are stored for this shop, so nothing could be checked at "
                    + shop.platform().wireName() + (shop.platform() == Platform.SHOPIFY
                            ? ": connect it as a Dev Dashboard app (shops add --client-id --client-secret)"
                            : ": register a REST key (shops add --coupon-api-credentials ck_…:cs_…)");
            return List.of(shop.settings().coupons().provisioning() == LoyaltySettings.Provisioning.PLATFORM_API
                    ? CheckFinding.problem(text + "; coupons cannot be created without them")
                    : CheckFinding.warning(text));
        }
        return shop.platform() == Platform.SHOPIFY ? shopify(shop) : wooCommerce(shop);
    }

    private List<CheckFinding> shopify(Shop shop) {
        List<CheckFinding> findings = new ArrayList<>();
        if (shop.connection().uninstalledAt() != null) {
            findings.add(CheckFinding.problem("Shopify said the app was uninstalled on " + shop.connection().uninstalledAt()
                    + ": no email goes out for this shop. Install the app again and run shops add again"));
        }
        JsonNode data;
        try {
            data = api.shopifyGraphql(shop, SCOPES_AND_VERSIONS, null, "checking the app's scopes");
        } catch (ShopApiException e) {
            findings.add(CheckFinding.problem(e.retryable()
                    ? "Shopify could not be asked just now, try again in a minute: " + e.getMessage()
                    : shop.connection().isApp()
                            ? "no Admin API token could be had for the Shopify app: " + e.getMessage()
                            : "the Admin API token did not work: " + e.getMessage()));
            return findings;
        }
        findings.add(CheckFinding.ok(shop.connection().isApp()
                ? "an Admin API token was granted to the Shopify app " + shop.connection().appClientId()
                : "the stored Admin API token works (a static token; a Dev Dashboard app with --client-id is the"
                        + " current way)"));
        findings.add(scopes(shop, data.path("currentAppInstallation").path("accessScopes")));
        findings.add(apiVersion(data.path("publicApiVersions")));
        findings.add(shopifyWebhooks(shop));
        return findings;
    }

    private static CheckFinding scopes(Shop shop, JsonNode accessScopes) {
        Set<String> granted = new TreeSet<>();
        accessScopes.forEach(scope -> granted.add(scope.path("handle").asText()));
        boolean couponsByApi = shop.settings().coupons().provisioning() == LoyaltySettings.Provisioning.PLATFORM_API;
        Set<String> needed = new TreeSet<>(shop.connection().isApp() ? APP_SCOPES : Set.of("read_orders"));
        if (couponsByApi) {
            needed.add("write_discounts");
        }
        Set<String> missing = new TreeSet<>();
        for (String scope : needed) {
            // A write scope includes the read scope of the same resource.
            if (!granted.contains(scope) && !granted.contains(scope.replaceFirst("^read_", "write_"))) {
                missing.add(scope);
            }
        }
        if (missing.isEmpty()) {
            return CheckFinding.ok("the scopes the loop needs are granted (" + String.join(", ", needed) + ")");
        }
        return CheckFinding.problem("missing scope" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + (shop.connection().isApp()
                        ? ": deploy the repository's shopify.app.toml (npx @shopify/cli@latest app deploy) and accept"
                                + " the new scopes in the shop's admin"
                        : ": give the token's app these scopes")
                + "; granted: " + (granted.isEmpty() ? "none" : String.join(", ", granted)));
    }

    private static CheckFinding apiVersion(JsonNode versions) {
        String newest = null;
        for (JsonNode version : versions) {
            String handle = version.path("handle").asText();
            if (version.path("supported").asBoolean(false) && handle.matches("\\d{4}-\\d{2}")
                    && (newest == null || handle.compareTo(newest) > 0)) {
                newest = handle;
            }
            if (handle.equals(ShopApiClient.SHOPIFY_API_VERSION) && version.path("supported").asBoolean(false)) {
                return CheckFinding.ok("Admin API version " + ShopApiClient.SHOPIFY_API_VERSION
                        + " is supported by Shopify");
            }
        }
        return CheckFinding.problem("Admin API version " + ShopApiClient.SHOPIFY_API_VERSION + " is no longer"
                + " supported by Shopify" + (newest == null ? "" : " (the newest supported is " + newest + ")")
                + ": update loyalty-loop and deploy it again");
    }

    /**
     * Subscriptions made by shopify.app.toml are app-wide, and those made in the shop's admin belong to the shop:
     * Shopify's Admin API lists neither (its {@code webhookSubscriptions} returns only subscriptions an app made
     * through the API for that shop). So only such shop-scoped subscriptions can be checked; otherwise say where to
     * look.
     */
    private CheckFinding shopifyWebhooks(Shop shop) {
        JsonNode nodes;
        try {
            nodes = api.shopifyGraphql(shop, WEBHOOKS, null, "listing webhook subscriptions")
                    .path("webhookSubscriptions").path("nodes");
        } catch (ShopApiException e) {
            return CheckFinding.warning("webhook subscriptions could not be listed: " + e.getMessage());
        }
        Set<String> present = new LinkedHashSet<>();
        for (JsonNode node : nodes) {
            if (node.path("uri").asText().endsWith("/webhooks/shopify")) {
                present.add(node.path("topic").asText().toLowerCase(Locale.ROOT).replace('_', '/'));
            }
        }
        if (present.isEmpty()) {
            return CheckFinding.warning(shop.connection().isApp()
                    ? "webhook subscriptions from shopify.app.toml are app-wide and Shopify's API does not list"
                            + " them: check that the app's active version in the Dev Dashboard (Versions) lists the"
                            + " order topics and app/uninstalled with your ShopifyWebhookUrl"
                    : "webhooks made in the shop's admin cannot be listed through the API: check Settings >"
                            + " Notifications > Webhooks for orders, refunds and cancellations to your ShopifyWebhookUrl");
        }
        Set<String> missing = new TreeSet<>();
        for (String topic : ShopifyTopics.SUBSCRIBED) {
            // The enum names lose the underscore of partially_fulfilled; compare without separators.
            String flat = topic.replaceAll("[/_]", "");
            if (present.stream().noneMatch(p -> p.replaceAll("[/_]", "").equals(flat))) {
                missing.add(topic);
            }
        }
        return missing.isEmpty()
                ? CheckFinding.ok("webhook subscriptions are present for every topic the loop takes")
                : CheckFinding.problem("webhook subscription missing for " + String.join(", ", missing));
    }

    private List<CheckFinding> wooCommerce(Shop shop) {
        List<CheckFinding> findings = new ArrayList<>();
        ShopApiClient.Answer answer;
        try {
            answer = api.wooCommerce(shop, "GET", "/wp-json/wc/v3/webhooks?per_page=100", null,
                    "listing webhooks at " + shop.domain());
        } catch (ShopApiException e) {
            findings.add(CheckFinding.problem("the WooCommerce REST API could not be used: " + e.getMessage()));
            return findings;
        }
        if (answer.status() == 401) {
            findings.add(CheckFinding.problem("WooCommerce refused the REST key (HTTP 401): the consumer key or secret"
                    + " in " + shop.settings().coupons().apiSecretRef() + " is wrong or was revoked"));
            return findings;
        }
        if (answer.status() == 403) {
            findings.add(CheckFinding.problem("the WooCommerce REST key may not read webhooks (HTTP 403): give the"
                    + " key Read/Write permission"));
            return findings;
        }
        if (!answer.ok()) {
            findings.add(CheckFinding.problem(ShopApiClient.refused("listing webhooks at " + shop.domain(),
                    answer.status()).getMessage()));
            return findings;
        }
        findings.add(CheckFinding.ok("the WooCommerce REST key works"));
        JsonNode webhooks = ShopApiClient.json(answer.body(), "listing webhooks at " + shop.domain());
        for (String topic : WOOCOMMERCE_TOPICS) {
            findings.add(wooCommerceWebhook(webhooks, topic));
        }
        return findings;
    }

    private static CheckFinding wooCommerceWebhook(JsonNode webhooks, String topic) {
        JsonNode inactive = null;
        for (JsonNode webhook : webhooks) {
            if (!topic.equals(webhook.path("topic").asText())
                    || !webhook.path("delivery_url").asText().endsWith("/webhooks/woocommerce")) {
                continue;
            }
            if ("active".equals(webhook.path("status").asText())) {
                return CheckFinding.ok("webhook \"" + webhook.path("name").asText() + "\" (" + topic + ") is active");
            }
            inactive = webhook;
        }
        if (inactive != null) {
            return CheckFinding.problem("webhook \"" + inactive.path("name").asText() + "\" (" + topic + ") is "
                    + inactive.path("status").asText() + ": WooCommerce disables a webhook after 5 failed deliveries"
                    + " in a row; set its status to Active in WooCommerce > Settings > Advanced > Webhooks");
        }
        return CheckFinding.problem("no webhook for " + topic + " delivers to the stack's WooCommerceWebhookUrl:"
                + " add one in WooCommerce > Settings > Advanced > Webhooks");
    }
}
