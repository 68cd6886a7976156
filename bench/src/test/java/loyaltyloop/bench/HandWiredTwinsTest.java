package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import loyaltyloop.bench.twins.HandWiredOrderIntakeHandler;
import loyaltyloop.bench.twins.HandWiredPointsHandler;
import loyaltyloop.bench.twins.HandWiredReferralEventsHandler;
import loyaltyloop.bench.twins.HandWiredSurveyFollowThroughHandler;
import loyaltyloop.bench.twins.HandWiredUnsubscribeHandler;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import loyaltyloop.referral.PointsHandler;
import loyaltyloop.referral.ReferralEventsHandler;
import loyaltyloop.survey.SurveyFollowThroughHandler;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.unsubscribe.UnsubscribeHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor of {@code frameworkOverheadMax} cannot drift: each hand-wired twin of the cold-start benchmark answers the
 * function's sample event (as {@code bench/run} prepares it: {@link ColdStartFixture}) exactly as the real handler
 * does, the real one on a context of its committed bean list, as Lambda starts it.
 */
@MotoTest
class HandWiredTwinsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @TempDir
    static Path fixture;
    private static Map<String, String> env;

    @BeforeAll
    static void prepare() throws Exception {
        ColdStartFixture.main(new String[] {TestAws.endpoint(), fixture.toString(), ".."});
        env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fixture.resolve("env"))) {
            int eq = line.indexOf('=');
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        // A busy test machine must not turn a slow emulator into a 503 on one side only.
        env.put("LOYALTY_AWS_ATTEMPT_TIMEOUT", "20s");
        env.put("LOYALTY_AWS_CALL_TIMEOUT", "60s");
        env.put("LOYALTY_HTTP_BUDGET", "60s");
        env.put("LOYALTY_INTAKE_BUDGET", "60s");
    }

    /** The environment as the properties Micronaut derives from it. */
    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("LOYALTY_") && !name.startsWith("LOYALTY_BENCH_")) {
                p.put(name.toLowerCase().replace('_', '.'), value);
            }
        });
        p.put("loyalty.table", env.get("LOYALTY_TABLE"));
        p.put("loyalty.event-bus", env.get("LOYALTY_EVENT_BUS"));
        p.put("loyalty.link-key-secret", env.get("LOYALTY_LINK_KEY_SECRET"));
        p.put("loyalty.public-base-url", env.get("LOYALTY_PUBLIC_BASE_URL"));
        p.put("loyalty.shop-secret-prefix", env.get("LOYALTY_SHOP_SECRET_PREFIX"));
        p.put("loyalty.aws.endpoint-url", env.get("LOYALTY_AWS_ENDPOINT_URL"));
        p.put("loyalty.aws.attempt-timeout", "20s");
        p.put("loyalty.aws.call-timeout", "60s");
        p.put("loyalty.http.budget", "60s");
        p.put("loyalty.intake.budget", "60s");
        return p;
    }

    @Test
    void unsubscribe() throws Exception {
        assertSameAnswers(UnsubscribeHandler.class, HandWiredUnsubscribeHandler::new, "unsubscribe.json");
    }

    @Test
    void orderIntake() throws Exception {
        assertSameAnswers(OrderIntakeHandler.class, HandWiredOrderIntakeHandler::new, "intake.json");
    }

    @Test
    void points() throws Exception {
        assertSameAnswers(PointsHandler.class, HandWiredPointsHandler::new, "points-get.json");
    }

    @Test
    void referralEvents() throws Exception {
        assertSameAnswers(ReferralEventsHandler.class, HandWiredReferralEventsHandler::new, "order-placed-referred.json");
    }

    @Test
    void surveyFollowThrough() throws Exception {
        assertSameAnswers(SurveyFollowThroughHandler.class, HandWiredSurveyFollowThroughHandler::new,
                "survey-completed.json");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertSameAnswers(Class<? extends LoyaltyRequestHandler<?, ?>> real,
            Function<Map<String, String>, RequestHandler<?, ?>> twin, String event) throws Exception {
        try (ApplicationContext context = LoyaltyRequestHandler.contextBuilder(real).properties(properties()).start()) {
            RequestHandler realHandler = real.getConstructor(ApplicationContext.class).newInstance(context);
            RequestHandler twinHandler = twin.apply(env);
            JsonNode sample = JSON.readTree(Files.readAllBytes(fixture.resolve("events").resolve(event)));
            Object byHand = twinHandler.handleRequest(input(real, sample), null);
            Object byMicronaut = realHandler.handleRequest(input(real, sample), null);

            assertThat(describe(byHand)).isEqualTo(describe(byMicronaut));
            assertThat(describe(byMicronaut)).doesNotContain("status=5").isNotEqualTo("ignored");
        }
    }

    /** What Lambda hands the handler: the event as a first delivery, as {@code InvokeOnce} reads it. */
    private static Object input(Class<?> handler, JsonNode sample) throws Exception {
        JsonNode event = InvokeOnce.fresh(JSON, sample, env.get("LOYALTY_BENCH_SHOPIFY_SECRET"));
        Class<?> type = InvokeOnce.inputType(handler);
        return Map.class.isAssignableFrom(type) ? JSON.convertValue(event, Map.class) : JSON.treeToValue(event, type);
    }

    private static String describe(Object answer) {
        if (answer instanceof APIGatewayV2HTTPResponse http) {
            return "status=" + http.getStatusCode() + " headers=" + new java.util.TreeMap<>(http.getHeaders())
                    + " base64=" + http.getIsBase64Encoded() + " body="
                    // the points page's redemption id is new on every view (a redeem posted twice counts once)
                    + http.getBody().replaceAll("name=\"rid\" value=\"[^\"]*\"", "name=\"rid\" value=\"…\"");
        }
        return String.valueOf(answer);
    }

}
