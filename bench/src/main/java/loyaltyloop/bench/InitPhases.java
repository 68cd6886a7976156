package loyaltyloop.bench;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.lambda.LoyaltyRequestHandler;

/**
 * Where a function's init time goes, as a whole process like {@link InvokeOnce}: the Micronaut context as the
 * handlers start it ({@code LoyaltyRequestHandler}), then each AWS SDK client the jar carries, then the rest of the
 * handler's beans. Prints {@code phase_ms=<ms> <phase>} lines on stderr. Usage:
 *
 * <pre>java -cp FUNCTION-lambda.jar:loyalty-bench-*-invoke.jar loyaltyloop.bench.InitPhases HANDLER_CLASS</pre>
 *
 * <p>Configuration comes from the environment, as for {@link InvokeOnce}. The phases are timed in this order in one
 * JVM, so a phase also pays for the classes the ones before it did not load.
 */
public final class InitPhases {

    private static final List<String> CLIENTS = List.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.sesv2.SesV2Client",
            "software.amazon.awssdk.services.eventbridge.EventBridgeClient");

    private InitPhases() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handler = Class.forName(args[0]);
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        ApplicationContext context = LoyaltyRequestHandler.contextBuilder(handler).start();
        long t = lap(lines, "micronaut context start", start);
        for (String client : CLIENTS) {
            Class<?> type;
            try {
                type = Class.forName(client);
            } catch (ClassNotFoundException notInThisJar) {
                continue;
            }
            context.getBean(type);
            t = lap(lines, client.substring(client.lastIndexOf('.') + 1), t);
        }
        handler.getConstructor(ApplicationContext.class).newInstance(context);
        t = lap(lines, "the handler's other beans", t);
        lines.add(String.format("phase_ms=%.1f total", (t - start) / 1e6));
        lines.forEach(System.err::println);
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long lap(List<String> lines, String phase, long since) {
        long now = System.nanoTime();
        lines.add(String.format("phase_ms=%.1f %s", (now - since) / 1e6, phase));
        return now;
    }
}
