package loyaltyloop.admin;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loyaltyloop.dynamodb.DynamoCouponPool;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code shops add ...} registers a shop (secrets in SSM, shop record in the table); {@code shops coupons upload}
 * adds owner-made coupon codes to a shop's pool. Both work on a deployed stack (default credential chain,
 * {@code --region}, {@code --table}, {@code --stack}) or on an emulator ({@code --aws-endpoint}, e.g. a running
 * local runner's moto server).
 */
public final class ShopsCommand {

    /** Without {@code --table} or {@code --stack}, an emulator ({@code --aws-endpoint}) is the local runner's. */
    public static final String EMULATOR_TABLE = "LoyaltyTable";
    public static final String EMULATOR_STACK = "local";
    private static final String EMULATOR_REGION = "us-east-1";

    static final String USAGE = """
            usage: java -jar admin/target/loyalty-admin.jar shops add --domain DOMAIN --platform shopify|woocommerce
                     --storefront URL --sender-address ADDRESS --sender-name NAME --owner-email EMAIL
                     [--locale en] [--currency USD]
                     [--client-id ID --client-secret SECRET]   (Shopify: the app you made in the Dev Dashboard, from
                                                                its Settings page; see shopify.app.toml)
                     [--webhook-secret SECRET]   (a shop without an app: admin-made Shopify notification webhooks,
                                                  or WooCommerce)
                     [--consent-mode explicit|soft-opt-in]   (who gets follow-ups; default: explicit for Shopify,
                                                              soft-opt-in for WooCommerce)
                     [--product-tips tips.json]   ({"<product id>": "tip shown in follow-ups", ...}; an empty tip
                                                   removes one; tips already stored are kept)
                     [--settings settings.json]   (survey, coupon and referral settings as JSON, see docs/coupons.md;
                                                   the shop's wording and brand, see docs/wording.md;
                                                   settings already stored are kept when this is left out)
                     [--postal-address "1 Main St, Springfield, IL 62701, USA"]   (the shop's physical address,
                                                   shown in marketing and points emails as CAN-SPAM requires;
                                                   a stored one is kept when this is left out)
                     [--coupon-api-credentials VALUE]   (Shopify: an Admin API access token with write_discounts;
                                                         WooCommerce: consumer_key:consumer_secret of a REST key
                                                         with write access)
                     [--region REGION --table TABLE [--stack loyalty-loop]]   (a deployed stack; the default credential chain)
                     [--aws-endpoint URL [--table LoyaltyTable] [--stack local]]  (an emulator, e.g. the local runner's)
              A Shopify app's client secret is stored as the SSM SecureString
              /loyalty-loop/<stack>/shops/<domain>/client-secret: it verifies the app's webhooks and buys its Admin
              API tokens (client credentials grant), so no webhook secret or coupon API token is needed.
              Otherwise the secret is stored as the SSM SecureString /loyalty-loop/<stack>/shops/<domain>/webhook-secret
              (overwritten when it exists); the table's shop record keeps only that name. Without --webhook-secret a
              random one is made and printed (WooCommerce: paste it as the webhook's Secret; Shopify: pass the
              signing key Shopify shows under Settings > Notifications > Webhooks instead). Coupon API credentials
              go to /loyalty-loop/<stack>/shops/<domain>/coupon-api the same way and become the shop's apiSecretRef.
              The first registration also makes the stack's link-signing key, /loyalty-loop/<stack>/link-key.

                   java -jar admin/target/loyalty-admin.jar shops coupons upload --domain DOMAIN --file codes.txt
                     [--region REGION --table TABLE] | [--aws-endpoint URL [--table LoyaltyTable]]
              Adds the coupon codes in the file (one a line, made in the shop's admin as single-use discounts) to the
              shop's pool, for shops whose settings say "provisioning": "pool". Codes already in the pool are
              skipped, so uploading a file again adds only its new codes.

            """ + ShopsCheckCommand.USAGE + "\n\n" + ShopPreviewCommand.USAGE;

    private static final Set<String> TARGET_FLAGS = Set.of("region", "table", "stack", "aws-endpoint");
    private static final Set<String> ADD_FLAGS = union(TARGET_FLAGS, Set.of("domain", "platform", "storefront",
            "sender-address", "sender-name", "owner-email", "locale", "currency", "webhook-secret", "consent-mode",
            "product-tips", "settings", "coupon-api-credentials", "client-id", "client-secret", "postal-address"));
    private static final Set<String> UPLOAD_FLAGS = union(TARGET_FLAGS, Set.of("domain", "file"));

    private ShopsCommand() {
    }

    /** Where the command writes: a deployed stack, or an emulator when {@code endpoint} is set. */
    record Target(String endpoint, String table, String stack, String region) {

        static Target of(Flags flags) {
            String endpoint = flags.get("aws-endpoint");
            String table = endpoint != null ? flags.get("table", EMULATOR_TABLE) : flags.required("table");
            String stack = flags.get("stack", endpoint != null ? EMULATOR_STACK : "loyalty-loop");
            if (!stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
                throw new Flags.UsageException("--stack is not a stack name: " + stack);
            }
            return new Target(endpoint, table, stack, flags.get("region"));
        }

        String secretPrefix() {
            return "/loyalty-loop/" + stack + "/shops/";
        }

        String describe() {
            return "table " + table + (endpoint != null ? " at " + endpoint : "");
        }

        ApplicationContext start() {
            if (region != null) {
                System.setProperty("aws.region", region);
            }
            if (endpoint != null) {
                System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
                System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
                System.setProperty("aws.region", System.getProperty("aws.region", EMULATOR_REGION));
            }
            Map<String, Object> properties = new HashMap<>();
            properties.put("loyalty.table", table);
            if (endpoint != null) {
                properties.put("loyalty.aws.endpoint-url", endpoint);
            }
            return ApplicationContext.builder().environments("cli").deduceEnvironment(false).properties(properties)
                    .start();
        }
    }

    /** {@code shops add}, parsed: {@code generatedSecret} when no webhook secret was given and one was made. */
    record Add(Target target, ShopRegistration.Request request, boolean generatedSecret) {
    }

    /** {@code shops coupons upload}, parsed. */
    record Upload(Target target, String domain, List<String> lines) {
    }

    /** Runs {@code shops ARGS...} (without the word {@code shops}); answers the exit code. */
    public static int run(List<String> args) {
        boolean help = args.contains("--help") || args.contains("-h");
        try {
            if (!help && !args.isEmpty() && args.get(0).equals("add")) {
                return add(parseAdd(args.subList(1, args.size())));
            }
            if (!help && !args.isEmpty() && args.get(0).equals("import")) {
                return ShopsImport.run(args.subList(1, args.size()));
            }
            if (!help && !args.isEmpty() && args.get(0).equals("customers")) {
                return CustomersCommand.run(args.subList(1, args.size()));
            }
            if (!help && !args.isEmpty() && args.get(0).equals("check")) {
                return ShopsCheckCommand.run(args.subList(1, args.size()));
            }
            if (!help && !args.isEmpty() && args.get(0).equals("preview")) {
                return ShopPreviewCommand.run(ShopPreviewCommand.parse(args.subList(1, args.size())));
            }
            if (!help && args.size() > 1 && args.get(0).equals("coupons") && args.get(1).equals("upload")) {
                return upload(parseUpload(args.subList(2, args.size())));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE + "\n\n" + ShopsImport.USAGE + "\n\n" + CustomersCommand.USAGE);
            return Flags.EXIT_USAGE;
        }
        (help ? System.out : System.err).println(USAGE + "\n\n" + ShopsImport.USAGE + "\n\n" + CustomersCommand.USAGE);
        return help ? 0 : Flags.EXIT_USAGE;
    }

    static Add parseAdd(List<String> args) {
        Flags flags = Flags.parse(args, ADD_FLAGS);
        Target target = Target.of(flags);
        Platform platform;
        try {
            platform = Platform.fromWireName(flags.required("platform"));
        } catch (IllegalArgumentException e) {
            throw new Flags.UsageException("--platform must be shopify or woocommerce");
        }
        ShopRegistration.ShopifyApp app = shopifyApp(flags);
        String secret = flags.get("webhook-secret");
        if (app != null && secret != null) {
            throw new Flags.UsageException("a Shopify app's webhooks are signed with its client secret:"
                    + " give --client-id and --client-secret, or --webhook-secret, not both");
        }
        boolean generated = secret == null && app == null;
        String settingsFile = flags.get("settings");
        LoyaltySettings settings = settingsFile == null ? null : SettingsFile.read(settingsFile);
        ShopRegistration.Request request = new ShopRegistration.Request(flags.required("domain"), platform,
                flags.required("storefront"), flags.required("sender-address"), flags.required("sender-name"),
                flags.required("owner-email"), flags.get("locale", "en"), flags.get("currency", "USD"),
                generated ? RandomSecrets.webhookSecret() : secret, consentMode(flags.get("consent-mode")),
                productTips(flags.get("product-tips")), settings, flags.get("coupon-api-credentials"), app,
                flags.get("postal-address"));
        return new Add(target, request, generated);
    }

    private static ShopRegistration.ShopifyApp shopifyApp(Flags flags) {
        String clientId = flags.get("client-id");
        String clientSecret = flags.get("client-secret");
        if (clientId == null && clientSecret == null) {
            return null;
        }
        if (clientId == null || clientSecret == null) {
            throw new Flags.UsageException("--client-id and --client-secret go together (the app's Settings page in"
                    + " the Dev Dashboard shows both)");
        }
        return new ShopRegistration.ShopifyApp(clientId, clientSecret);
    }

    static Upload parseUpload(List<String> args) {
        Flags flags = Flags.parse(args, UPLOAD_FLAGS);
        Target target = Target.of(flags);
        String domain = ShopDomains.normalise(flags.required("domain"))
                .orElseThrow(() -> new Flags.UsageException("not a shop domain: " + flags.get("domain")));
        String file = flags.required("file");
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new Flags.UsageException("cannot read --file " + file + ": " + e.getClass().getSimpleName());
        }
        if (lines.stream().allMatch(String::isBlank)) {
            throw new Flags.UsageException("--file " + file + " has no coupon codes (one a line)");
        }
        return new Upload(target, domain, lines);
    }

    private static int add(Add add) {
        Target target = add.target();
        try (ApplicationContext context = target.start()) {
            ShopRegistration registration = new ShopRegistration(context.getBean(SsmClient.class),
                    context.getBean(ShopStore.class), target.secretPrefix());
            Shop shop = registration.register(add.request());
            System.out.println("registered " + shop.platform().wireName() + " shop " + shop.domain() + " in "
                    + target.describe());
            if (shop.connection().isApp()) {
                System.out.println("  Shopify app " + shop.connection().appClientId() + ": client secret in SSM"
                        + " SecureString " + shop.connection().appClientSecretRef() + " (verifies its webhooks, buys"
                        + " its Admin API tokens)");
            } else {
                System.out.println("  webhook secret: SSM SecureString " + shop.webhookSecretRef());
            }
            System.out.println("  link-signing key: SSM SecureString " + registration.linkKeyParameter()
                    + " (made by the first registration, never replaced)");
            if (add.generatedSecret()) {
                System.out.println("  generated webhook secret (shown once): " + add.request().webhookSecret());
            }
            System.out.println("  webhook URL: <ApiBaseUrl>/webhooks/" + shop.platform().wireName()
                    + " (the stack's " + (shop.platform() == Platform.SHOPIFY ? "ShopifyWebhookUrl" : "WooCommerceWebhookUrl")
                    + " output)");
            printCoupons(shop);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return Flags.EXIT_USAGE;
        } catch (SdkException e) {
            System.err.println("could not register the shop: " + e.getMessage());
            return 1;
        }
    }

    private static void printCoupons(Shop shop) {
        LoyaltySettings.CouponSettings coupons = shop.settings().coupons();
        String how = switch (coupons.provisioning()) {
            case PLATFORM_API -> shop.connection().isApp()
                    ? "created through the Shopify Admin API with the app's tokens"
                    : coupons.apiSecretRef() == null
                    ? "created through the " + shop.platform().wireName() + " API, but no credentials are set:"
                            + " pass --coupon-api-credentials, or use a pool (docs/coupons.md)"
                    : "created through the " + shop.platform().wireName() + " API with the credentials in "
                            + coupons.apiSecretRef();
            case POOL -> "taken from the uploaded pool (shops coupons upload)";
            case DEMO -> "recorded at the local demo checkout only";
        };
        System.out.println("  coupons: " + how);
    }

    private static int upload(Upload upload) {
        try (ApplicationContext context = upload.target().start()) {
            Shop shop = context.getBean(ShopStore.class).find(upload.domain()).orElse(null);
            if (shop == null) {
                System.err.println("no shop " + upload.domain() + " in " + upload.target().describe()
                        + ": register it with shops add first");
                return 1;
            }
            DynamoCouponPool pool = context.getBean(DynamoCouponPool.class);
            DynamoCouponPool.UploadResult result = pool.upload(shop.domain(), upload.lines());
            System.out.println("added " + result.added() + " coupon codes to the pool of " + shop.domain() + " ("
                    + result.alreadyPresent() + " already in it); " + pool.countFree(shop.domain()) + " free");
            if (!result.rejected().isEmpty()) {
                System.out.println("  skipped " + result.rejected().size() + " lines that are not codes"
                        + " (letters, digits, - and _, up to 64): " + String.join(", ",
                        result.rejected().subList(0, Math.min(5, result.rejected().size()))));
            }
            if (shop.settings().coupons().provisioning() != LoyaltySettings.Provisioning.POOL) {
                System.out.println("  note: " + shop.domain() + " does not use the pool yet: register it with"
                        + " --settings where coupons.provisioning is \"pool\"");
            }
            return 0;
        } catch (SdkException e) {
            System.err.println("could not upload the codes: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> productTips(String file) {
        if (file == null) {
            return null;
        }
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(file).toFile());
            if (json == null || !json.isObject()) {
                throw new Flags.UsageException("--product-tips must be a JSON object of product id to tip");
            }
            Map<String, String> tips = new java.util.LinkedHashMap<>();
            json.fields().forEachRemaining(e -> tips.put(e.getKey(), e.getValue().asText()));
            return tips;
        } catch (IOException e) {
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

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
