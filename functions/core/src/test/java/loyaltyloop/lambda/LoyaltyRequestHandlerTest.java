package loyaltyloop.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.platforms.ShopApiClient;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.time.ClockFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The context every function's handler starts with, built the way Lambda builds the handler (no-arg constructor). */
@MotoTest
class LoyaltyRequestHandlerTest {

    /** Injects only a clock: nothing else of core's should be made. */
    static final class ClockOnlyHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

        @jakarta.inject.Inject
        java.time.Clock clock;

        ClockOnlyHandler() {
        }

        ClockOnlyHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        public String execute(Map<String, Object> input) {
            return clock.instant().toString();
        }
    }

    @Test
    void aHandlerBuiltAsLambdaBuildsItCreatesOnlyWhatItInjects() {
        ClockOnlyHandler handler = new ClockOnlyHandler();
        try (ApplicationContext context = handler.getApplicationContext()) {
            assertThat(handler.clock).isNotNull();
            assertThat(context.getActiveBeanRegistrations(ClockFactory.class)).hasSize(1);
            // Core's other singletons (services, stores, SDK clients, the shops' HTTP client) stay unmade.
            assertThat(context.getActiveBeanRegistrations(ShopApiClient.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)).isEmpty();
        }
    }

    @Test
    void itsEnvironmentsAreFunctionAndLambdaWithoutProbing() {
        ClockOnlyHandler handler = new ClockOnlyHandler();
        try (ApplicationContext context = handler.getApplicationContext()) {
            assertThat(context.getEnvironment().getActiveNames()).contains("function", "lambda").doesNotContain("test");
        }
    }

    private static ApplicationContext contextOn(String table, String endpoint) {
        return LoyaltyRequestHandler.contextBuilder()
                .properties(Map.of("loyalty.table", table, "loyalty.aws.endpoint-url", endpoint,
                        "loyalty.test.count-capacity", "true"))
                .start();
    }

    @Test
    void theHookBeforeASnapStartSnapshotReadsTheTableOnceAndWritesNothing() {
        String table = TestAws.createTable();
        ClockOnlyHandler handler = new ClockOnlyHandler(contextOn(table, TestAws.endpoint()));
        try (ApplicationContext context = handler.getApplicationContext();
             DynamoDbClient dynamo = TestAws.dynamo()) {
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);

            CapacityCountingDynamoDbClient counted = context.getBean(CapacityCounting.class).counter();
            assertThat(counted.rcuByOperation()).containsOnlyKeys("GetItem");
            assertThat(counted.rcu()).isEqualTo(0.5);
            assertThat(counted.wcu()).isZero();
            assertThat(dynamo.scan(b -> b.tableName(table)).count()).isZero();
        }
    }

    @Test
    void aPrimingThatFailsLeavesTheSnapshotToBeTaken() {
        // No such table: the read fails, and a hook that threw would fail the version's publication.
        ClockOnlyHandler handler = new ClockOnlyHandler(contextOn(TestAws.unique("missing"), TestAws.endpoint()));
        try (ApplicationContext context = handler.getApplicationContext()) {
            handler.beforeCheckpoint(null);

            assertThat(context.getBean(CapacityCounting.class).counter().rcu()).isZero();
        }
    }
}
