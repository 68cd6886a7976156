package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import loyaltyloop.testing.StandInLambdaContext;
import org.crac.Resource;

/**
 * One cold start, as a whole process: what the Lambda Java runtime does for the first event of a new execution
 * environment, and nothing more. Usage:
 *
 * <pre>java -cp FUNCTION-lambda.jar:loyalty-bench-*-invoke.jar loyaltyloop.bench.InvokeOnce HANDLER_CLASS EVENT.json</pre>
 *
 * <p>It constructs the handler with its no-arg constructor (the init phase), reads the event the way Lambda does
 * (the handler's declared input type through Jackson: an {@code APIGatewayV2HTTPEvent} for HTTP functions, a
 * {@code Map} for the rest), calls {@code handleRequest} once, prints the result and halts, skipping shutdown
 * hooks (a Lambda environment is frozen, not shut down). Configuration comes from the environment, as on Lambda.
 *
 * <p>With {@code LOYALTY_BENCH_FRESH=1} a repeated run is not a duplicate: a Shopify webhook gets a new order id,
 * customer email and webhook id and is signed again with {@code LOYALTY_BENCH_SHOPIFY_SECRET}; an event carrying
 * an order gets a new order id. So every run does a first delivery's work.
 *
 * <p>On stderr: {@code bench: init_ms=... handle_ms=...} (inside the process; the benchmark's figure is the whole
 * process timed from outside). This class depends only on the JDK, Jackson and aws-lambda-java-core, which every
 * function's jar carries, on {@link StandInLambdaContext}, which the invoke jar carries beside it, and, only under
 * {@code LOYALTY_BENCH_PRIME=1}, on org.crac, which the functions' jars and the baseline's carry. A primed run also
 * reports the heap after the hook ({@code heap_used_mb}, and {@code heap_live_mb} after a collection), which is
 * what a SnapStart snapshot holds.
 */
public final class InvokeOnce {

