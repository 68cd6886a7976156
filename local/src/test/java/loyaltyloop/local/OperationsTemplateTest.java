package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations part of template.yaml: every alarm (listed here by name, so a new one is a visible change), an
 * alarm on every dead-letter queue and every function, an on-failure destination for every function invoked
 * asynchronously, the dashboard of the loop's metrics, and the per-route throttles.
 */
@UnitTest
class OperationsTemplateTest {

    /** Every alarm of the template. */
    static final List<String> ALARMS = List.of(
            "AffirmationDeadLettersAlarm", "FollowUpDeadLettersAlarm", "SurveyDeadLettersAlarm",
            "ReferralDeadLettersAlarm", "ScheduledRunsDeadLettersAlarm",
            "OrderIntakeFailingAlarm", "AffirmationFailingAlarm", "UnsubscribeFailingAlarm",
            "FollowUpSchedulingFailingAlarm", "FollowUpSweepFailingAlarm", "OwnerDigestFailingAlarm",
            "SurveyPageFailingAlarm", "SurveyFollowThroughFailingAlarm", "CouponRedemptionFailingAlarm",
            "ReferralRedirectFailingAlarm", "PointsFailingAlarm", "ReferralEventsFailingAlarm",
            "IntakeServerErrorsAlarm", "OwnerPageFailingAlarm", "ReconciliationFailingAlarm",
            "SesEventsDeadLettersAlarm", "SesEventsFailingAlarm",
            "FollowUpSweepDeadLettersAlarm", "FollowUpSweepWorkerFailingAlarm",
            // privacy (issue 15)
            "PrivacyDeadLettersAlarm", "PrivacyEventsFailingAlarm", "RetentionFailingAlarm");

    private static Map<String, Map<String, Object>> resources;
    private static Map<String, Map<String, Object>> alarms;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheTemplate() throws Exception {
        Map<String, Object> template;
        try (Reader in = Files.newBufferedReader(TemplateReader.locate(null, Path.of("")))) {
            template = CfnYaml.yaml().load(in);
        }
        resources = (Map<String, Map<String, Object>>) template.get("Resources");
        alarms = new TreeMap<>();
        resources.forEach((id, r) -> {
            if ("AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                alarms.put(id, properties(id));
            }
        });
    }

