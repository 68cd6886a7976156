package loyaltyloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link APIGatewayV2HTTPEvent} that an API Gateway HTTP API (payload format 2.0) would hand the
 * function for a request: lower-case headers (repeated ones joined by {@code ,}), cookies taken out of the
 * {@code cookie} header, decoded query and path parameters, and the body as text for text-like content types
 * ({@code text/*}, JSON, XML, JavaScript), else base64 with {@code isBase64Encoded} &mdash; as HTTP APIs do, that
 * includes {@code application/x-www-form-urlencoded} bodies (WooCommerce's ping, RFC 8058 one-click POSTs).
 */
final class HttpApiEvents {

    /** One HTTP request as the runner received it. */
    record IncomingRequest(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            String sourceIp,
            String protocol) {
    }

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpApiEvents() {
    }

    static APIGatewayV2HTTPEvent toEvent(IncomingRequest request, HttpApiRoutes.Match match, String domainName, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.merge(key, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");
        int colon = domainName.lastIndexOf(':');
        if (colon > 0) {
            headers.putIfAbsent("x-forwarded-port", domainName.substring(colon + 1));
        }

        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        Map<String, String> query = queryParameters(rawQuery);
        String requestId = requestId();
        String routeKey = match.route().routeKey();
        byte[] body = request.body() == null ? new byte[0] : request.body();
        boolean text = isText(headers.get("content-type"));

        RequestContext context = RequestContext.builder()
                .withAccountId(LocalEventBus.ACCOUNT)
                .withApiId("local")
                .withDomainName(domainName)
                .withDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withHttp(RequestContext.Http.builder()
                        .withMethod(request.method().toUpperCase(Locale.ROOT))
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();

        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(context)
                .withIsBase64Encoded(false);
        if (body.length > 0) {
            if (text) {
                event.withBody(new String(body, StandardCharsets.UTF_8));
            } else {
                event.withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
            }
        }
        return event.build();
    }

    /** Text-like bodies reach the function as they are; everything else (forms, binary, no content type) as base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String mime = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return mime.startsWith("text/")
                || mime.endsWith("/json") || mime.endsWith("+json")
                || mime.endsWith("/xml") || mime.endsWith("+xml")
                || mime.equals("application/javascript") || mime.equals("application/graphql");
    }

    /** Decoded query parameters; a repeated name's values joined by {@code ,} as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = Percent.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : Percent.decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String requestId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
