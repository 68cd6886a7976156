package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import loyaltyloop.local.LocalTemplate.Route;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP front door with stand-in functions: what reaches a function and what goes back to the caller. */
@UnitTest
class LocalHttpServerTest {

    private static LocalHttpServer server;
    private static final AtomicReference<APIGatewayV2HTTPEvent> lastEvent = new AtomicReference<>();
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = LocalHttpServer.bind(0);
        HttpApiRoutes routes = new HttpApiRoutes(List.of(
                new Route("Echo", "Post", "POST", "/echo/{name}"),
                new Route("Boom", "Get", "GET", "/boom"),
                new Route("Binary", "Get", "GET", "/binary"),
                new Route("Null", "Get", "GET", "/null")));
        server.start(routes, (functionId, input) -> {
            APIGatewayV2HTTPEvent event = (APIGatewayV2HTTPEvent) input;
            lastEvent.set(event);
            return switch (functionId) {
                case "Echo" -> APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                        .withHeaders(Map.of("Content-Type", "text/plain"))
                        .withMultiValueHeaders(Map.of("X-Multi", List.of("1", "2")))
                        .withCookies(List.of("session=abc; HttpOnly"))
                        .withBody("hello " + event.getPathParameters().get("name")).build();
                case "Binary" -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})).withIsBase64Encoded(true).build();
                case "Null" -> null;
                default -> throw new IllegalStateException("secret stack detail");
            };
        }, null, new LocalClock());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    @Test
    void invokesTheRoutesFunctionAndWritesItsResponse() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo/world?q=1"))
                .header("Content-Type", "application/json").header("X-Shopify-Hmac-Sha256", "abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(response.headers().allValues("x-multi")).containsExactly("1", "2");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly");
        APIGatewayV2HTTPEvent event = lastEvent.get();
        assertThat(event.getHeaders()).containsEntry("x-shopify-hmac-sha256", "abc");
        assertThat(event.getBody()).isEqualTo("{\"a\":1}");
        assertThat(event.getRawQueryString()).isEqualTo("q=1");
        assertThat(event.getRequestContext().getDomainName()).isEqualTo("localhost:" + server.port());
    }

    @Test
    void decodesBase64Responses() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/binary"))).body()).containsExactly(1, 2, 3);
    }

    @Test
    void aThrowingFunctionIsA500WithoutDetails() throws Exception {
        for (String path : List.of("/boom", "/null")) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path)));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"internal error\"}");
        }
    }

    @Test
    void unknownRoutesAre404() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/nope")));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"not found\"}");
        assertThat(send(HttpRequest.newBuilder(uri("/echo/x"))).statusCode()).isEqualTo(404);
    }

    @Test
    void bodiesOverTenMebibytesAre413() throws Exception {
        long size = LocalHttpServer.MAX_BODY_BYTES + 1;
        HttpResponse<byte[]> declared = send(HttpRequest.newBuilder(uri("/echo/big"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) size])));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(new String(declared.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"payload too large\"}");

        // chunked, no Content-Length: counted while streaming
        HttpResponse<byte[]> streamed = send(HttpRequest.newBuilder(uri("/echo/big"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(size))));
        assertThat(streamed.statusCode()).isEqualTo(413);

        HttpResponse<byte[]> limit = send(HttpRequest.newBuilder(uri("/echo/limit"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) LocalHttpServer.MAX_BODY_BYTES])));
        assertThat(limit.statusCode()).isEqualTo(201);
    }

    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    /** One raw HTTP exchange: what the JDK's own client would refuse to send. */
    static String raw(int port, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTargetThatIsNoUriGetsTheShortJsonErrorNotTheJdksPage() throws Exception {
        String answer = raw(server.port(), "GET /u/abc%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .endsWith("\r\n\r\n{\"error\":\"bad request\"}").doesNotContain("URISyntaxException", "<h1>");
        assertThat(raw(server.port(), "GET /echo/a b HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void aBodyWithBrokenChunkedFramingIsABadRequestWithoutAStackTrace() throws Exception {
        String answer = raw(server.port(), "POST /echo/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith("{\"error\":\"bad request\"}")
                .doesNotContain("Exception", "java.");
    }

    @Test
    void keepAliveCallersStillGetEveryAnswer() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/echo/n" + i))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello n" + i);
        }
    }

    @Test
    void whileStartingEveryRequestIsAnsweredAtOnceWith503() throws Exception {
        try (LocalHttpServer starting = LocalHttpServer.bind(0)) {
            long begun = System.nanoTime();
            String health = raw(starting.port(), "GET /_local/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            String webhook = raw(starting.port(), "POST /webhooks/shopify HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 2\r\n\r\n{}");

            assertThat(health).startsWith("HTTP/1.1 503 ").endsWith("{\"status\":\"starting\"}");
            assertThat(webhook).startsWith("HTTP/1.1 503 ").contains("Retry-After: 1").contains("{\"error\":");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - begun)).isLessThan(java.time.Duration.ofSeconds(2));
        }
    }
}