    @Test
    void theAlarmsAreExactlyTheListedOnes() {
        assertThat(alarms.keySet()).containsExactlyInAnyOrderElementsOf(ALARMS);
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmOnAnyVisibleMessage() {
        List<String> queues = ids("AWS::SQS::Queue");
        assertThat(queues).isNotEmpty().allSatisfy(queue -> assertThat(alarms.values()).anySatisfy(alarm -> {
            assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(String.valueOf(alarm.get("Dimensions"))).contains("[" + queue + ", QueueName]");
            assertThat(((Number) alarm.get("Threshold")).doubleValue()).isEqualTo(1.0);
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanOrEqualToThreshold");
        }));
    }

    @Test
    void everyFunctionHasAnAlarmOnItsErrorsAndThrottles() {
        List<String> functions = ids("AWS::Serverless::Function");
        assertThat(functions).hasSizeGreaterThanOrEqualTo(12).allSatisfy(function -> {
            List<String> measured = alarms.values().stream()
                    .flatMap(alarm -> lambdaMetricsOf(alarm, function).stream()).toList();
            assertThat(measured).as(function).contains("Errors", "Throttles");
        });
    }

    @Test
    void theWebhooks5xxAnswersHaveAnAlarm() {
        String alarm = String.valueOf(alarms.get("IntakeServerErrorsAlarm").get("Metrics"));
        assertThat(alarm).contains("5xx", "/webhooks/shopify", "/webhooks/woocommerce");
    }

    @Test
    void everyAlarmGoesToTheTopicWhichMailsTheAlarmEmailOnlyWhenOneIsGiven() {
        assertThat(alarms).allSatisfy((id, alarm) -> assertThat(String.valueOf(alarm.get("AlarmActions")))
                .as(id).contains("AlarmTopic"));
        Map<String, Object> subscription = resources.get("AlarmEmailSubscription");
        assertThat(subscription.get("Condition")).isEqualTo("HasAlarmEmail");
        assertThat(String.valueOf(properties("AlarmEmailSubscription").get("Endpoint"))).contains("AlarmEmail");
        assertThat(properties("AlarmEmailSubscription").get("Protocol")).isEqualTo("email");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAsynchronouslyInvokedFunctionSendsFailedInvocationsToAQueueItsRoleMayWrite() {
        List<String> asynchronous = ids("AWS::Serverless::Function").stream().filter(id -> {
            Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) properties(id)
                    .getOrDefault("Events", Map.of());
            return events.values().stream().anyMatch(e -> List.of("EventBridgeRule", "Schedule", "ScheduleV2")
                    .contains(e.get("Type")));
        }).toList();
        assertThat(asynchronous).contains("OwnerDigestFunction", "FollowUpSweepFunction", "AffirmationFunction");
        assertThat(asynchronous).allSatisfy(id -> {
            Map<String, Object> config = (Map<String, Object>) properties(id).get("EventInvokeConfig");
            assertThat(config).as(id + " EventInvokeConfig").isNotNull();
            Map<String, Object> onFailure = (Map<String, Object>) ((Map<String, Object>) config.get("DestinationConfig"))
                    .get("OnFailure");
            assertThat(onFailure.get("Type")).isEqualTo("SQS");
            String queue = logicalId(onFailure.get("Destination"));
            assertThat(resources.get(queue).get("Type")).isEqualTo("AWS::SQS::Queue");
            assertThat(String.valueOf(resources.get(logicalId(properties(id).get("Role")))))
                    .as(id + "'s role may send to its queue").contains("sqs:SendMessage", "[" + queue + ", Arn]");
        });
    }

    @Test
    void theDashboardShowsEveryMetricTheLoopCounts() {
        String body = String.valueOf(properties("OperationsDashboard").get("DashboardBody"));
        assertThat(body).contains(LoopMetrics.ORDERS_ACCEPTED, LoopMetrics.ORDER_DUPLICATES, LoopMetrics.ORDERS_IGNORED,
                LoopMetrics.EMAILS_SENT, LoopMetrics.COUPONS_ISSUED, LoopMetrics.COUPONS_REDEEMED,
                LoopMetrics.POINTS_CREDITED, LoopMetrics.REASON, LoopMetrics.KIND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCustomerLinkRouteHasAThrottleBelowTheWebhooksDefault() {
        Map<String, Object> api = properties("HttpApi");
        Map<String, Object> defaults = (Map<String, Object>) api.get("DefaultRouteSettings");
        Map<String, Map<String, Object>> routes = (Map<String, Map<String, Object>>) api.get("RouteSettings");
        double webhookRate = ((Number) defaults.get("ThrottlingRateLimit")).doubleValue();
        List<String> routeKeys = new ArrayList<>();
        for (String id : ids("AWS::Serverless::Function")) {
            Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) properties(id)
                    .getOrDefault("Events", Map.of());
            events.values().stream().filter(e -> "HttpApi".equals(e.get("Type")))
                    .map(e -> (Map<String, Object>) e.get("Properties"))
                    .forEach(p -> routeKeys.add(p.get("Method") + " " + p.get("Path")));
        }
        assertThat(routeKeys).contains("POST /webhooks/shopify", "GET /r/{code}");
        assertThat(routes.keySet()).as("settings only for routes that exist").isSubsetOf(routeKeys);
        assertThat(routeKeys).allSatisfy(key -> {
            Map<String, Object> settings = routes.get(key);
            assertThat(settings).as(key).isNotNull();
            if (key.contains(" /webhooks/")) {
                assertThat(settings).as(key).containsEntry("DetailedMetricsEnabled", true)
                        .doesNotContainKey("ThrottlingRateLimit");
            } else {
                assertThat(((Number) settings.get("ThrottlingRateLimit")).doubleValue()).as(key)
                        .isLessThanOrEqualTo(webhookRate / 4);
                assertThat(settings).as(key).containsKey("ThrottlingBurstLimit");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> lambdaMetricsOf(Map<String, Object> alarm, String function) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> query : (List<Map<String, Object>>) alarm.getOrDefault("Metrics", List.of())) {
            Map<String, Object> stat = (Map<String, Object>) query.get("MetricStat");
            if (stat == null) {
                continue;
            }
            Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
            if ("AWS/Lambda".equals(metric.get("Namespace"))
                    && String.valueOf(metric.get("Dimensions")).contains("FunctionName")
                    && String.valueOf(metric.get("Dimensions")).contains("=" + function + "}")) {
                names.add(String.valueOf(metric.get("MetricName")));
            }
        }
        return names;
    }

    /** The resource an {@code !Ref} or {@code !GetAtt} names. */
    private static String logicalId(Object reference) {
        Object target = ((Map<?, ?>) reference).values().iterator().next();
        return String.valueOf(target instanceof List<?> parts ? parts.get(0) : target);
    }

    private static List<String> ids(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String id) {
        return (Map<String, Object>) resources.get(id).get("Properties");
    }
}
