package loyaltyloop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-JVM benchmarks of {@code bench/run}: capacity per order, the sweep at two shop sizes, intake under load,
 * the simulated year. Each writes its part of {@code OUT/bench-jvm.json}; one failing does not stop the others
 * (its part says why). What the runner and the handlers print goes to {@code OUT/bench-jvm.log}.
 *
 * <pre>java -jar bench/target/loyalty-bench.jar [--repo .] [--out bench/target] [--only capacity,sweep,sweepScale,load,year]
 *      [--sweep-small 10000] [--sweep-large 100000] [--due 1000] [--load-orders 2000] [--year-orders 150]
 *      [--scale-due 12000] [--scale-shops 1000]</pre>
 */
public final class BenchMain {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        Path repo = Path.of(flags.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path out = Path.of(flags.getOrDefault("out", "bench/target"));
        Files.createDirectories(out);
        Set<String> only = Set.copyOf(Arrays.asList(flags.getOrDefault("only", "capacity,sweep,sweepScale,load,year").split(",")));

        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PrintStream console = System.out;
        PrintStream log = new PrintStream(new FileOutputStream(out.resolve("bench-jvm.log").toFile()), true);
        System.setOut(log);

        Path resultFile = out.resolve("bench-jvm.json");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Report.machine());
        if (only.contains("capacity")) {
            phase(console, results, "capacity", () -> CapacityBench.run(repo));
            write(resultFile, results);
        }
        if (only.contains("sweep")) {
            int small = Integer.parseInt(flags.getOrDefault("sweep-small", "10000"));
            int large = Integer.parseInt(flags.getOrDefault("sweep-large", "100000"));
            int due = Integer.parseInt(flags.getOrDefault("due", "1000"));
            phase(console, results, "sweep", () -> {
                Map<String, Object> sweep = new LinkedHashMap<>();
                Map<String, Object> a = SweepBench.run(repo, small, due);
                sweep.put("small", a);
                Map<String, Object> b = SweepBench.run(repo, large, due);
                sweep.put("large", b);
                sweep.put("ratio", ((Number) b.get("capacity")).doubleValue() / ((Number) a.get("capacity")).doubleValue());
                return sweep;
            });
            // Empty the tests' moto server: 100,000 customers kept in it cost CPU while the next benchmarks run.
            try {
                java.net.HttpURLConnection reset = (java.net.HttpURLConnection) java.net.URI.create(
                        loyaltyloop.testing.TestAws.endpoint() + "/moto-api/reset").toURL().openConnection();
                reset.setRequestMethod("POST");
                reset.setDoOutput(true);
                reset.getOutputStream().close();
                reset.getResponseCode();
                reset.disconnect();
            } catch (java.io.IOException e) {
                console.println("bench: could not reset the moto server after the sweep: " + e);
            }
            write(resultFile, results);
        }
        if (only.contains("sweepScale")) {
            int due = Integer.parseInt(flags.getOrDefault("scale-due", "12000"));
            int shops = Integer.parseInt(flags.getOrDefault("scale-shops", "1000"));
            phase(console, results, "sweepScale", () -> SweepScaleBench.run(repo, 1_000_000L, due, shops, 20));
            write(resultFile, results);
        }
        if (only.contains("load")) {
            int orders = Integer.parseInt(flags.getOrDefault("load-orders", "2000"));
            phase(console, results, "intakeLoad", () -> IntakeLoadBench.run(repo, orders, 0.20, 32, Duration.ofMinutes(
                    Long.parseLong(flags.getOrDefault("load-bound-minutes", "6")))));
            write(resultFile, results);
        }
        if (only.contains("year")) {
            int orders = Integer.parseInt(flags.getOrDefault("year-orders", "150"));
            phase(console, results, "year", () -> YearSimulation.run(repo, orders, Duration.ofMinutes(
                    Long.parseLong(flags.getOrDefault("year-bound-minutes", "6")))));
            write(resultFile, results);
        }
        console.println("bench: in-JVM results in " + resultFile);
        System.exit(0);
    }

    @FunctionalInterface
    interface Phase {
        Map<String, Object> run() throws Exception;
    }

    private static void phase(PrintStream console, Map<String, Object> results, String name, Phase phase) {
        console.printf("bench: %s ...%n", name);
        long start = System.nanoTime();
        try {
            Map<String, Object> result = new LinkedHashMap<>(phase.run());
            result.put("benchSeconds", Stats.round((System.nanoTime() - start) / 1e9, 1));
            results.put(name, result);
            console.printf("bench: %s done in %.0f s%n", name, (System.nanoTime() - start) / 1e9);
        } catch (Throwable e) {
            e.printStackTrace();
            e.printStackTrace(console);
            Map<String, Object> failed = new HashMap<>();
            failed.put("error", String.valueOf(e));
            results.put(name, failed);
            console.printf("bench: %s FAILED: %s%n", name, e);
        }
    }

    static void write(Path file, Map<String, Object> results) throws Exception {
        Files.writeString(file, JSON.writeValueAsString(results));
    }

    static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (!a.startsWith("--") || i + 1 >= list.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got " + list);
            }
            flags.put(a.substring(2), list.get(++i));
        }
        return flags;
    }
}
