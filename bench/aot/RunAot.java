import io.micronaut.aot.MicronautAotOptimizer;
import java.io.FileReader;
import java.io.Reader;
import java.util.Properties;

/**
 * Runs Micronaut's ahead-of-time analysis on one function jar, in JIT mode (for a JVM, not a native image): the
 * generated, compiled classes land in OUTPUT/classes, to be added to a copy of the jar. Launched as a source file
 * by {@code BENCH_AOT=1 bash bench/run}, with the AOT tools and the function jar on the class path:
 *
 * <pre>java -cp 'AOT_LIBS/*:FUNCTION-lambda.jar' bench/aot/RunAot.java bench/aot/optimizations.properties FUNCTION-lambda.jar OUTPUT</pre>
 */
public class RunAot {

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        try (Reader in = new FileReader(args[0])) {
            config.load(in);
        }
        config.setProperty("classpath", args[1]);
        config.setProperty("output.directory", args[2]);
        config.setProperty("package", "loyaltyloop.aot");
        config.setProperty("runtime", "JIT");
        MicronautAotOptimizer.execute(config);
    }
}
