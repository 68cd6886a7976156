package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import loyaltyloop.intake.IntakeResult;
import org.junit.jupiter.api.Test;

/** What a shop's webhook call is answered (DESIGN.md §4): no AWS, no context. */
@UnitTest
class IntakeResponsesTest {

    private static void answers(IntakeResult result, int status, String body) {
        APIGatewayV2HTTPResponse response = IntakeResponses.response(result);
        assertThat(response.getStatusCode()).as(result.toString()).isEqualTo(status);
        assertThat(response.getHeaders()).isEqualTo(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"));
        assertThat(response.getBody()).as(result.toString()).isEqualTo(body);
    }

    @Test
    void everythingTakenIs200SayingWhatBecameOfIt() {
        answers(new IntakeResult.Accepted(), 200, "{\"status\":\"accepted\"}");
        answers(new IntakeResult.Duplicate(), 200, "{\"status\":\"duplicate\"}");
        answers(new IntakeResult.Ignored("test order"), 200, "{\"status\":\"ignored\",\"reason\":\"test order\"}");
        answers(new IntakeResult.Ping(), 200, "{\"status\":\"ping\"}");
    }

    @Test
    void aRefusedCallIs401400Or413WithAShortError() {
        answers(new IntakeResult.Unauthorized(), 401, "{\"error\":\"invalid signature\"}");
        answers(new IntakeResult.BadRequest("body is not JSON"), 400, "{\"error\":\"body is not JSON\"}");
        answers(new IntakeResult.TooLarge(), 413, "{\"error\":\"payload too large\"}");
    }
}
