package loyaltyloop.local;

/** Runs one of the template's functions with one input, as the Lambda runtime would; answers its output. */
@FunctionalInterface
interface FunctionInvoker {

    /** Throws what the handler threw. */
    Object invoke(String functionId, Object input) throws Exception;
}
