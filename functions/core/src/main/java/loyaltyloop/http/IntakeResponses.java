package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.json.Json;
import loyaltyloop.intake.IntakeResult;
import loyaltyloop.intake.IntakeResult.Accepted;
import loyaltyloop.intake.IntakeResult.BadRequest;
import loyaltyloop.intake.IntakeResult.Duplicate;
import loyaltyloop.intake.IntakeResult.Ignored;
import loyaltyloop.intake.IntakeResult.Ping;
import loyaltyloop.intake.IntakeResult.TooLarge;
import loyaltyloop.intake.IntakeResult.Unauthorized;

/**
 * The answers to the shops' webhook calls: 200 with {@code {"status": ...}} for everything taken, ignored ones
 * with their {@code reason}; 401, 400 or 413 with {@code {"error": ...}} for a call that is refused.
 */
public final class IntakeResponses {

    private IntakeResponses() {
    }

    public static APIGatewayV2HTTPResponse response(IntakeResult result) {
        if (result instanceof Accepted) {
            return taken("accepted", null);
        }
        if (result instanceof Duplicate) {
            return taken("duplicate", null);
        }
        if (result instanceof Ignored ignored) {
            return taken("ignored", ignored.reason());
        }
        if (result instanceof Ping) {
            return taken("ping", null);
        }
        if (result instanceof Unauthorized) {
            return HttpResponses.error(401, "invalid signature");
        }
        if (result instanceof BadRequest bad) {
            return HttpResponses.error(400, bad.reason());
        }
        if (result instanceof IntakeResult.Busy) {
            return HttpResponses.withRetryAfter(HttpResponses.error(503, "temporarily unavailable, try again"), "5");
        }
        if (result instanceof TooLarge) {
            return HttpResponses.error(413, "payload too large");
        }
        throw new IllegalArgumentException("no answer for " + result);
    }

    private static APIGatewayV2HTTPResponse taken(String status, String reason) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return HttpResponses.json(200, body);
    }
}
