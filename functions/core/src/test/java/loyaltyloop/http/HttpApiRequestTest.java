package loyaltyloop.http;

import loyaltyloop.testing.UnitTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading an HTTP API request: no AWS, no context. */
@UnitTest
class HttpApiRequestTest {

    private static APIGatewayV2HTTPEvent event(String method, Map<String, String> headers, String body, boolean base64) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
        context.setStage("$default");
        return APIGatewayV2HTTPEvent.builder().withRequestContext(context).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(base64).withRawPath("/p/tok").withRouteKey(method + " /p/{token}")
                .withPathParameters(Map.of("token", "tok")).build();
    }

    private static HttpApiRequest post(String body) {
        return new HttpApiRequest(event("POST", Map.of(), body, false));
    }

    @Test
    void anEventThatSaysLittleReadsAsAGetWithoutHeadersBodyOrParameters() {
        HttpApiRequest request = new HttpApiRequest(new APIGatewayV2HTTPEvent());

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.route()).isEqualTo("GET");
        assertThat(request.path()).isNull();
        assertThat(request.pathParameter("token")).isNull();
        assertThat(request.header("Accept")).isNull();
        assertThat(request.wantsJson()).isFalse();
        assertThat(request.body(10)).isEmpty();
        assertThat(request.form(10)).isEmpty();
    }

    @Test
    void itsMethodRoutePathAndParametersAreTheEventsAndTheRouteCarriesNoToken() {
        HttpApiRequest request = new HttpApiRequest(event("POST", Map.of(), null, false));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.route()).isEqualTo("POST /p/{token}");
        assertThat(request.path()).isEqualTo("/p/tok");
        assertThat(request.pathParameter("token")).isEqualTo("tok");
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-shopify-topic", "orders/create");
        headers.put("X-WC-Webhook-Source", "https://woo.example");
        HttpApiRequest request = new HttpApiRequest(event("POST", headers, null, false));

        assertThat(request.header("X-Shopify-Topic")).isEqualTo("orders/create");
        assertThat(request.header("x-wc-webhook-source")).isEqualTo("https://woo.example");
        assertThat(request.header("X-Missing")).isNull();
    }

    @Test
    void jsonIsWantedOnlyWhenAskedForWithoutHtml() {
        assertThat(accepting("application/json").wantsJson()).isTrue();
        assertThat(accepting("Application/JSON; charset=utf-8").wantsJson()).isTrue();
        assertThat(accepting("text/html,application/xhtml+xml,application/json;q=0.9").wantsJson()).isFalse();
        assertThat(accepting("*/*").wantsJson()).isFalse();
    }

    private static HttpApiRequest accepting(String accept) {
        return new HttpApiRequest(event("GET", Map.of("accept", accept), null, false));
    }

    @Test
    void theBaseUrlIsTheApisDomainWithItsStageUnlessTheDefault() {
        APIGatewayV2HTTPEvent staged = event("POST", Map.of(), null, false);
        assertThat(new HttpApiRequest(staged).baseUrl()).isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com");

        staged.getRequestContext().setStage("prod");
        assertThat(new HttpApiRequest(staged).baseUrl())
                .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/prod");
    }

    @Test
    void aBase64BodyIsDecodedAndABodyOverTheLimitIsNotReadEitherWay() {
        byte[] bytes = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        String encoded = Base64.getEncoder().encodeToString(bytes);

        assertThat(new HttpApiRequest(event("POST", Map.of(), encoded, true)).body(8)).isEqualTo(bytes);
        assertThat(new HttpApiRequest(event("POST", Map.of(), encoded, true)).body(7)).isNull();
        assertThat(new HttpApiRequest(event("POST", Map.of(), "x".repeat(1_000_000), true)).body(7))
                .as("refused from its length, before decoding").isNull();
        assertThat(post("{\"id\":1}").body(8)).isEqualTo(bytes);
        assertThat(post("{\"id\":1}").body(7)).isNull();
        assertThat(post("é".repeat(4)).body(7)).as("counted in bytes, not characters").isNull();
    }

    @Test
    void aFormIsDecodedTheFirstOfRepeatedFieldsWinsAndBrokenOrNamelessFieldsAreNotSent() {
        Map<String, String> form = post("rating=5&comment=Lovely+mug+%E2%80%94+thanks%21&rating=1&points=500%"
                + "&=x&novalue&empty=&rid=%20AB%20").form(1024);

        assertThat(form).containsOnly(Map.entry("rating", "5"), Map.entry("comment", "Lovely mug — thanks!"),
                Map.entry("empty", ""), Map.entry("rid", " AB "));
    }

    @Test
    void aFormOverTheLimitIsNotRead() {
        assertThat(post("points=500&x=" + "a".repeat(10_000)).form(4096)).isNull();
        assertThat(post("").form(4096)).isEmpty();
    }
}
