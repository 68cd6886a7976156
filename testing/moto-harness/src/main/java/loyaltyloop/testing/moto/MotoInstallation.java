package loyaltyloop.testing.moto;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the moto server comes from: {@code MOTO_SERVER}, else {@code moto_server} on the PATH, else a private Python
 * virtual environment under the user's cache directory ({@code ~/.cache/loyalty-loop/moto}), made with
 * {@code pip install 'moto[server]'} the first time it is needed, so a machine with a JDK, Maven and Python needs no
 * other set-up. Also which Python runs {@code serialised_moto_server.py}: the one moto is installed in.
 */
public final class MotoInstallation {

    /** The moto version the serialising wrapper's patches were written against (and the one our machines run). */
    static final String MOTO_REQUIREMENT = "moto[server]==5.2.1";
    static final String SET_UP_HINT = "Python 3 with its venv module is needed to set up the moto server (the local"
            + " AWS): install python3 (on Debian/Ubuntu also python3-venv), or install moto yourself with"
            + " pip install 'moto[server]', or pass --aws-endpoint URL of an emulator that is running.";
    static final String PIP_HINT = "pip needs to reach PyPI (or the index pip is configured with); or install moto"
            + " yourself with pip install 'moto[server]' so moto_server is on the PATH, or pass --aws-endpoint URL.";

    /** How to start moto: the command, and the Python it runs on when known. */
    record Found(String motoServer, String python) {
    }

    private MotoInstallation() {
    }

    /** Finds moto, setting up the private environment when there is none; throws with {@link #SET_UP_HINT}. */
    static Found findOrSetUp(PrintStream progress) {
        String explicit = System.getenv("MOTO_SERVER");
        if (explicit != null && !explicit.isBlank()) {
            return new Found(explicit, null);
        }
        String onPath = onPath("moto_server");
        if (onPath != null) {
            return new Found(onPath, pythonOf(Path.of(onPath)));
        }
        Path home = privateEnvironment();
        Path motoServer = executable(home, "moto_server");
        if (!Files.isExecutable(motoServer)) {
            setUp(home, progress);
        }
        return new Found(motoServer.toString(), executable(home, "python").toString());
    }

    /** {@code $XDG_CACHE_HOME/loyalty-loop/moto}, by default {@code ~/.cache/loyalty-loop/moto}. */
    static Path privateEnvironment() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("loyalty-loop").resolve("moto");
    }

    private static void setUp(Path home, PrintStream progress) {
        String python = onPath("python3");
        if (python == null) {
            python = onPath("python");
        }
        if (python == null) {
            throw new IllegalStateException("moto_server is not installed and no python3 was found. " + SET_UP_HINT);
        }
        try {
            Files.createDirectories(home);
            // One set-up at a time: test forks and a runner may start together.
            try (RandomAccessFile lockFile = new RandomAccessFile(home.resolve(".lock").toFile(), "rw");
                    FileLock lock = lockFile.getChannel().lock()) {
                if (Files.isExecutable(executable(home, "moto_server"))) {
                    return;
                }
                progress.println("loyalty-loop: setting up the moto server (the local AWS) in " + home
                        + " with pip install '" + MOTO_REQUIREMENT + "'; once, about a minute ...");
                progress.flush();
                run(List.of(python, "-m", "venv", home.toString()), "python3 -m venv could not make an environment",
                        SET_UP_HINT);
                run(List.of(executable(home, "python").toString(), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", MOTO_REQUIREMENT), "pip could not install moto", PIP_HINT);
                if (!Files.isExecutable(executable(home, "moto_server"))) {
                    throw new IllegalStateException("pip installed moto but no moto_server appeared in " + home);
                }
                progress.println("loyalty-loop: moto server ready in " + home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up the moto server in " + home + ": " + SET_UP_HINT, e);
        }
    }

    private static void run(List<String> command, String failure, String hint) throws IOException {
        Path output = Files.createTempFile("moto-setup-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
                throw new IllegalStateException(failure + " (" + String.join(" ", command) + "):\n" + tail + "\n"
                        + hint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the moto server");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The interpreter a pip-installed console script names on its first line; null for a shim or anything else. */
    static String pythonOf(Path script) {
        try {
            byte[] head = new byte[256];
            int read;
            try (var in = Files.newInputStream(script)) {
                read = in.read(head);
            }
            String first = read <= 0 ? "" : new String(head, 0, read, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.startsWith("#!") && first.contains("python") && !first.contains(" ")) {
                String python = first.substring(2).trim();
                return Files.isExecutable(Path.of(python)) ? python : null;
            }
        } catch (IOException | RuntimeException unreadable) {
            // a binary launcher (Windows) or unreadable: run the wrapper on python3
        }
        return null;
    }

    private static Path executable(Path environment, String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return windows ? environment.resolve("Scripts").resolve(name + ".exe") : environment.resolve("bin").resolve(name);
    }

    static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
