package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import loyaltyloop.json.Json;

/** Building API Gateway HTTP API responses and reading its requests, shared by the HTTP handlers. */
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

    public static APIGatewayV2HTTPResponse error(int status, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", message);
        return json(status, body);
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

    /** The request's HTTP method; GET when the event does not say. */
    public static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "GET" : event.getRequestContext().getHttp().getMethod();
    }

    /** A path parameter of the route ({@code {token}}), or null. */
    public static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? null : params.get(name);
    }

    /** A header by case-insensitive name (HTTP API lower-cases them; other callers may not). */
    public static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        String exact = headers.get(name.toLowerCase(Locale.ROOT));
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Decoded body bytes, or null when they would exceed {@code maxBytes} (checked before decoding). */
    public static byte[] body(APIGatewayV2HTTPEvent event, int maxBytes) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            if ((long) body.length() * 3 / 4 > maxBytes + 3L) {
                return null;
            }
            byte[] decoded = Base64.getMimeDecoder().decode(body);
            return decoded.length > maxBytes ? null : decoded;
        }
        if ((long) body.length() > maxBytes) {
            return null;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return bytes.length > maxBytes ? null : bytes;
    }
}
