package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;

/**
 * Building API Gateway HTTP API responses: JSON, short errors, pages and redirects. Requests are read by
 * {@link HttpApiRequest}.
 */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, ObjectNode body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json", "Cache-Control", "no-store"))
                .withBody(Json.write(body))
                .build();
    }

    /** A short JSON error, {@code {"error": message}}: never a stack trace or a cause. */
    public static APIGatewayV2HTTPResponse error(int status, String message) {
        return json(status, errorBody(message));
    }

    static ObjectNode errorBody(String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", message);
        return body;
    }

    /** The same response, telling the caller to try again after {@code seconds}. */
    public static APIGatewayV2HTTPResponse withRetryAfter(APIGatewayV2HTTPResponse response, String seconds) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
        headers.put("Retry-After", seconds);
        response.setHeaders(headers);
        return response;
    }

    public static APIGatewayV2HTTPResponse methodNotAllowed() {
        return error(405, "method not allowed");
    }

    /**
     * JSON a script on another site may read: only the origin in {@code allowOrigin} (none when null) gets
     * {@code Access-Control-Allow-Origin}, and caches keep one answer per origin.
     */
    public static APIGatewayV2HTTPResponse crossOriginJson(int status, ObjectNode body, String allowOrigin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Vary", "Origin");
        if (allowOrigin != null) {
            headers.put("Access-Control-Allow-Origin", allowOrigin);
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers)
                .withBody(Json.write(body)).build();
    }

    /** An HTML page that carries a token in its URL: never cached, never leaked as a referrer, no scripts. */
    public static APIGatewayV2HTTPResponse page(int status, String html) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(html).build();
    }

    /** A 302 that must reach us every time (each click counts) and tells the target nothing of where it came from. */
    public static APIGatewayV2HTTPResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(302).withHeaders(headers).build();
    }

    /** The status of a customer link that cannot be used. */
    public static int status(LinkProblem problem) {
        return switch (problem) {
            case INVALID -> 400;
            case EXPIRED -> 410;
            case NOT_FOUND -> 404;
        };
    }

    /** The friendly page for a customer link that cannot be used, in the customer's language. */
    public static APIGatewayV2HTTPResponse linkProblemPage(EmailTemplates templates, LinkProblem problem,
            EmailLocale locale) {
        int status = status(problem);
        return page(status, templates.linkProblemPage(locale, status));
    }
}
