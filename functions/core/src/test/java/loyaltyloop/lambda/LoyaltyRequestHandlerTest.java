package loyaltyloop.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.coupons.platforms.ShopApiClient;
import loyaltyloop.time.ClockFactory;
import org.junit.jupiter.api.Test;

/** The context every function's handler starts with, built the way Lambda builds the handler (no-arg constructor). */
class LoyaltyRequestHandlerTest {

    /** Injects only a clock: nothing else of core's should be made. */
    static final class ClockOnlyHandler extends LoyaltyRequestHandler<Map<String, Object>, String> {

        @jakarta.inject.Inject
        java.time.Clock clock;

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
}
