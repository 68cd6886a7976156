package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request of API Gateway's HTTP API (payload format 2.0), read: its method, path, headers, body and form, and
 * what it accepts. Reads only; answers are built by {@link HttpResponses}.
 */
public final class HttpApiRequest {

    private final APIGatewayV2HTTPEvent event;

    public HttpApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The HTTP method; GET when the event does not say. */
    public String method() {
        return event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "GET" : event.getRequestContext().getHttp().getMethod();
    }

    /** The path as called, or null. */
    public String path() {
        return event.getRawPath();
    }

    /** The route, as in {@code GET /p/{token}}: names the request in logs without its token. */
    public String route() {
        return event.getRouteKey() != null ? event.getRouteKey() : method();
    }

    /** A path parameter of the route ({@code {token}}), or null. */
    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        return params == null ? null : params.get(name);
    }

    /** A header by case-insensitive name (HTTP API lower-cases them; other callers may not). */
    public String header(String name) {
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

    /** True when the caller asked for JSON and not for HTML (a script, not a browser). */
    public boolean wantsJson() {
        String accept = header("Accept");
        if (accept == null) {
            return false;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains("application/json") && !types.contains("text/html");
    }

    /** Where the caller reached this API: {@code https://} its domain, and the stage when it is not the default. */
    public String baseUrl() {
        var context = event.getRequestContext();
        String domain = context == null ? null : context.getDomainName();
        String stage = context == null ? null : context.getStage();
        String prefix = stage == null || stage.isBlank() || "$default".equals(stage) ? "" : "/" + stage;
        return "https://" + domain + prefix;
    }

    /** The decoded body bytes, or null when they would exceed {@code maxBytes} (checked before decoding). */
    public byte[] body(int maxBytes) {
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

    /**
     * The URL-encoded form in the body, or null when the body exceeds {@code maxBytes}. The first value of a repeated
     * field wins; a field whose encoding is broken reads as not sent.
     */
    public Map<String, String> form(int maxBytes) {
        byte[] body = body(maxBytes);
        return body == null ? null : form(body);
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: the field counts as not sent
            }
        }
        return fields;
    }
}
