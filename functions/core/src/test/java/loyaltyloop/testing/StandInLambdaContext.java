package loyaltyloop.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda {@link Context} of one invocation made outside Lambda: by the local runner, by the benchmark's
 * {@code InvokeOnce} and by tests. Its time left counts down from {@code timeLeft}, as a function's does from its
 * timeout; its logger writes each message as a line on {@code log}, prefixed by the function and request.
 *
 * <p>It depends on the JDK and aws-lambda-java-core only, so the benchmark can put it beside a function's
 * deployment jar.
 */
public final class StandInLambdaContext implements Context {

    /** The region and account of the invoked function's ARN (the local runner's). */
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "000000000000";

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadlineMillis;
    private final int memoryMb;
    private final LambdaLogger logger;

    public StandInLambdaContext(String functionName, Duration timeLeft, int memoryMb, PrintStream log) {
        this.functionName = functionName;
        this.deadlineMillis = System.currentTimeMillis() + timeLeft.toMillis();
        this.memoryMb = memoryMb;
        String prefix = "[" + functionName + " " + requestId.substring(0, 8) + "] ";
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.println(prefix + message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
