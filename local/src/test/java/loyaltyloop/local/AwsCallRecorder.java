package loyaltyloop.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every AWS SDK call one thread makes while {@link #record} runs, in order: the round trips a handler waits for.
 * A DynamoDB call on one item is named with the kind of item (its keys' prefixes: {@code PutItem ORDER/ORDER}),
 * and {@code (condition failed)} when its condition refused it; any other call as {@code Service.Operation}.
 * Installed in every SDK client of the test JVM as a global interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}); records nothing unless asked.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    private static final ExecutionAttribute<Integer> POSITION = new ExecutionAttribute<>("recorded-call");

    /** Runs {@code work} on this thread and answers the SDK calls it made. */
    static List<String> record(Runnable work) {
        List<String> calls = new ArrayList<>();
        RECORDING.set(calls);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return List.copyOf(calls);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<String> calls = RECORDING.get();
        if (calls != null) {
            attributes.putAttribute(POSITION, calls.size());
            calls.add(describe(context.request(), attributes));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        List<String> calls = RECORDING.get();
        Integer at = attributes.getAttribute(POSITION);
        if (calls != null && at != null && context.exception() instanceof ConditionalCheckFailedException) {
            calls.set(at, calls.get(at) + " (condition failed)");
        }
    }

    private static String describe(SdkRequest request, ExecutionAttributes attributes) {
        if (request instanceof GetItemRequest r) {
            return "GetItem " + kind(r.key());
        } else if (request instanceof PutItemRequest r) {
            return "PutItem " + kind(r.item());
        } else if (request instanceof UpdateItemRequest r) {
            return "UpdateItem " + kind(r.key());
        } else if (request instanceof DeleteItemRequest r) {
            return "DeleteItem " + kind(r.key());
        } else if (request instanceof QueryRequest) {
            return "Query";
        }
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private static String kind(Map<String, AttributeValue> item) {
        return prefix(item.get("PK")) + "/" + prefix(item.get("SK"));
    }

    private static String prefix(AttributeValue key) {
        return key == null || key.s() == null ? "?" : key.s().split("#", 2)[0];
    }
}