    private InvokeOnce() {
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            if (args.length != 2) {
                System.err.println("usage: InvokeOnce HANDLER_CLASS EVENT.json");
                exit = 64;
            } else {
                run(args[0], Path.of(args[1]));
            }
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exit);
    }

    private static void run(String handlerClass, Path eventFile) throws Exception {
        long start = System.nanoTime();
        Class<?> type = Class.forName(handlerClass);
        Object handler = type.getConstructor().newInstance();
        long constructed = System.nanoTime();
        // With LOYALTY_BENCH_PRIME=1, SnapStart's order: init, the before-snapshot hook, (snapshot, restore), the
        // after-restore hook, then the event; handle_ms is then what a restored function's first request costs,
        // less the restore itself and a re-opened connection, which need a CRaC JVM to measure.
        boolean prime = "1".equals(System.getenv("LOYALTY_BENCH_PRIME")) && handler instanceof Resource;
        String heap = "";
        long measuringHeap = 0;
        if (prime) {
            ((Resource) handler).beforeCheckpoint(null);
            // What the snapshot holds: the heap in use after the hook, and what of it is live (a checkpoint
            // collects first). Measured outside the timed request.
            long primed = System.nanoTime();
            Runtime runtime = Runtime.getRuntime();
            long used = runtime.totalMemory() - runtime.freeMemory();
            System.gc();
            long live = runtime.totalMemory() - runtime.freeMemory();
            heap = String.format(" heap_used_mb=%.1f heap_live_mb=%.1f", used / 1048576.0, live / 1048576.0);
            measuringHeap = System.nanoTime() - primed;
            ((Resource) handler).afterRestore(null);
        }
        long restored = System.nanoTime();

        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        JsonNode event = json.readTree(Files.readAllBytes(eventFile));
        if ("1".equals(System.getenv("LOYALTY_BENCH_FRESH"))) {
            event = fresh(json, event, System.getenv("LOYALTY_BENCH_SHOPIFY_SECRET"));
        }
        Class<?> inputType = inputType(type);
        Object input = Map.class.isAssignableFrom(inputType) ? json.convertValue(event, Map.class)
                : json.treeToValue(event, inputType);
        Method method = handleRequest(type);
        Object result = method.invoke(handler, input, lambdaContext(type));
        long handled = System.nanoTime();

        System.out.println("result: " + describe(result));
        System.err.printf("bench: init_ms=%.1f handle_ms=%.1f%s%s%n", (constructed - start) / 1e6, (handled - restored) / 1e6,
                prime ? String.format(" prime_ms=%.1f", (restored - constructed - measuringHeap) / 1e6) : "", heap);
    }

    /**
     * The context Lambda would pass: the function's name and memory as Lambda sets them in the environment (else the
     * handler's class name and 1024 MB), and the time left of a 20 s timeout ({@code LOYALTY_BENCH_TIMEOUT_SECONDS}).
     */
    private static Context lambdaContext(Class<?> handler) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        String seconds = System.getenv("LOYALTY_BENCH_TIMEOUT_SECONDS");
        return new StandInLambdaContext(name == null ? handler.getSimpleName() : name,
                Duration.ofSeconds(seconds == null ? 20 : Long.parseLong(seconds)),
                memory == null ? 1024 : Integer.parseInt(memory), System.err);
    }

    /** The handler's input type, resolved from {@code RequestHandler<I, O>} as the Lambda runtime does. */
    static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type iface : c.getGenericInterfaces()) {
                Class<?> found = firstArgument(iface, "com.amazonaws.services.lambda.runtime.RequestHandler");
                if (found != null) {
                    return found;
                }
            }
            Class<?> found = firstArgument(c.getGenericSuperclass(), null);
            if (found != null) {
                return found;
            }
        }
        return Map.class;
    }

    private static Class<?> firstArgument(Type type, String rawName) {
        if (!(type instanceof ParameterizedType parameterized)) {
            return null;
        }
        if (rawName != null && !((Class<?>) parameterized.getRawType()).getName().equals(rawName)) {
            return null;
        }
        Type first = parameterized.getActualTypeArguments()[0];
        if (first instanceof Class<?> c) {
            return c;
        }
        if (first instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return null;
    }

    private static Method handleRequest(Class<?> type) {
        Method best = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2
                    && m.getParameterTypes()[1] == Context.class && (best == null || best.isBridge())) {
                best = m;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException(type.getName() + " has no handleRequest(input, Context)");
        }
        return best;
    }

    /** The event as a first delivery: a new order id (and for a Shopify webhook a new id, email and signature). */
    static JsonNode fresh(ObjectMapper json, JsonNode event, String secret) throws Exception {
        ObjectNode copy = event.deepCopy();
        long id = 900_000_000_000L + Math.floorMod(System.nanoTime(), 99_000_000_000L);
        JsonNode headers = copy.path("headers");
        if (headers.isObject() && headers.has("x-shopify-hmac-sha256") && secret != null && copy.path("body").isTextual()
                && !copy.path("isBase64Encoded").asBoolean(false)) {
            ObjectNode body = (ObjectNode) json.readTree(copy.get("body").asText());
            body.put("id", id);
            body.put("email", "bench-" + id + "@example.com");
            String raw = json.writeValueAsString(body);
            copy.put("body", raw);
            ObjectNode h = (ObjectNode) headers;
            h.put("x-shopify-webhook-id", UUID.randomUUID().toString());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            h.put("x-shopify-hmac-sha256", Base64.getEncoder().encodeToString(mac.doFinal(raw.getBytes(StandardCharsets.UTF_8))));
        } else if (copy.path("detail").path("order").isObject()) {
            ObjectNode detail = (ObjectNode) copy.get("detail");
            detail.put("orderId", Long.toString(id));
            ((ObjectNode) detail.get("order")).put("orderId", Long.toString(id));
        }
        return copy;
    }

    private static String describe(Object result) {
        if (result == null) {
            return "null";
        }
        try {
            Method status = result.getClass().getMethod("getStatusCode");
            return "HTTP " + status.invoke(result);
        } catch (ReflectiveOperationException notHttp) {
            return String.valueOf(result);
        }
    }
}
