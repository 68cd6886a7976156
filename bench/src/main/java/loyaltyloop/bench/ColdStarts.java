package loyaltyloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold starts {@code bench/run} timed: per function, pairs of whole processes run alternately, the function
 * then the baseline (pair 0 is the warm-up and is not counted). A line of {@code coldstart.tsv}:
 * {@code function  pair  function_ms  baseline_ms  function_init_ms  function_handle_ms  baseline_init_ms
 * baseline_handle_ms  function_result}.
 */
record ColdStarts(Map<String, List<Pair>> functions) {

    /**
     * One pair of cold starts, function and baseline, and beside them one more run of the function with SnapStart's
     * before-snapshot hook called after init ({@code LOYALTY_BENCH_PRIME=1}): its first request, and the hook's time.
     */
    record Pair(double functionMs, double baselineMs, double initMs, double handleMs, double baselineInitMs,
            double baselineHandleMs, String result, double primedHandleMs, double primeMs) {

        double ratio() {
            return functionMs / baselineMs;
        }

        /** The primed first request ÷ the unprimed one: what priming leaves of it. */
        double primedRatio() {
            return primedHandleMs / handleMs;
        }
    }

    static ColdStarts read(Path tsv) throws IOException {
        Map<String, List<Pair>> functions = new LinkedHashMap<>();
        if (!Files.exists(tsv)) {
            return new ColdStarts(functions);
        }
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t", -1);
            if (f.length < 9 || line.startsWith("#") || "0".equals(f[1])) {
                continue;
            }
            functions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Pair(num(f[2]), num(f[3]), num(f[4]),
                    num(f[5]), num(f[6]), num(f[7]), f[8], f.length > 10 ? num(f[9]) : Double.NaN,
                    f.length > 10 ? num(f[10]) : Double.NaN));
        }
        return new ColdStarts(functions);
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    double medianRatio(String function) {
        return Stats.median(functions.get(function).stream().map(Pair::ratio).toList());
    }

    double worstRatio() {
        return functions.keySet().stream().mapToDouble(this::medianRatio).max().orElse(Double.NaN);
    }

    /** The worst function's median of primed ÷ unprimed first request; NaN when no primed runs were made. */
    double worstPrimedRatio() {
        return functions.values().stream()
                .map(pairs -> pairs.stream().map(Pair::primedRatio).filter(r -> !Double.isNaN(r)).toList())
                .filter(ratios -> !ratios.isEmpty())
                .mapToDouble(Stats::median).max().orElse(Double.NaN);
    }

    /** Per function: the median in-process time of init + first request, in seconds. */
    Map<String, Double> inProcessSecondsByFunction() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        functions.forEach((fn, pairs) -> seconds.put(fn,
                Stats.median(pairs.stream().map(p -> (p.initMs() + p.handleMs()) / 1000).toList())));
        return seconds;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        functions.forEach((fn, pairs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pairs", pairs.size());
            m.put("medianMs", Stats.round(Stats.median(pairs.stream().map(Pair::functionMs).toList()), 0));
            m.put("baselineMedianMs", Stats.round(Stats.median(pairs.stream().map(Pair::baselineMs).toList()), 0));
            m.put("medianRatio", Stats.round(medianRatio(fn), 3));
            m.put("minRatio", Stats.round(Stats.percentile(pairs.stream().map(Pair::ratio).toList(), 0), 3));
            m.put("maxRatio", Stats.round(Stats.percentile(pairs.stream().map(Pair::ratio).toList(), 100), 3));
            m.put("medianInitMs", Stats.round(Stats.median(pairs.stream().map(Pair::initMs).toList()), 0));
            m.put("medianFirstRequestMs", Stats.round(Stats.median(pairs.stream().map(Pair::handleMs).toList()), 0));
            m.put("baselineMedianInitMs", Stats.round(Stats.median(pairs.stream().map(Pair::baselineInitMs).toList()), 0));
            m.put("baselineMedianFirstRequestMs",
                    Stats.round(Stats.median(pairs.stream().map(Pair::baselineHandleMs).toList()), 0));
            List<Pair> primed = pairs.stream().filter(p -> !Double.isNaN(p.primedRatio())).toList();
            if (!primed.isEmpty()) {
                m.put("medianPrimedFirstRequestMs", Stats.round(Stats.median(primed.stream().map(Pair::primedHandleMs).toList()), 0));
                m.put("medianPrimeMs", Stats.round(Stats.median(primed.stream().map(Pair::primeMs).toList()), 0));
                m.put("medianPrimedRatio", Stats.round(Stats.median(primed.stream().map(Pair::primedRatio).toList()), 3));
            }
            m.put("result", pairs.get(pairs.size() - 1).result());
            out.put(fn, m);
        });
        return out;
    }
}
