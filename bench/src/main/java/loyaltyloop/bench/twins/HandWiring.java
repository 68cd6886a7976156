package loyaltyloop.bench.twins;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import loyaltyloop.aws.AwsClients;
import loyaltyloop.aws.AwsSecretSource;
import loyaltyloop.aws.AwsTimeouts;
import loyaltyloop.aws.EmbeddedMetricFormat;
import loyaltyloop.aws.EventBridgeEventPublisher;
import loyaltyloop.aws.SesEmailSender;
import loyaltyloop.aws.SsmSecretReader;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerLadder;
import loyaltyloop.deliverability.Suppressions;
import loyaltyloop.dynamodb.DynamoCouponPool;
import loyaltyloop.dynamodb.DynamoCouponStore;
import loyaltyloop.dynamodb.DynamoCustomerStore;
import loyaltyloop.dynamodb.DynamoLadderCounts;
import loyaltyloop.dynamodb.DynamoLoopStats;
import loyaltyloop.dynamodb.DynamoOrderStore;
import loyaltyloop.dynamodb.DynamoPointsLedger;
import loyaltyloop.dynamodb.DynamoShopStore;
import loyaltyloop.dynamodb.DynamoSpendStats;
import loyaltyloop.dynamodb.DynamoSuppressionList;
import loyaltyloop.dynamodb.DynamoSurveyResponses;
import loyaltyloop.dynamodb.TableWarmUp;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.links.Links;
import loyaltyloop.platforms.ShopApiClient;
import loyaltyloop.platforms.ShopifyCouponProvisioner;
import loyaltyloop.platforms.WooCommerceCouponProvisioner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The functions' services built with {@code new}, for the hand-wired twins of the cold-start benchmark (issue 18's
 * {@code frameworkOverheadMax}): the same classes and constructor arguments Micronaut gives the handlers, each made
 * once and only when a twin asks for it, configured from the same environment variables and with the same defaults
 * as the {@code @Value}s of those classes. No framework: what a function costs without Micronaut.
 */
final class HandWiring {

    private final Map<String, String> env;
    private final Map<String, Object> made = new HashMap<>();

    HandWiring(Map<String, String> env) {
        this.env = env;
    }

    @SuppressWarnings("unchecked")
    private <T> T once(String name, Supplier<T> make) {
        Object existing = made.get(name);
        if (existing == null) {
            existing = make.get();
            made.put(name, existing);
        }
        return (T) existing;
    }

    String env(String name, String fallback) {
        String value = env.get(name);
        return value == null ? fallback : value;
    }

    private String table() {
        return env("LOYALTY_TABLE", null);
    }

    /** Micronaut's durations as the {@code @Value}s read them: {@code 2500ms}, {@code 1s}, {@code 60s}. */
    static Duration duration(String value) {
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.parse(value);
    }

    Clock clock() {
        return once("clock", Clock::systemUTC);
    }

    AwsTimeouts timeouts() {
        return once("timeouts", () -> new AwsTimeouts(duration(env("LOYALTY_AWS_ATTEMPT_TIMEOUT", "1s")),
                duration(env("LOYALTY_AWS_CALL_TIMEOUT", "2500ms")),
                Integer.parseInt(env("LOYALTY_AWS_MAX_ATTEMPTS", "3"))));
    }

    private AwsClients clients() {
        return once("clients", () -> new AwsClients(env("LOYALTY_AWS_ENDPOINT_URL", ""), timeouts()));
    }

    DynamoDbClient dynamo() {
        return once("dynamo", () -> clients().dynamoDb());
    }

    SesV2Client ses() {
        return once("ses", () -> clients().ses());
    }

    EventBridgeClient eventBridge() {
        return once("eventBridge", () -> clients().eventBridge());
    }

    AwsSecretSource secrets() {
        return once("secrets", () -> new AwsSecretSource(
                new SsmSecretReader(env("LOYALTY_AWS_ENDPOINT_URL", ""), timeouts())));
    }

    EmbeddedMetricFormat metrics() {
        return once("metrics", () -> new EmbeddedMetricFormat(env("LOYALTY_METRICS_NAMESPACE", "loyalty-loop"), clock()));
    }

    EventBridgeEventPublisher events() {
        return once("events", () -> new EventBridgeEventPublisher(eventBridge(), env("LOYALTY_EVENT_BUS", null)));
    }

    SesEmailSender sender() {
        return once("sender", () -> new SesEmailSender(ses(), metrics(),
                new Suppressions(new DynamoSuppressionList(dynamo(), table(), clock())),
                env("LOYALTY_SES_CONFIGURATION_SET", "")));
    }

    EmailTemplates templates() {
        return once("templates", EmailTemplates::new);
    }

    Links links() {
        return once("links", () -> new Links(secrets(), env("LOYALTY_LINK_KEY_SECRET", null), clock()));
    }

    DynamoShopStore shops() {
        return once("shops", () -> new DynamoShopStore(dynamo(), table()));
    }

    DynamoCustomerStore customerStore() {
        return once("customerStore", () -> new DynamoCustomerStore(dynamo(), table()));
    }

    CustomerAccounts accounts() {
        return once("accounts", () -> new CustomerAccounts(customerStore(), clock()));
    }

    DynamoOrderStore orders() {
        return once("orders", () -> new DynamoOrderStore(dynamo(), table()));
    }

    DynamoCouponStore coupons() {
        return once("coupons", () -> new DynamoCouponStore(dynamo(), table()));
    }

    DynamoLoopStats loopStats() {
        return once("loopStats", () -> new DynamoLoopStats(dynamo(), table()));
    }

    DynamoPointsLedger ledger() {
        return once("ledger", () -> new DynamoPointsLedger(dynamo(), table(), coupons()));
    }

    DynamoSpendStats spend() {
        return once("spend", () -> new DynamoSpendStats(dynamo(), table()));
    }

    CustomerLadder ladder() {
        return once("ladder", () -> new CustomerLadder(customerStore(), new DynamoLadderCounts(dynamo(), table()), clock()));
    }

    DynamoSurveyResponses surveyResponses() {
        return once("surveyResponses", () -> new DynamoSurveyResponses(dynamo(), table(), coupons()));
    }

    /** As Micronaut injects {@code List<CouponProvisioner>}: the shop platforms' and the pre-loaded pool. */
    CouponIssuer couponIssuer() {
        return once("couponIssuer", () -> {
            ShopApiClient api = new ShopApiClient(env("LOYALTY_COUPONS_API_BASE_URL", ""),
                    duration(env("LOYALTY_COUPONS_CONNECT_TIMEOUT", "3s")),
                    duration(env("LOYALTY_COUPONS_REQUEST_TIMEOUT", "5s")), secrets(), clock());
            return new CouponIssuer(List.of(new ShopifyCouponProvisioner(api), new WooCommerceCouponProvisioner(api),
                    new DynamoCouponPool(dynamo(), table(), clock())), coupons(), events(), clock(), metrics(), loopStats());
        });
    }

    TableWarmUp warmUp() {
        return once("warmUp", () -> new TableWarmUp(dynamo(), table()));
    }
}
