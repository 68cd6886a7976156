package loyaltyloop.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runner's public port, in front of the JDK HTTP server. It exists for what that server answers itself, before
 * any handler runs: a request line whose target is no valid URI ({@code /u/abc%zz}) got the JDK's HTML page
 * "URISyntaxException thrown", and a request while the runner was starting waited in the listen backlog. Here the
 * first gets the short JSON error every other bad request gets, the second an immediate 503 (and
 * {@code /_local/health} its {@code {"status":"starting"}}). Everything else is passed through byte for byte, one
 * request per connection ({@code Connection: close}), so each request line is checked.
 */
final class FrontDoor implements AutoCloseable {

    /** Longer request heads are refused, as API Gateway refuses them. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 30_000;

    private final ServerSocket listener;
    private final ExecutorService connections;
    private volatile int backendPort;
    private volatile boolean closed;

    private FrontDoor(ServerSocket listener) {
        this.listener = listener;
        AtomicInteger count = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-front-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds the port (0 = any free one) and answers at once: 503 until {@link #forwardTo} is called. */
    static FrontDoor open(int port) {
        try {
            ServerSocket listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
            FrontDoor door = new FrontDoor(listener);
            Thread acceptor = new Thread(door::accept, "local-front-door");
            acceptor.setDaemon(true);
            acceptor.start();
            return door;
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " is in use; pass --port with a free one", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on requests go to the HTTP server on this loopback port. */
    void forwardTo(int port) {
        backendPort = port;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("local front door: accept failed: " + e.getMessage());
                }
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            if (head.length > MAX_HEAD_BYTES) {
                answer(out, 431, "Request Header Fields Too Large", "{\"error\":\"request headers too large\"}");
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] requestLine = text.split("\r?\n", 2)[0].split(" ", -1);
            if (requestLine.length != 3 || !validTarget(requestLine[1]) || !requestLine[2].startsWith("HTTP/1.")) {
                answer(out, 400, "Bad Request", "{\"error\":\"bad request\"}");
                return;
            }
            int backend = backendPort;
            if (backend == 0) {
                boolean health = requestLine[1].equals("/_local/health");
                answer(out, 503, "Service Unavailable", health ? "{\"status\":\"starting\"}"
                        : "{\"error\":\"the local runner is starting; try again in a moment\"}");
                return;
            }
            client.setSoTimeout(0);
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), backend)) {
                OutputStream toServer = upstream.getOutputStream();
                toServer.write(oneRequestOnly(text).getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
                connections.execute(() -> pumpBody(in, upstream));
                InputStream fromServer = upstream.getInputStream();
                // Interim answers (100 Continue) pass as they are; the final one says the connection closes, so no
                // client keeps it for a next request that would then pass unchecked or find it gone.
                byte[] answerHead;
                do {
                    answerHead = readHead(fromServer);
                    if (answerHead == null) {
                        return;
                    }
                    String status = new String(answerHead, StandardCharsets.ISO_8859_1);
                    boolean interim = status.startsWith("HTTP/1.1 1") && !status.startsWith("HTTP/1.1 101");
                    out.write(interim ? answerHead : oneRequestOnly(status).getBytes(StandardCharsets.ISO_8859_1));
                    if (!interim) {
                        break;
                    }
                } while (true);
                fromServer.transferTo(out);
                out.flush();
            }
        } catch (IOException | RuntimeException clientGoneOrServerStopped) {
            // nothing to answer on a connection that is gone
        }
    }

    /** The rest of the request (its body) to the server; stops when either side closes. */
    private static void pumpBody(InputStream fromClient, Socket upstream) {
        try {
            fromClient.transferTo(upstream.getOutputStream());
            upstream.shutdownOutput();
        } catch (IOException | RuntimeException closed) {
            // the answer is complete, or a side went away
        }
    }

    /**
     * The request head up to and including its blank line; null when the connection closed before a byte came;
     * longer than {@link #MAX_HEAD_BYTES} when it did not end in time.
     */
    static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int last = -1;
        int beforeLast = -1;
        int third = -1;
        while (head.size() <= MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new SocketException("connection closed inside the request head");
            }
            head.write(b);
            // a blank line ends the head: \r\n\r\n, or \n\n as lenient servers accept
            if (b == '\n' && (last == '\n' || (last == '\r' && beforeLast == '\n' && third == '\r'))) {
                return head.toByteArray();
            }
            third = beforeLast;
            beforeLast = last;
            last = b;
        }
        return head.toByteArray();
    }

    /** What the JDK server would refuse with its own page: a target that is no URI. */
    static boolean validTarget(String target) {
        if (target.isEmpty()) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A request's or answer's head with its Connection header replaced by {@code Connection: close}. */
    static String oneRequestOnly(String head) {
        String[] lines = head.split("\r?\n", -1);
        StringBuilder rewritten = new StringBuilder(head.length() + 32).append(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("keep-alive")) {
                rewritten.append(line).append("\r\n");
            }
        }
        return rewritten.append("Connection: close\r\n\r\n").toString();
    }

    private static void answer(OutputStream out, int status, String reason, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + (status == 503 ? "\r\nRetry-After: 1" : "") + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        connections.shutdownNow();
    }
}
