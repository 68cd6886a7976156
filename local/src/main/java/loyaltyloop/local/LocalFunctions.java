package loyaltyloop.local;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import loyaltyloop.local.LocalTemplate.FunctionSpec;
import loyaltyloop.testing.StandInLambdaContext;

/**
 * One instance of every function's handler class, all on the runner's one application context, invoked the way
 * the Lambda runtime does: {@code handler.handleRequest(input, context)}.
 */
final class LocalFunctions implements FunctionInvoker {

    private record Loaded(FunctionSpec spec, Object handler, Method method) {
    }

    private final Map<String, Loaded> functions = new LinkedHashMap<>();

    LocalFunctions(LocalTemplate template, ApplicationContext context) {
        for (FunctionSpec spec : template.functions()) {
            functions.put(spec.logicalId(), load(spec, context));
        }
    }

    private static Loaded load(FunctionSpec spec, ApplicationContext context) {
        try {
            Class<?> type = Class.forName(spec.handlerClass());
            Object handler = type.getConstructor(ApplicationContext.class).newInstance(context);
            Method method = null;
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(spec.handlerMethod()) && candidate.getParameterCount() == 2
                        && candidate.getParameterTypes()[1] == Context.class && (method == null || method.isBridge())) {
                    method = candidate;
                }
            }
            if (method == null) {
                throw new IllegalStateException(spec.handlerClass() + " has no " + spec.handlerMethod() + "(input, Context)");
            }
            return new Loaded(spec, handler, method);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(spec.logicalId() + ": handler class " + spec.handlerClass()
                    + " is not on the runner's classpath (is its module a dependency of local/?)", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(spec.handlerClass() + " needs a constructor taking an ApplicationContext", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not create " + spec.handlerClass() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not create " + spec.handlerClass(), e);
        }
    }

    boolean has(String functionId) {
        return functions.containsKey(functionId);
    }

    /** Runs the function; an exception from the handler is rethrown as is (unwrapped). */
    @Override
    public Object invoke(String functionId, Object input) throws Exception {
        Loaded loaded = functions.get(functionId);
        if (loaded == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        FunctionSpec spec = loaded.spec();
        // The function's log lines go to stdout with the runner's own.
        Context context = new StandInLambdaContext(functionId, Duration.ofSeconds(spec.timeoutSeconds()),
                spec.memoryMb(), System.out);
        try {
            return loaded.method().invoke(loaded.handler(), input, context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
