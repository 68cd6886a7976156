package loyaltyloop.testing.moto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The moto server (open-source AWS emulator) as a child process on a free loopback port.
 *
 * <p>{@code moto_server} is often a pyenv shim that forks the real server, so stopping kills the whole
 * process tree, not only the shim.
 */
public final class MotoServer implements AwsEmulator {

    public static final String INSTALL_HINT = "The moto server is needed as the local AWS.";

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts moto on a free port and waits until it answers: serialised (see {@code serialised_moto_server.py})
     * with the {@code python3} that has moto installed, else plain {@code moto_server}.
     */
    public static MotoServer start() {
        return start(Map.of());
    }

    /**
     * As {@link #start()}, with extra environment for moto: {@code INITIAL_NO_AUTH_ACTION_COUNT=N} makes it check
     * every request's signature against its own IAM once N requests have been served.
     */
    public static MotoServer start(Map<String, String> environment) {
        AwsEmulator.refuseWhenForbidden();
        MotoInstallation.Found moto;
        try {
            moto = MotoInstallation.findOrSetUp(System.err);
        } catch (RuntimeException e) {
            throw new IllegalStateException(INSTALL_HINT + " " + e.getMessage(), e);
        }
        // MOTO_SERVER names a moto to run as it is (plain moto_server shows what the wrapper fixes).
        if (System.getenv("MOTO_SERVER") == null) {
            Path wrapper = serialisingWrapper();
            if (wrapper != null) {
                try {
                    return launch(List.of(moto.python() != null ? moto.python() : "python3", wrapper.toString()),
                            environment);
                } catch (RuntimeException notUsable) {
                    System.err.println("loyalty-loop: moto runs without serialised_moto_server.py (" + firstLine(notUsable)
                            + "): concurrent writes to one item may both succeed and transactions may lose others' writes");
                }
            }
        }
        return launch(List.of(moto.motoServer()), environment);
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static MotoServer launch(List<String> command, Map<String, String> environment) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            log.toFile().deleteOnExit();
            List<String> argv = new ArrayList<>(command);
            argv.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().putAll(environment);
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-stop"));
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(INSTALL_HINT + " Could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    private static Path serialisingWrapper() {
        try (InputStream in = MotoServer.class.getResourceAsStream("serialised_moto_server.py")) {
            if (in == null) {
                return null;
            }
            Path wrapper = Files.createTempFile("serialised-moto-", ".py");
            wrapper.toFile().deleteOnExit();
            Files.copy(in, wrapper, StandardCopyOption.REPLACE_EXISTING);
            return wrapper;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return MOTO;
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Clears every emulated service's state. */
    public void reset() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/reset").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.getOutputStream().close();
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + c.getResponseCode());
            }
            c.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes the server and every process it started (SIGSTOP), as a stalled AWS would be: the kernel still accepts
     * connections, nothing answers. For the tests of what callers do when AWS is slow; {@link #resume} undoes it.
     */
    public void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause paused} server run again (SIGCONT); it then answers what was sent meanwhile. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        List<String> argv = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(p -> argv.add(Long.toString(p.pid())));
        try {
            Process kill = new ProcessBuilder(argv).redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " of the moto server failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // Children first: the shim's child is the real server holding the port.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited early: " + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    c.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server");
            }
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + timeout + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
