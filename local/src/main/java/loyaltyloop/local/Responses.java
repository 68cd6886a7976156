package loyaltyloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writing answers on the JDK HTTP server: JSON, HTML, and a function's API Gateway v2 response. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] body;
        try {
            body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        send(exchange, status, "application/json", body);
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "application/json",
                ("{\"error\":" + JSON.writeValueAsString(message) + "}").getBytes(StandardCharsets.UTF_8));
    }

    static void html(HttpExchange exchange, int status, String page) throws IOException {
        // No script anywhere, also inside the email's sandboxed srcdoc frame (which inherits this policy).
        exchange.getResponseHeaders().set("Content-Security-Policy", "script-src 'none'; object-src 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(exchange, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        write(exchange, status, body);
    }

    /** Writes what a function answered, the way API Gateway turns a payload 2.0 response into HTTP. */
    static void function(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        Map<String, String> single = response.getHeaders();
        if (single != null) {
            single.forEach((name, value) -> {
                if (value != null) {
                    headers.set(name, value);
                }
            });
        }
        Map<String, List<String>> multi = response.getMultiValueHeaders();
        if (multi != null) {
            multi.forEach((name, values) -> {
                if (values != null) {
                    values.forEach(value -> headers.add(name, value));
                }
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        write(exchange, response.getStatusCode(), bytes);
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304
                || status < 200;
        if (noBody) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
