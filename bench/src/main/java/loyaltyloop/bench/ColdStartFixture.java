package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import loyaltyloop.admin.ShopRegistration;
import loyaltyloop.affirmation.AffirmationHandler;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.followup.FollowUpSchedulingHandler;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.links.Links;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.survey.SurveyPageHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Prepares a running moto server for the cold-start benchmark, as a deployment would be: the table (shaped like
 * {@code LoyaltyTable}), the bus, the link-signing key, the demo shop with its webhook secret in SSM and its
 * verified sender, and the sample order already through intake, thanks and scheduling (so the affirmation,
 * unsubscribe and scheduling samples find their customer), and its survey answered (so the follow-through and
 * the coupon redemption samples find a coupon). Writes, under OUT_DIR:
 *
 * <ul>
 *   <li>{@code env}: the functions' environment, one {@code NAME=value} a line;</li>
 *   <li>{@code events/*.json}: the sample event of each function ({@code events/} of the repository, the unsubscribe
 *       one with a real signed token, the survey, points and referral ones with their placeholders filled, and a
 *       Scheduled Event for the two scheduled functions).</li>
 * </ul>
 *
 * <pre>java -cp bench/target/loyalty-bench.jar loyaltyloop.bench.ColdStartFixture ENDPOINT OUT_DIR [REPO_DIR]</pre>
 */
public final class ColdStartFixture {

    static final String TABLE = "LoyaltyTable";
    static final String BUS = "bench-bus";
    static final String SECRET_PREFIX = "/loyalty-loop/bench/shops/";
    /** Made by the shop's registration below, as {@code shops add} makes it. */
    static final String LINK_KEY = ShopRegistration.linkKeyParameter(SECRET_PREFIX);
    static final String SHOP = "demo.myshopify.com";
    /** The sample events' published secret (events/README.md), never a real shop's. */
    static final String SAMPLE_SECRET = "sample-shopify-secret";
    static final String PUBLIC_BASE_URL = "https://bench.example";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ColdStartFixture() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ColdStartFixture ENDPOINT OUT_DIR [REPO_DIR]");
            System.exit(64);
        }
        String endpoint = args[0];
        Path out = Path.of(args[1]);
        Path repo = Path.of(args.length > 2 ? args[2] : ".");
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");
        System.setProperty("aws.region", "us-east-1");
        Files.createDirectories(out.resolve("events"));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("loyalty.table", TABLE);
        properties.put("loyalty.event-bus", BUS);
        properties.put("loyalty.link-key-secret", LINK_KEY);
        properties.put("loyalty.shop-secret-prefix", SECRET_PREFIX);
        properties.put("loyalty.public-base-url", PUBLIC_BASE_URL);
        properties.put("loyalty.aws.endpoint-url", endpoint);
        // Set-up, not measured: moto loads each service on its first call, slower than the production timeouts on a
        // busy machine (a retried CreateTable then finds its own table).
        properties.put("loyalty.aws.attempt-timeout", "20s");
        properties.put("loyalty.aws.call-timeout", "60s");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            createTable(context.getBean(DynamoDbClient.class), TABLE);
            context.getBean(EventBridgeClient.class).createEventBus(b -> b.name(BUS));
            context.getBean(SesV2Client.class).createEmailIdentity(b -> b.emailIdentity("shop@demo.example"));
            context.getBean(SesV2Client.class).createEmailIdentity(b -> b.emailIdentity("demo.example"));
            Shop shop = new ShopRegistration(context.getBean(SsmClient.class), context.getBean(ShopStore.class), SECRET_PREFIX)
                    .register(new ShopRegistration.Request(SHOP, Platform.SHOPIFY, "https://" + SHOP, "shop@demo.example",
                            "Demo Shop", "owner@demo.example", "en", "USD", SAMPLE_SECRET));
            // Coupons at the demo checkout, as in the local runner: nothing leaves the machine.
            context.getBean(ShopStore.class).save(shop.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO));

            Path orderCreate = repo.resolve("events/shopify-orders-create.json");
            Path orderPlaced = repo.resolve("events/order-placed.json");
            APIGatewayV2HTTPEvent delivery = JSON.readValue(orderCreate.toFile(), APIGatewayV2HTTPEvent.class);
            int status = new OrderIntakeHandler(context).handleRequest(delivery, null).getStatusCode();
            Map<String, Object> placed = JSON.readValue(orderPlaced.toFile(), new TypeReference<>() { });
            String scheduled = new FollowUpSchedulingHandler(context).handleRequest(placed, null);
            String thanked = new AffirmationHandler(context).handleRequest(placed, null);
            System.out.println("fixture: sample order through intake (" + status + "), scheduling (" + scheduled
                    + "), affirmation (" + thanked + ")");

            Customer jane = context.getBean(CustomerStore.class).find(SHOP, "jane.doe@example.com")
                    .orElseThrow(() -> new IllegalStateException("intake did not record the sample customer"));
            String url = context.getBean(Links.class).unsubscribeUrl(PUBLIC_BASE_URL, SHOP, jane.referralCode());
            String token = url.substring(url.lastIndexOf('/') + 1);
            String unsubscribe = Files.readString(repo.resolve("events/unsubscribe-get.json"))
                    .replace("REPLACE_WITH_SIGNED_TOKEN", token);

            Files.copy(orderCreate, out.resolve("events/intake.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(orderPlaced, out.resolve("events/order-placed.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(out.resolve("events/unsubscribe.json"), unsubscribe);
            Files.writeString(out.resolve("events/scheduled.json"), JSON.writeValueAsString(scheduledEvent()));
            Files.copy(repo.resolve("events/sweep-part-due.json"), out.resolve("events/sweep-part-due.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // The survey and referral samples, their placeholders filled as events/README.md says: a signed survey
            // token, the coupon of a real answer (Jane answered the sample form once), Jane's referral code, a
            // signed points token. Re-delivered in every run, the consumers' samples are repeats after the first.
            String surveyUrl = context.getBean(Links.class).surveyUrl(PUBLIC_BASE_URL, SHOP, jane.referralCode(),
                    "820982911946154508", Duration.ofDays(30));
            String surveyToken = surveyUrl.substring(surveyUrl.lastIndexOf('/') + 1);
            String surveyGet = fill(repo, "survey-get.json", "REPLACE_WITH_SIGNED_TOKEN", surveyToken);
            APIGatewayV2HTTPResponse answered = new SurveyPageHandler(context).handleRequest(JSON.readValue(
                    fill(repo, "survey-post.json", "REPLACE_WITH_SIGNED_TOKEN", surveyToken), APIGatewayV2HTTPEvent.class), null);
            Matcher shown = Pattern.compile("class=\"code\">([A-Z0-9-]+)<").matcher(String.valueOf(answered.getBody()));
            if (answered.getStatusCode() != 200 || !shown.find()) {
                throw new IllegalStateException("the sample survey answer showed no coupon (" + answered.getStatusCode() + ")");
            }
            String coupon = shown.group(1);
            String pointsUrl = context.getBean(Links.class).pointsUrl(PUBLIC_BASE_URL, SHOP, jane.referralCode());
            String pointsToken = pointsUrl.substring(pointsUrl.lastIndexOf('/') + 1);
            Files.writeString(out.resolve("events/survey-get.json"), surveyGet);
            Files.writeString(out.resolve("events/survey-completed.json"),
                    fill(repo, "survey-completed.json", "REPLACE_WITH_COUPON_CODE", coupon));
            Files.writeString(out.resolve("events/order-placed-with-code.json"),
                    fill(repo, "order-placed-with-code.json", "REPLACE_WITH_COUPON_CODE", coupon));
            Files.writeString(out.resolve("events/referral-redirect.json"),
                    fill(repo, "referral-redirect.json", "REPLACE_WITH_REFERRAL_CODE", jane.referralCode()));
            Files.writeString(out.resolve("events/points-get.json"),
                    fill(repo, "points-get.json", "REPLACE_WITH_SIGNED_TOKEN", pointsToken));
            Files.writeString(out.resolve("events/order-placed-referred.json"),
                    fill(repo, "order-placed-referred.json", "REPLACE_WITH_REFERRAL_CODE", jane.referralCode()));
            System.out.println("fixture: survey answered (coupon shown), survey, referral and points samples written");
        }

        StringBuilder env = new StringBuilder();
        env.append("LOYALTY_TABLE=").append(TABLE).append('\n');
        env.append("LOYALTY_EVENT_BUS=").append(BUS).append('\n');
        env.append("LOYALTY_LINK_KEY_SECRET=").append(LINK_KEY).append('\n');
        env.append("LOYALTY_PUBLIC_BASE_URL=").append(PUBLIC_BASE_URL).append('\n');
        env.append("LOYALTY_SHOP_SECRET_PREFIX=").append(SECRET_PREFIX).append('\n');
        env.append("LOYALTY_AWS_ENDPOINT_URL=").append(endpoint).append('\n');
        env.append("LOYALTY_BENCH_SHOPIFY_SECRET=").append(SAMPLE_SECRET).append('\n');
        env.append("LOYALTY_BENCH_FRESH=1\n");
        env.append("AWS_REGION=us-east-1\n");
        env.append("AWS_ACCESS_KEY_ID=bench\n");
        env.append("AWS_SECRET_ACCESS_KEY=bench\n");
        env.append("AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024\n");
        Files.writeString(out.resolve("env"), env.toString());
        System.out.println("fixture: ready in " + out.toAbsolutePath());
    }

    static void createTable(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("PK"), attr("SK"), attr("duePk"), attr("dueAt"))
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("DueIndex")
                        .keySchema(key("duePk", KeyType.HASH), key("dueAt", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
    }

    /** A sample event of {@code events/} with its placeholder filled, as events/README.md says. */
    static String fill(Path repo, String sample, String placeholder, String value) throws java.io.IOException {
        return Files.readString(repo.resolve("events").resolve(sample)).replace(placeholder, value);
    }

    /** What EventBridge delivers to a function on a schedule. */
    static Map<String, Object> scheduledEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "123456789012");
        event.put("time", "2026-11-29T07:00:00Z");
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:events:us-east-1:123456789012:rule/loyalty-loop-schedule"));
        event.put("detail", Map.of());
        return event;
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
