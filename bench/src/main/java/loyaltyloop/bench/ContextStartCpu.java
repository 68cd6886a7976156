package loyaltyloop.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.lambda.HandlerBeans;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * One cold Micronaut context start and the handler's injection, timed with this thread's CPU clock (steadier than
 * wall time on a machine shared with other work), with every bean definition of the jar ({@code full}), the
 * handler's committed list ({@code list}), or that list less the definitions under a prefix ({@code without
 * PREFIX}). Usage, with the environment {@code bench/run} gives the functions:
 *
 * <pre>java -cp FUNCTION-lambda.jar:loyalty-bench-*-invoke.jar loyaltyloop.bench.ContextStartCpu HANDLER full|list|without PREFIX</pre>
 */
public final class ContextStartCpu {

    private ContextStartCpu() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handler = Class.forName(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        ApplicationContextBuilder builder;
        if ("full".equals(args[1])) {
            builder = LoyaltyRequestHandler.contextBuilder();
        } else if ("list".equals(args[1])) {
            builder = LoyaltyRequestHandler.contextBuilder(handler);
        } else {
            List<String> list = new ArrayList<>(HandlerBeans.listFor(handler).orElseThrow());
            list.removeIf(name -> name.startsWith(args[2]));
            builder = HandlerBeans.builder(list, "without " + args[2]).environments("function", "lambda")
                    .deduceEnvironment(false).deduceCloudEnvironment(false);
        }
        ApplicationContext context = builder.start();
        handler.getConstructor(ApplicationContext.class).newInstance(context);
        System.err.printf("bench: context_cpu_ms=%.0f context_wall_ms=%.0f definitions=%d%n",
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6,
                context.getAllBeanDefinitions().size());
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
