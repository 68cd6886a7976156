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
 * baseline_handle_ms  function_result  primed_handle_ms  prime_ms  twin_ms  twin_init_ms  twin_handle_ms
 * primed_baseline_handle_ms  heap_used_mb  heap_live_mb  function_cpu_ms  twin_cpu_ms  baseline_cpu_ms} (NaN where
 * there is no twin, no primed run or no {@code /usr/bin/time}).
 */
record ColdStarts(Map<String, List<Pair>> functions) {

    /**
     * One pair of cold starts, function and baseline, and beside them: the function's hand-wired twin (the same
     * services built with {@code new}), and the function and the baseline each with SnapStart's before-snapshot hook
     * called after init ({@code LOYALTY_BENCH_PRIME=1}): their first requests, the hook's time and the heap after it.
     */
    record Pair(double functionMs, double baselineMs, double initMs, double handleMs, double baselineInitMs,
            double baselineHandleMs, String result, double primedHandleMs, double primeMs, double twinMs,
            double twinInitMs, double twinHandleMs, double primedBaselineHandleMs, double heapUsedMb, double heapLiveMb,
            double functionCpuMs, double twinCpuMs, double baselineCpuMs) {

        double ratio() {
            return functionMs / baselineMs;
        }

        /** The function's whole cold start ÷ its hand-wired twin's: what Micronaut adds. */
        double frameworkOverhead() {
            return functionMs / twinMs;
        }

        /** The same in CPU time (user + system): far steadier than wall time on a machine shared with other work. */
        double frameworkOverheadCpu() {
            return functionCpuMs / twinCpuMs;
        }

        /** The function's first request after the before-snapshot hook ÷ the baseline's after its own. */
        double restoredRatio() {
            return primedHandleMs / primedBaselineHandleMs;
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
                    num(f[5]), num(f[6]), num(f[7]), f[8], column(f, 9), column(f, 10), column(f, 11), column(f, 12),
                    column(f, 13), column(f, 14), column(f, 15), column(f, 16), column(f, 17), column(f, 18),
                    column(f, 19)));
        }
        return new ColdStarts(functions);
    }

    private static double column(String[] f, int i) {
        return f.length > i ? num(f[i]) : Double.NaN;
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

    /** Per function with a hand-wired twin: the median of the pairs' function ÷ twin. */
    Map<String, Double> frameworkOverheadByFunction() {
        Map<String, Double> out = new LinkedHashMap<>();
        functions.forEach((fn, pairs) -> {
            List<Double> r = pairs.stream().map(Pair::frameworkOverhead).filter(x -> !Double.isNaN(x)).toList();
            if (!r.isEmpty()) {
                out.put(fn, Stats.median(r));
            }
        });
        return out;
    }

    /** The worst function's median of function ÷ hand-wired twin; NaN when no twin ran. */
    double worstFrameworkOverhead() {
        return frameworkOverheadByFunction().values().stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    }

    /** The worst function's median of restored first request ÷ the primed baseline's; NaN without primed runs. */
    double worstRestoredRatio() {
        return functions.values().stream()
                .map(pairs -> pairs.stream().map(Pair::restoredRatio).filter(r -> !Double.isNaN(r)).toList())
                .filter(ratios -> !ratios.isEmpty())
                .mapToDouble(Stats::median).max().orElse(Double.NaN);
    }

    /** The largest function's median heap in use after init and the before-snapshot hook, in MB (what a snapshot holds). */
    double largestHeapAfterInitMb() {
        return functions.values().stream()
                .map(pairs -> pairs.stream().map(Pair::heapUsedMb).filter(h -> !Double.isNaN(h)).toList())
                .filter(h -> !h.isEmpty())
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
            List<Pair> twinned = pairs.stream().filter(p -> !Double.isNaN(p.frameworkOverhead())).toList();
            if (!twinned.isEmpty()) {
                m.put("twinMedianMs", Stats.round(Stats.median(twinned.stream().map(Pair::twinMs).toList()), 0));
                m.put("twinMedianInitMs", Stats.round(Stats.median(twinned.stream().map(Pair::twinInitMs).toList()), 0));
                m.put("twinMedianFirstRequestMs",
                        Stats.round(Stats.median(twinned.stream().map(Pair::twinHandleMs).toList()), 0));
                m.put("frameworkOverhead", Stats.round(Stats.median(twinned.stream().map(Pair::frameworkOverhead).toList()), 3));
                List<Double> cpu = twinned.stream().map(Pair::frameworkOverheadCpu).filter(x -> !Double.isNaN(x)).toList();
                if (!cpu.isEmpty()) {
                    m.put("frameworkOverheadCpuTime", Stats.round(Stats.median(cpu), 3));
                    m.put("medianCpuMs", Stats.round(Stats.median(twinned.stream().map(Pair::functionCpuMs).toList()), 0));
                    m.put("twinMedianCpuMs", Stats.round(Stats.median(twinned.stream().map(Pair::twinCpuMs).toList()), 0));
                }
            }
            List<Pair> restored = pairs.stream().filter(p -> !Double.isNaN(p.restoredRatio())).toList();
            if (!restored.isEmpty()) {
                m.put("medianPrimedBaselineFirstRequestMs",
                        Stats.round(Stats.median(restored.stream().map(Pair::primedBaselineHandleMs).toList()), 0));
                m.put("restoredFirstRequestRatio",
                        Stats.round(Stats.median(restored.stream().map(Pair::restoredRatio).toList()), 3));
            }
            List<Pair> heap = pairs.stream().filter(p -> !Double.isNaN(p.heapUsedMb())).toList();
            if (!heap.isEmpty()) {
                m.put("medianHeapUsedAfterInitMb", Stats.round(Stats.median(heap.stream().map(Pair::heapUsedMb).toList()), 1));
                m.put("medianHeapLiveAfterInitMb", Stats.round(Stats.median(heap.stream().map(Pair::heapLiveMb).toList()), 1));
            }
            m.put("result", pairs.get(pairs.size() - 1).result());
            out.put(fn, m);
        });
        return out;
    }
}
