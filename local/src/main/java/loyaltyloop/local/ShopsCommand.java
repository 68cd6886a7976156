package loyaltyloop.local;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code shops add ...}: registers a shop (webhook secret in SSM, shop record in the table) on a deployed stack
 * (default credential chain, {@code --region}, {@code --table}, {@code --stack}) or on an emulator
 * ({@code --aws-endpoint}, e.g. a running local runner's moto server).
 */
final class ShopsCommand {

    static final String USAGE = """
            usage: java -jar local/target/loyalty-local.jar shops add --domain DOMAIN --platform shopify|woocommerce
                     --storefront URL --sender-address ADDRESS --sender-name NAME --owner-email EMAIL
                     [--locale en] [--currency USD] [--webhook-secret SECRET]
                     [--consent-mode explicit|soft-opt-in]   (who gets follow-ups; default: explicit for Shopify,
                                                              soft-opt-in for WooCommerce)
                     [--product-tips tips.json]   ({"<product id>": "tip shown in follow-ups", ...}; an empty tip
                                                   removes one; tips already stored are kept)
                     [--region REGION --table TABLE [--stack loyalty-loop]]   (a deployed stack; the default credential chain)
                     [--aws-endpoint URL [--table LoyaltyTable] [--stack local]]  (an emulator, e.g. the local runner's)
              The secret is stored as the SSM SecureString /loyalty-loop/<stack>/shops/<domain>/webhook-secret
              (overwritten when it exists); the table's shop record keeps only that name. Without --webhook-secret a
              random one is made and printed (WooCommerce: paste it as the webhook's Secret; Shopify: pass the
              signing key Shopify shows under Settings > Notifications > Webhooks instead).""";

    private static final Set<String> FLAGS = Set.of("domain", "platform", "storefront", "sender-address", "sender-name",
            "owner-email", "locale", "currency", "webhook-secret", "consent-mode", "product-tips", "region", "table", "stack", "aws-endpoint");

    private ShopsCommand() {
    }

    private static java.util.Map<String, String> productTips(String file) {
        if (file == null) {
            return null;
        }
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Path.of(file).toFile());
            if (json == null || !json.isObject()) {
                throw new Flags.UsageException("--product-tips must be a JSON object of product id to tip");
            }
            java.util.Map<String, String> tips = new java.util.LinkedHashMap<>();
            json.fields().forEachRemaining(e -> tips.put(e.getKey(), e.getValue().asText()));
            return tips;
        } catch (java.io.IOException e) {
            throw new Flags.UsageException("cannot read --product-tips " + file + ": " + e.getMessage());
        }
    }

    private static ConsentMode consentMode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ConsentMode.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new Flags.UsageException("--consent-mode must be explicit or soft-opt-in");
        }
    }

    static int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h") || !args.get(0).equals("add")) {
            (args.contains("--help") || args.contains("-h") ? System.out : System.err).println(USAGE);
            return args.contains("--help") || args.contains("-h") ? 0 : LocalRunner.EXIT_USAGE;
        }
        Flags flags;
        ShopRegistration.Request request;
        String endpoint;
        String table;
        String stack;
        boolean generated;
        try {
            flags = Flags.parse(args.subList(1, args.size()), FLAGS);
            endpoint = flags.get("aws-endpoint");
            table = endpoint != null ? flags.get("table", LocalRunner.TABLE) : flags.required("table");
            stack = flags.get("stack", endpoint != null ? LocalRunner.STACK : "loyalty-loop");
            if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
                throw new Flags.UsageException("--stack is not a stack name: " + stack);
            }
            Platform platform;
            try {
                platform = Platform.fromWireName(flags.required("platform"));
            } catch (IllegalArgumentException e) {
                throw new Flags.UsageException("--platform must be shopify or woocommerce");
            }
            String secret = flags.get("webhook-secret");
            generated = secret == null;
            request = new ShopRegistration.Request(flags.required("domain"), platform, flags.required("storefront"),
                    flags.required("sender-address"), flags.required("sender-name"), flags.required("owner-email"),
                    flags.get("locale", "en"), flags.get("currency", "USD"),
                    generated ? LocalAwsResources.randomWebhookSecret() : secret, consentMode(flags.get("consent-mode")),
                    productTips(flags.get("product-tips")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return LocalRunner.EXIT_USAGE;
        }

        if (flags.get("region") != null) {
            System.setProperty("aws.region", flags.get("region"));
        }
        if (endpoint != null) {
            System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
            System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
            System.setProperty("aws.region", System.getProperty("aws.region", LocalEventBus.REGION));
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("loyalty.table", table);
        if (endpoint != null) {
            properties.put("loyalty.aws.endpoint-url", endpoint);
        }
        String prefix = "/loyalty-loop/" + stack + "/shops/";
        try (ApplicationContext context = ApplicationContext.builder()
                .environments("cli")
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            ShopRegistration registration = new ShopRegistration(context.getBean(SsmClient.class),
                    context.getBean(ShopStore.class), prefix);
            Shop shop = registration.register(request);
            System.out.println("registered " + shop.platform().wireName() + " shop " + shop.domain() + " in table " + table
                    + (endpoint != null ? " at " + endpoint : ""));
            System.out.println("  webhook secret: SSM SecureString " + shop.webhookSecretRef());
            if (generated) {
                System.out.println("  generated webhook secret (shown once): " + request.webhookSecret());
            }
            System.out.println("  webhook URL: <ApiBaseUrl>/webhooks/" + shop.platform().wireName()
                    + " (the stack's " + (shop.platform() == Platform.SHOPIFY ? "ShopifyWebhookUrl" : "WooCommerceWebhookUrl")
                    + " output)");
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return LocalRunner.EXIT_USAGE;
        } catch (SdkException e) {
            System.err.println("could not register the shop: " + e.getMessage());
            return 1;
        }
    }
}
