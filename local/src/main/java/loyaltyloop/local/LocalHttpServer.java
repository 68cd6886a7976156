package loyaltyloop.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runner's HTTP front door (JDK HTTP server on the loopback interface): the template's {@code HttpApi} routes
 * go to their functions as API Gateway v2 events, {@code /_local/*} to the developer endpoints.
 */
final class LocalHttpServer implements AutoCloseable {

    /** API Gateway's own payload limit; the handlers enforce their smaller one themselves. */
    static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** How much of an oversized body is read (and dropped) before answering 413. */
    static final long DISCARD_BYTES = 64L * 1024 * 1024;
    private static final int THREADS = 32;

    private final FrontDoor frontDoor;
    private final HttpServer server;
    private final ExecutorService executor;
    private HttpApiRoutes routes;
    private FunctionInvoker functions;
    private DevEndpoints dev;
    private Clock clock;

    private LocalHttpServer(FrontDoor frontDoor, HttpServer server, ExecutorService executor) {
        this.frontDoor = frontDoor;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds the port now (0 = any free one) so the base URL is known before the functions start; until
     * {@link #start} it answers 503 at once (see {@link FrontDoor}, which also answers what the JDK server would
     * answer with its own HTML page).
     */
    static LocalHttpServer bind(int port) {
        FrontDoor frontDoor = FrontDoor.open(port);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            AtomicInteger count = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "local-http-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new LocalHttpServer(frontDoor, server, executor);
        } catch (IOException e) {
            frontDoor.close();
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return frontDoor.port();
    }

    void start(HttpApiRoutes routes, FunctionInvoker functions, DevEndpoints dev, Clock clock) {
        this.routes = routes;
        this.functions = functions;
        this.dev = dev;
        this.clock = clock;
        server.createContext("/", this::handle);
        server.start();
        frontDoor.forwardTo(server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getRawPath();
                if (path.equals("/_local") || path.startsWith("/_local/")) {
                    dev.handle(exchange, path);
                } else {
                    api(exchange, path);
                }
            } catch (IOException unreadableOrGone) {
                // A body whose framing is broken (a bad chunk) cannot be read: the caller sent a bad request. A
                // caller that went away cannot be answered at all; one line says so, no stack trace.
                System.err.println("local-http: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + ": " + unreadableOrGone.getMessage());
                try {
                    Responses.error(exchange, 400, "bad request");
                } catch (IOException | RuntimeException alreadyAnsweredOrGone) {
                    // nothing more to say on this connection
                }
            } catch (Throwable e) {
                System.err.println("local-http: " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + " failed:");
                e.printStackTrace();
                try {
                    Responses.error(exchange, 500, "internal error");
                } catch (IOException | RuntimeException alreadyAnswered) {
                    // headers were already sent; the connection is closed below
                }
            }
        }
    }

    private void api(HttpExchange exchange, String rawPath) throws Exception {
        Optional<HttpApiRoutes.Match> match;
        try {
            match = routes.match(exchange.getRequestMethod(), rawPath);
        } catch (IllegalArgumentException malformedPath) {
            Responses.error(exchange, 400, "bad request");
            return;
        }
        if (match.isEmpty()) {
            Responses.error(exchange, 404, "not found");
            return;
        }
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            // Read the rest without keeping it (up to a bound), so the caller is not cut off before it reads the 413.
            discard(exchange.getRequestBody(), DISCARD_BYTES);
            Responses.error(exchange, 413, "payload too large");
            return;
        }
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(incoming(exchange, body.get()), match.get(),
                "localhost:" + port(), clock.instant());
        Object output = functions.invoke(match.get().route().functionId(), event);
        if (!(output instanceof APIGatewayV2HTTPResponse response) || response.getStatusCode() < 100) {
            throw new IllegalStateException(match.get().route().functionId() + " answered "
                    + (output == null ? "null" : output.getClass().getName() + " without a status code"));
        }
        Responses.function(exchange, response);
    }

    static HttpApiEvents.IncomingRequest incoming(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(headers::put);
        return new HttpApiEvents.IncomingRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
    }

    /** The request body, or empty when it is over {@link #MAX_BODY_BYTES} (read no further than that). */
    static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // the server itself rejects a bad length; read and count
            }
        }
        return readLimited(exchange.getRequestBody(), MAX_BODY_BYTES);
    }

    /** Reads and drops up to {@code limit} bytes; a longer body is cut off when the exchange closes. */
    static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer)) != -1) {
            total += read;
        }
    }

    static Optional<byte[]> readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return Optional.empty();
            }
            out.write(buffer, 0, read);
        }
        return Optional.of(out.toByteArray());
    }

    @Override
    public void close() {
        frontDoor.close();
        try {
            server.stop(0);
        } catch (RuntimeException notStarted) {
            // nothing was served
        }
        executor.shutdownNow();
    }
}
