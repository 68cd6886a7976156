package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import static loyaltyloop.http.EdgeFixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** What every HTTP handler does when answering fails. */
@UnitTest
class HttpRequestHandlerTest {

    /** Fails the way a lost table or a bug would, with a message that must not reach the caller. */
    static final class FailingHandler extends HttpRequestHandler {

        FailingHandler() {
        }

        FailingHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        protected APIGatewayV2HTTPResponse answer(HttpApiRequest request) {
            throw new IllegalStateException("table loyalty-secret-name is gone: " + request.pathParameter("token"));
        }
    }

    @Test
    void aFailureIsA500TryLaterPageThatSaysNothingOfIt() {
        FailingHandler handler = new FailingHandler();
        try (ApplicationContext context = handler.getApplicationContext()) {
            APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
            event.setPathParameters(java.util.Map.of("token", "tok-123"));

            String html = page(handler.handleRequest(event, null), 500, "en");

            assertThat(html).contains("try the link again").doesNotContain("loyalty-secret-name", "tok-123",
                    "IllegalStateException");
        }
    }
}
