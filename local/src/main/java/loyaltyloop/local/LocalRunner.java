package loyaltyloop.local;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import loyaltyloop.admin.Flags;
import loyaltyloop.admin.RandomSecrets;
import loyaltyloop.admin.ShopRegistration;
import loyaltyloop.admin.ShopsCommand;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopDomains;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.moto.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The whole loop on one machine: the moto server as the AWS (or {@code --aws-endpoint}), the template's tables,
 * every function of the template in this JVM on one Micronaut context, its {@code HttpApi} routes on a local HTTP
 * server, its {@code EventBridgeRule}s on an in-process bus, its schedules on a movable clock, and an outbox in place
 * of SES. {@code java -jar loyalty-local.jar shops add ...} runs the admin command instead (see {@link ShopsCommand}),
 * which writes to this runner's emulator with {@code --aws-endpoint}.
 */
public final class LocalRunner implements AutoCloseable {

    /** The names {@code shops ... --aws-endpoint} writes to when given no {@code --stack} or {@code --table}. */
    public static final String STACK = ShopsCommand.EMULATOR_STACK;
    public static final String TABLE = ShopsCommand.EMULATOR_TABLE;
    public static final String EVENT_BUS = "local-bus";
    public static final String SHOP_SECRET_PREFIX = "/loyalty-loop/" + STACK + "/shops/";
    /** Where {@code shops add} keeps the stack's link-signing key. */
    public static final String LINK_KEY_SECRET = ShopRegistration.linkKeyParameter(SHOP_SECRET_PREFIX);
    public static final String WOO_DEMO_SHOP = "woo.demo.local";
    /** The demo shops' coupons go to the demo checkout, so the whole loop runs offline. */
    static final LoyaltySettings DEMO_SETTINGS = LoyaltySettings.DEFAULTS.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO);
    /** The demo shops' postal address, as marketing and points emails must show one (a made-up one). */
    static final String DEMO_POSTAL_ADDRESS = "Demo Shop, 1 Example Street, Springfield, IL 62701, USA";
    static final int EXIT_NO_MOTO = 2;
    /** The banner's example order: another order than the README's sample. */
    static final long BANNER_ORDER_ID = 5_550_000_000_001L;

    private final RunnerOptions options;
    private final AtomicBoolean closed = new AtomicBoolean();
    private LocalTemplate template;
    private MotoServer moto;
    private String endpoint;
    private LocalHttpServer http;
    private ApplicationContext context;
    private LocalEventBus bus;
    private LocalOutbox outbox;
    private LocalClock clock;
    private ScheduleRunner schedules;
    private String webhookSecret;
    private final List<Shop> demoShops = new ArrayList<>();
    private List<String> createdTables = List.of();

    private LocalRunner(RunnerOptions options) {
        this.options = options;
    }

    /** Starts everything and answers once it serves; a failure stops whatever had started. */
    public static LocalRunner start(RunnerOptions options) {
        LocalRunner runner = new LocalRunner(options);
        try {
            runner.boot();
            return runner;
        } catch (RuntimeException | Error e) {
            runner.close();
            throw e;
        }
    }

    private void boot() {
        useDummyAwsCredentials();
        template = TemplateReader.read(TemplateReader.locate(options.template(), Path.of("")));
        // The port answers 503 from here until everything is up, so health checks need not wait in a backlog.
        http = LocalHttpServer.bind(options.port());
        if (options.awsEndpoint() == null) {
            moto = MotoServer.start();
            endpoint = moto.endpoint();
        } else {
            endpoint = options.awsEndpoint();
        }
        context = ApplicationContext.builder()
                .environments("local")
                .deduceEnvironment(false)
                .properties(Map.of(
                        "loyalty.table", TABLE,
                        "loyalty.event-bus", EVENT_BUS,
                        "loyalty.link-key-secret", LINK_KEY_SECRET,
                        "loyalty.public-base-url", baseUrl(),
                        "loyalty.aws.endpoint-url", endpoint,
                        "loyalty.shop-secret-prefix", SHOP_SECRET_PREFIX,
                        // moto loads a service on its first call, seconds on a busy machine: the production AWS
                        // timeouts would cut that off. Requests keep their time budgets (the intake's 3 s) all the same.
                        "loyalty.aws.attempt-timeout", "20s",
                        "loyalty.aws.call-timeout", "60s"))
                .start();

        createdTables = LocalAwsResources.createTables(context.getBean(DynamoDbClient.class), template.tables());

        clock = context.getBean(LocalClock.class);
        outbox = context.getBean(LocalOutbox.class);
        bus = context.getBean(LocalEventBus.class);
        LocalFunctions functions = new LocalFunctions(template, context);
        bus.connect(new EventRules(template.rules()), functions::invoke);
        schedules = new ScheduleRunner(template.schedules(), clock, functions, bus);

        seedDemoShops();

        DevEndpoints dev = new DevEndpoints(outbox, clock, bus, schedules, context.getBean(LocalMetrics.class),
                this::previewPage,
                new LocalImport(context.getBean(loyaltyloop.history.HistoryImport.class), context.getBean(ShopStore.class)));
        http.start(new HttpApiRoutes(template.routes()), functions, dev, clock);
        schedules.start();
        dev.ready();
    }

    /** Every email kind x language of a shop (null: the demo shop), in its wording and brand as stored now. */
    private java.util.Optional<String> previewPage(String domain) {
        return (domain == null ? java.util.Optional.of(demoShops.get(0).domain()) : ShopDomains.normalise(domain))
                .flatMap(d -> context.getBean(ShopStore.class).find(d))
                .map(shop -> context.getBean(loyaltyloop.preview.EmailPreviewPage.class).render(shop.domain(),
                        context.getBean(loyaltyloop.preview.EmailPreviews.class).all(shop)));
    }

    private void seedDemoShops() {
        SsmClient ssm = context.getBean(SsmClient.class);
        ShopRegistration registration = new ShopRegistration(ssm, context.getBean(ShopStore.class), SHOP_SECRET_PREFIX);
        webhookSecret = options.webhookSecret();
        if (webhookSecret == null) {
            // On an emulator that outlives the runner (--aws-endpoint) keep the secret a developer already configured.
            webhookSecret = ShopDomains.normalise(options.shop())
                    .flatMap(domain -> LocalAwsResources.parameter(ssm, registration.secretParameter(domain)))
                    .orElseGet(RandomSecrets::webhookSecret);
        }
        demoShops.add(registration.register(new ShopRegistration.Request(options.shop(), Platform.SHOPIFY,
                "https://" + options.shop(), "shop@demo.example", "Demo Shop", "owner@demo.example", "en", "USD",
                webhookSecret).withSettings(DEMO_SETTINGS.withPostalAddress(DEMO_POSTAL_ADDRESS))));
        demoShops.add(registration.register(new ShopRegistration.Request("https://" + WOO_DEMO_SHOP, Platform.WOOCOMMERCE,
                "https://" + WOO_DEMO_SHOP, "shop@woo.demo.local", "Woo Demo", "owner@woo.demo.local", "en", "USD",
                webhookSecret).withSettings(DEMO_SETTINGS.withPostalAddress(DEMO_POSTAL_ADDRESS))));
    }

    /** The SDK reads these before anything else in its default chains: the emulator takes any credentials. */
    private static void useDummyAwsCredentials() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        System.setProperty("aws.region", LocalEventBus.REGION);
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return "http://localhost:" + http.port();
    }

    public String awsEndpoint() {
        return endpoint;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    public List<Shop> demoShops() {
        return List.copyOf(demoShops);
    }

    public LocalEventBus eventBus() {
        return bus;
    }

    public LocalOutbox outbox() {
        return outbox;
    }

    public LocalClock clock() {
        return clock;
    }

    public ApplicationContext applicationContext() {
        return context;
    }

    LocalTemplate template() {
        return template;
    }

    /** What the runner prints once it is ready; the first line says {@code ready} and the base URL. */
    List<String> banner() {
        List<String> lines = new ArrayList<>();
        String base = baseUrl();
        lines.add("loyalty-loop local runner ready at " + base);
        lines.add("  template:      " + template.source().toAbsolutePath().normalize() + " (" + template.functions().size()
                + " functions, " + template.routes().size() + " routes, " + template.rules().size() + " rules, "
                + template.schedules().size() + " schedules)");
        lines.add("  AWS emulator:  " + endpoint + (moto != null ? " (moto_server, stopped with the runner)" : " (given)")
                + "; table " + TABLE + (createdTables.isEmpty() ? " (already there)" : " (created)"));
        lines.add("  demo shops (webhook secret " + webhookSecret + "):");
        for (Shop shop : demoShops) {
            lines.add("    " + shop.platform().wireName() + "  " + shop.domain() + "  -> POST " + base + "/webhooks/"
                    + shop.platform().wireName() + "   (secret in SSM " + shop.webhookSecretRef() + ")");
        }
        lines.add("  link-signing key: SSM SecureString " + LINK_KEY_SECRET);
        lines.add("  outbox:        " + base + "/_local/outbox.html   (JSON: " + base + "/_local/outbox)");
        lines.add("  clock:         curl -s -X POST " + base + "/_local/clock -d '{\"advance\":\"P45D\"}'");
        lines.add("  try a signed Shopify order:");
        // Not the README's sample order (events/shopify-orders-create.json), and placed now: a survey more than a
        // week past due is dropped, so an old fixed date would stop the loop after a while.
        lines.add("    body='{\"id\":" + BANNER_ORDER_ID + ",\"order_number\":2001,\"email\":\"tea.lover@example.com\",\"currency\":\"USD\","
                + "\"total_price\":\"19.99\",\"created_at\":\"" + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\","
                + "\"customer\":{\"first_name\":\"Tess\"},"
                + "\"line_items\":[{\"title\":\"Tea\",\"quantity\":1,\"price\":\"19.99\",\"product_id\":1}]}'");
        lines.add("    sig=$(printf %s \"$body\" | openssl dgst -sha256 -hmac '" + webhookSecret + "' -binary | base64)");
        lines.add("    curl -si " + base + "/webhooks/shopify -H 'Content-Type: application/json' -H 'X-Shopify-Topic: orders/create'"
                + " -H 'X-Shopify-Shop-Domain: " + demoShops.get(0).domain() + "' -H \"X-Shopify-Webhook-Id: $(date +%s%N)\""
                + " -H \"X-Shopify-Hmac-Sha256: $sig\" --data-binary \"$body\"");
        return lines;
    }

    /** Stops the schedules, the HTTP server, the functions' context and the moto server; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (schedules != null) {
            schedules.close();
        }
        if (http != null) {
            http.close();
        }
        if (bus != null) {
            try {
                bus.awaitIdle(Duration.ofSeconds(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (context != null && context.isRunning()) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("local runner: closing the application context failed: " + e);
            }
        }
        if (moto != null) {
            moto.close();
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("shops")) {
            System.exit(ShopsCommand.run(Arrays.asList(args).subList(1, args.length)));
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(RunnerOptions.USAGE);
            return;
        }
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(Arrays.asList(args));
        } catch (Flags.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(RunnerOptions.USAGE);
            System.exit(Flags.EXIT_USAGE);
            return;
        }
        LocalRunner runner;
        try {
            runner = start(options);
        } catch (RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().contains(MotoServer.INSTALL_HINT)) {
                System.err.println("loyalty-loop local runner: " + e.getMessage());
                System.exit(EXIT_NO_MOTO);
            }
            System.err.println("loyalty-loop local runner could not start: " + e.getMessage());
            boolean explained = e instanceof IllegalArgumentException || e.getCause() instanceof java.net.BindException;
            if (!explained) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("loyalty-loop local runner stopping");
            runner.close();
        }, "local-runner-stop"));
        runner.banner().forEach(System.out::println);
        System.out.flush();
    }
}
