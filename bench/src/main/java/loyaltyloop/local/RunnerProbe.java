package loyaltyloop.local;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the benchmarks need from a running {@link LocalRunner} beyond its HTTP interface (bench only, which is why it
 * sits in the runner's package): every function the bus invokes timed and counted, and the runner's own schedule
 * ticker stopped, so that a simulation fires the schedules itself, at the simulated times it chooses, and can
 * attribute what each run cost.
 */
public final class RunnerProbe {

    /** One invocation the bus made: the function, the event's detail-type and how long the handler took. */
    public record Invocation(String functionId, String detailType, long nanos, boolean failed) {
    }

    private final List<Invocation> invocations = new ArrayList<>();
    private final Map<String, Integer> byFunction = new ConcurrentHashMap<>();

    private RunnerProbe() {
    }

    /**
     * Re-connects the runner's bus to the same rules and to the same handler classes on the runner's context,
     * timing each invocation; stops the schedule ticker. Call before sending traffic.
     */
    public static RunnerProbe attach(LocalRunner runner) {
        RunnerProbe probe = new RunnerProbe();
        LocalFunctions functions = new LocalFunctions(runner.template(), runner.applicationContext());
        runner.eventBus().connect(new EventRules(runner.template().rules()), (functionId, event) -> {
            long start = System.nanoTime();
            boolean failed = true;
            try {
                functions.invoke(functionId, event);
                failed = false;
            } finally {
                probe.record(new Invocation(functionId, String.valueOf(event.get("detail-type")),
                        System.nanoTime() - start, failed));
            }
        });
        stopTicker(runner);
        return probe;
    }

    private static void stopTicker(LocalRunner runner) {
        try {
            Field field = LocalRunner.class.getDeclaredField("schedules");
            field.setAccessible(true);
            ((ScheduleRunner) field.get(runner)).close();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot stop the runner's schedule ticker", e);
        }
    }

    private synchronized void record(Invocation invocation) {
        invocations.add(invocation);
        byFunction.merge(invocation.functionId(), 1, Integer::sum);
    }

    /** Every invocation so far, oldest first. */
    public synchronized List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** The memory size the template gives a function, in MB. */
    public static int memoryMb(LocalRunner runner, String functionId) {
        return runner.template().function(functionId).map(LocalTemplate.FunctionSpec::memoryMb)
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionId));
    }

    /** The template's logical ids of its functions. */
    public static List<String> functionIds(LocalRunner runner) {
        return runner.template().functions().stream().map(LocalTemplate.FunctionSpec::logicalId).toList();
    }
}
