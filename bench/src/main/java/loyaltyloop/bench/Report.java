package loyaltyloop.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the suite's parts together: the in-JVM results ({@code bench-jvm.json}), the cold starts timed by
 * {@code bench/run} ({@code coldstart.tsv}) and the deployment jars' sizes; prices the simulated year; writes
 * {@code bench-results.json} and prints the table.
 *
 * <pre>java -cp bench/target/loyalty-bench.jar loyaltyloop.bench.Report [REPO] [OUT]</pre>
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/target");
        Map<String, Object> jvm = Files.exists(out.resolve("bench-jvm.json"))
                ? BenchMain.JSON.readValue(out.resolve("bench-jvm.json").toFile(), new TypeReference<>() { })
                : Map.of();
        Map<String, Object> results = build(repo, jvm, ColdStarts.read(out.resolve("coldstart.tsv")));
        BenchMain.write(out.resolve("bench-results.json"), results);
        System.out.print(table(results));
        System.out.println("written: " + out.resolve("bench-results.json"));
    }

    /** One row of the table: the key, the measured value, the target and whether it is met. */
    record Row(String key, Object value, String target, Boolean met) {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> build(Path repo, Map<String, Object> jvm, ColdStarts cold) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        r.put("command", "bash bench/run");
        r.put("machine", jvm.getOrDefault("machine", machine()));
        Map<String, Object> capacity = (Map<String, Object>) jvm.getOrDefault("capacity", Map.of());
        Map<String, Object> sweep = (Map<String, Object>) jvm.getOrDefault("sweep", Map.of());
        Map<String, Object> load = (Map<String, Object>) jvm.getOrDefault("intakeLoad", Map.of());
        Map<String, Object> year = (Map<String, Object>) jvm.getOrDefault("year", Map.of());
        Map<String, Object> history = (Map<String, Object>) jvm.getOrDefault("import", Map.of());

        put(r, "wcuPerFirstOrder", capacity.get("wcuPerFirstOrder"));
        put(r, "wcuPerDuplicate", capacity.get("wcuPerDuplicate"));
        put(r, "emailsPerDuplicate", capacity.get("emailsPerDuplicate"));
        put(r, "wcuPerOrderWholeLoop", capacity.get("wcuPerOrderWholeLoop"));
        put(r, "wcuPerCompletedSurvey", capacity.get("wcuPerCompletedSurvey"));
        put(r, "wcuPerCreditedReferral", capacity.get("wcuPerCreditedReferral"));
        put(r, "wcuPerRedeem", capacity.get("wcuPerRedeem"));
        put(r, "importWcuPerOrder", history.get("importWcuPerOrder"));
        put(r, "importOrdersPerSecond", history.get("importOrdersPerSecond"));
        Map<String, Object> large = (Map<String, Object>) sweep.getOrDefault("large", Map.of());
        put(r, "rcuPerDueFollowUp", large.get("rcuPerDue"));
        put(r, "sweepCostRatio100kTo10k", sweep.get("ratio"));
        Map<String, Object> scale = (Map<String, Object>) jvm.getOrDefault("sweepScale", Map.of());
        Map<String, Object> oneShop = (Map<String, Object>) scale.getOrDefault("oneShop", Map.of());
        Map<String, Object> manyShops = (Map<String, Object>) scale.getOrDefault("manyShops", Map.of());
        put(r, "sweepBacklogOneMillion", oneShop.get("stillDueAtNextRun"));
        put(r, "sweepBacklogThousandShops", manyShops.get("stillDueAtNextRun"));
        put(r, "maxWritesPerPartitionPerOrder", capacity.get("maxWritesPerPartitionPerOrder"));
        put(r, "awsCallsPerIntake", capacity.get("awsCallsPerIntake"));
        if (!cold.functions().isEmpty()) {
            r.put("coldStartRatioMax", Stats.round(cold.worstRatio(), 3));
            double primed = cold.worstPrimedRatio();
            if (!Double.isNaN(primed)) {
                r.put("primedFirstRequestRatioMax", Stats.round(primed, 3));
            }
            double overhead = cold.worstFrameworkOverhead();
            if (!Double.isNaN(overhead)) {
                r.put("frameworkOverheadMax", Stats.round(overhead, 3));
            }
            double restored = cold.worstRestoredRatio();
            if (!Double.isNaN(restored)) {
                r.put("restoredFirstRequestRatioMax", Stats.round(restored, 3));
            }
            double heap = cold.largestHeapAfterInitMb();
            if (!Double.isNaN(heap)) {
                r.put("heapAfterInitMbMax", Stats.round(heap, 1));
            }
        }
        long jarMax = 0;
        Map<String, Long> jars = new TreeMap<>();
        for (Path jar : deployedJars(repo)) {
            if (Files.isRegularFile(jar)) {
                jars.put(jar.getFileName().toString(), Files.size(jar));
                jarMax = Math.max(jarMax, Files.size(jar));
            }
        }
        if (jarMax > 0) {
            r.put("jarBytesMax", jarMax);
        }
        CostModel.Prices prices = CostModel.Prices.load();
        Map<String, Object> cost = new LinkedHashMap<>();
        if (year.containsKey("functions")) {
            CostModel.Year measured = YearSimulation.year(year, null);
            CostModel.Bill bill = CostModel.bill(measured, prices);
            // All in: the usage and any fixed monthly charge of prices-*.json over the same orders.
            r.put("usdPer1000Orders", Stats.round(bill.per1000OrdersAllIn(), 4));
            cost.put("pricesAsOf", prices.asOf());
            cost.put("year", measured);
            cost.put("usdPerYearByService", bill.byService());
            cost.put("usdPerYear", bill.total());
            cost.put("fixedUsdPerYear", bill.fixedPerYear());
            cost.put("usdPer1000OrdersUsage", Stats.round(bill.per1000Orders(), 4));
            cost.put("usdPer1000OrdersAllIn", Stats.round(bill.per1000OrdersAllIn(), 4));
            cost.put("lambdaUsdPerYearByFunction", CostModel.lambdaByFunction(measured, prices));
            Map<String, Double> emails = YearSimulation.emailsPerYear(year);
            Map<String, Object> sesByKind = new LinkedHashMap<>();
            emails.forEach((kind, n) -> sesByKind.put(kind, Map.of("emails", Stats.round(n, 0),
                    "usd", Stats.round(n * prices.sesPerEmail(), 4))));
            cost.put("sesPerYearByKind", sesByKind);
            if (!cold.functions().isEmpty()) {
                // If no invocation ever found a warm environment: each billed as a whole cold init + first request.
                Map<String, Double> coldSeconds = cold.inProcessSecondsByFunction();
                CostModel.Bill allCold = CostModel.bill(YearSimulation.year(year, coldSeconds), prices);
                cost.put("usdPer1000OrdersIfEveryInvocationCold", Stats.round(allCold.per1000Orders(), 4));
                cost.put("usdPerYearByServiceIfEveryInvocationCold", allCold.byService());
                cost.put("coldSecondsPerInvocation", coldSeconds);
            }
        }
        if (!load.isEmpty() && !load.containsKey("error")) {
            Map<String, Object> intakeLoad = new LinkedHashMap<>();
            for (String key : List.of("ordersSent", "duplicatesSent", "concurrency", "fiveXx", "busyWhileOriginalInFlight", "emailsSent", "p50Ms", "p99Ms")) {
                intakeLoad.put(key, load.get(key));
            }
            r.put("intakeLoad", intakeLoad);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("capacity", capacity);
        details.put("import", history);
        details.put("sweep", sweep);
        details.put("sweepScale", scale);
        details.put("coldStart", cold.summary());
        details.put("jars", jars);
        details.put("intakeLoad", load);
        details.put("year", year);
        details.put("cost", cost);
        r.put("details", details);
        r.put("targets", targets(r));
        return r;
    }

    private static void put(Map<String, Object> r, String key, Object value) {
        if (value instanceof Number) {
            r.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> targets(Map<String, Object> r) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (Row row : rows(r)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", row.target());
            m.put("met", row.met());
            t.put(row.key(), m);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    static List<Row> rows(Map<String, Object> r) {
        List<Row> rows = new ArrayList<>();
        rows.add(atMost(r, "wcuPerFirstOrder", 6));
        rows.add(atMost(r, "wcuPerDuplicate", 1));
        rows.add(atMost(r, "emailsPerDuplicate", 0));
        // 8 before the owner-insight issue (17), which allows +1 for the loyalty ladder's day counter.
        rows.add(atMost(r, "wcuPerOrderWholeLoop", 9));
        // No targets were set for these; the tests pin them (SurveyCapacityTest, WriteCapacityTest).
        for (String key : List.of("wcuPerCompletedSurvey", "wcuPerCreditedReferral", "wcuPerRedeem")) {
            rows.add(new Row(key, r.get(key), "(no target; pinned by tests)", null));
        }
        rows.add(atMost(r, "importWcuPerOrder", 6));
        rows.add(new Row("importOrdersPerSecond", r.get("importOrdersPerSecond"),
                "(no target; against the moto server)", null));
        // 2 for the sweep's own reads + 0.5: the eventually consistent suppression read before every email (issue 15).
        rows.add(atMost(r, "rcuPerDueFollowUp", 2.5));
        rows.add(atMost(r, "sweepCostRatio100kTo10k", 1.1));
        rows.add(atMost(r, "sweepBacklogOneMillion", 0));
        rows.add(atMost(r, "sweepBacklogThousandShops", 0));
        rows.add(atMost(r, "maxWritesPerPartitionPerOrder", 2));
        rows.add(atMost(r, "awsCallsPerIntake", 6));
        // Issue 18: against the one-GetItem baseline the ratio mostly measures each function's own first request
        // (a function wired by hand is already 1.6x it), so it is reported without a target; what Micronaut adds is
        // held by frameworkOverheadMax, the production path (SnapStart) by restoredFirstRequestRatioMax.
        rows.add(new Row("coldStartRatioMax", r.get("coldStartRatioMax"), "(no target; against the one-GetItem baseline)",
                null));
        rows.add(atMost(r, "frameworkOverheadMax", 1.15));
        rows.add(atMost(r, "restoredFirstRequestRatioMax", 1.5));
        rows.add(new Row("primedFirstRequestRatioMax", r.get("primedFirstRequestRatioMax"),
                "(no target; SnapStart priming)", null));
        rows.add(new Row("heapAfterInitMbMax", r.get("heapAfterInitMbMax"), "(no target; sizes the snapshot)", null));
        rows.add(atMost(r, "jarBytesMax", 12_000_000));
        rows.add(atMost(r, "usdPer1000Orders", 0.50));
        Map<String, Object> load = (Map<String, Object>) r.get("intakeLoad");
        if (load == null) {
            rows.add(new Row("intakeLoad", null, "fiveXx 0, emailsSent = ordersSent", null));
        } else {
            boolean met = load.get("fiveXx") instanceof Number f && f.intValue() == 0
                    && load.get("emailsSent") instanceof Number e && load.get("ordersSent") instanceof Number o
                    && e.intValue() == o.intValue();
            rows.add(new Row("intakeLoad", load, "fiveXx 0, emailsSent = ordersSent", met));
        }
        return rows;
    }

    private static Row atMost(Map<String, Object> r, String key, double target) {
        Object value = r.get(key);
        Boolean met = value instanceof Number n ? n.doubleValue() <= target + 1e-9 : null;
        String shown = target == Math.rint(target) ? String.format("≤ %,d", (long) target) : "≤ " + target;
        return new Row(key, value, shown, met);
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%nloyalty-loop benchmarks, %s, %s%n", r.get("date"), r.get("machine")));
        s.append(String.format("%-26s %-44s %-34s %s%n", "key", "measured", "target", "met"));
        for (Row row : rows(r)) {
            String value = row.value() == null ? "(not measured)" : row.value() instanceof Double d
                    ? String.valueOf(Stats.round(d, 4)) : String.valueOf(row.value());
            if (value.length() > 44) {
                value = value.substring(0, 41) + "...";
            }
            s.append(String.format("%-26s %-44s %-34s %s%n", row.key(), value, row.target(),
                    row.met() == null ? (row.target().startsWith("(no target") ? "-" : "?") : row.met() ? "yes" : "MISSED"));
        }
        Map<String, Object> cost = (Map<String, Object>) ((Map<String, Object>) r.getOrDefault("details", Map.of()))
                .getOrDefault("cost", Map.of());
        if (cost.get("usdPerYearByService") instanceof Map<?, ?> byService) {
            s.append(String.format("%ncost of a year at 12,000 orders (USD): usage %.2f + fixed %.2f; per 1,000 orders %.4f usage, %.4f all in%n",
                    ((Number) cost.get("usdPerYear")).doubleValue(), ((Number) cost.get("fixedUsdPerYear")).doubleValue(),
                    ((Number) cost.get("usdPer1000OrdersUsage")).doubleValue(), ((Number) cost.get("usdPer1000OrdersAllIn")).doubleValue()));
            byService.forEach((k, v) -> s.append(String.format("  %-32s %8.4f%n", k, ((Number) v).doubleValue())));
            s.append("  Lambda by function (requests + duration):\n");
            ((Map<String, Object>) cost.get("lambdaUsdPerYearByFunction")).forEach((k, v) ->
                    s.append(String.format("    %-30s %8.4f%n", k, ((Number) v).doubleValue())));
            s.append("  SES by kind (emails a year, USD):\n");
            ((Map<String, Object>) cost.get("sesPerYearByKind")).forEach((k, v) -> s.append(String.format("    %-30s %s%n", k, v)));
        }
        return s.toString();
    }

    /** The machine the figures come from. */
    static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = Math.round(kb / 1024.0 / 1024.0) + " GiB, ";
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + "Java "
                + System.getProperty("java.version");
    }

    /** The jars template.yaml deploys: every function's {@code CodeUri}, once each. */
    static List<Path> deployedJars(Path repo) throws IOException {
        java.util.regex.Matcher codeUri = java.util.regex.Pattern.compile("(?m)^\\s+CodeUri:\\s*(\\S+\\.jar)\\s*$")
                .matcher(Files.readString(repo.resolve("template.yaml")));
        List<Path> jars = new ArrayList<>();
        while (codeUri.find()) {
            Path jar = repo.resolve(codeUri.group(1));
            if (!jars.contains(jar)) {
                jars.add(jar);
            }
        }
        return jars;
    }
}
