package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.local.LocalTemplate.Route;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class HttpApiEventsTest {

    private static final HttpApiRoutes ROUTES = new HttpApiRoutes(List.of(
            new Route("Intake", "Shopify", "POST", "/webhooks/shopify"),
            new Route("Unsubscribe", "Page", "GET", "/u/{token}"),
            new Route("Unsubscribe", "OneClick", "POST", "/u/{token}"),
            new Route("Special", "Exact", "GET", "/u/special"),
            new Route("Proxy", "Any", "ANY", "/files/{proxy+}")));

    private static APIGatewayV2HTTPEvent event(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {
        HttpApiRoutes.Match match = ROUTES.match(method, path).orElseThrow();
        return HttpApiEvents.toEvent(new HttpApiEvents.IncomingRequest(method, path, query, headers, body, "127.0.0.1",
                "HTTP/1.1"), match, "localhost:3000", Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void matchesRoutesLikeApiGateway() {
        assertThat(ROUTES.match("GET", "/u/abc.def").orElseThrow().pathParameters()).isEqualTo(Map.of("token", "abc.def"));
        assertThat(ROUTES.match("GET", "/u/special").orElseThrow().route().functionId()).isEqualTo("Special");
        assertThat(ROUTES.match("POST", "/u/special").orElseThrow().route().functionId()).isEqualTo("Unsubscribe");
        assertThat(ROUTES.match("DELETE", "/u/abc")).isEmpty();
        assertThat(ROUTES.match("GET", "/u/")).isEmpty();
        assertThat(ROUTES.match("GET", "/u/a/b")).isEmpty();
        assertThat(ROUTES.match("GET", "/webhooks/shopify")).isEmpty();
        assertThat(ROUTES.match("PUT", "/files/a/b%20c.txt").orElseThrow().pathParameters())
                .isEqualTo(Map.of("proxy", "a/b c.txt"));
        assertThatThrownBy(() -> ROUTES.match("GET", "/u/%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsThePayload2Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Shopify-Topic", List.of("orders/create"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("User-Agent", List.of("Shopify-Captain-Hook"));
        headers.put("Cookie", List.of("a=1; b=2"));
        APIGatewayV2HTTPEvent event = event("POST", "/u/tok%2Een", "x=1&y=a+b&x=2", headers,
                "{\"id\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /u/{token}");
        assertThat(event.getRawPath()).isEqualTo("/u/tok%2Een");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&y=a+b&x=2");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("token", "tok.en"));
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "1,2", "y", "a b"));
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("x-shopify-topic", "orders/create")
                .containsEntry("x-multi", "a,b")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getBody()).isEqualTo("{\"id\":1}");
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("POST /u/{token}");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getApiId()).isEqualTo("local");
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getDomainName()).isEqualTo("localhost:3000");
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/u/tok%2Een");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("Shopify-Captain-Hook");
        assertThat(context.getRequestId()).isNotBlank();
        assertThat(context.getTime()).isEqualTo("01/May/2024:10:00:00 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    }

    @Test
    void binaryBodiesArriveBase64Encoded() {
        byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0x80};
        APIGatewayV2HTTPEvent binary = event("POST", "/webhooks/shopify", null,
                Map.of("content-type", List.of("application/octet-stream")), bytes);
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(bytes);
        assertThat(binary.getRawQueryString()).isEmpty();
        assertThat(binary.getQueryStringParameters()).isNull();
        assertThat(binary.getPathParameters()).isNull();
        assertThat(binary.getCookies()).isNull();

        APIGatewayV2HTTPEvent untyped = event("POST", "/webhooks/shopify", null, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(untyped.getIsBase64Encoded()).isTrue();

        APIGatewayV2HTTPEvent form = event("POST", "/webhooks/shopify", null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "webhook_id=7".getBytes(StandardCharsets.UTF_8));
        assertThat(form.getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(form.getBody()), StandardCharsets.UTF_8)).isEqualTo("webhook_id=7");

        APIGatewayV2HTTPEvent empty = event("GET", "/u/x", null, Map.of(), new byte[0]);
        assertThat(empty.getBody()).isNull();
        assertThat(empty.getIsBase64Encoded()).isFalse();
    }

    @Test
    void textLikeContentTypes() {
        assertThat(HttpApiEvents.isText("application/json; charset=utf-8")).isTrue();
        assertThat(HttpApiEvents.isText("application/vnd.api+json")).isTrue();
        assertThat(HttpApiEvents.isText("text/plain")).isTrue();
        assertThat(HttpApiEvents.isText("application/xml")).isTrue();
        assertThat(HttpApiEvents.isText("image/png")).isFalse();
        assertThat(HttpApiEvents.isText("multipart/form-data; boundary=x")).isFalse();
        assertThat(HttpApiEvents.isText(null)).isFalse();
    }
}
