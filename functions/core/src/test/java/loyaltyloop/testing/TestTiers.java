package loyaltyloop.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import loyaltyloop.testing.moto.AwsEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Keeps the test tiers honest. Every test class carries exactly one tier ({@link UnitTest}, {@link MotoTest},
 * {@link EndToEndTest}): JUnit's extension auto-detection (core's test {@code junit-platform.properties}) applies
 * this to classes that carry none, so they fail. While a unit class runs, any start of or call to a local AWS
 * fails; a moto-tier class is skipped, with the one-line reason, where the selected emulator cannot run.
 */
public final class TestTiers implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    public static final String UNIT = "unit";
    public static final String MOTO = "moto";
    public static final String E2E = "e2e";

    private static final Set<String> TIERS = Set.of(UNIT, MOTO, E2E);
    private static final AtomicBoolean SKIP_REASON_PRINTED = new AtomicBoolean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestTiers.class);
    private static final String OUTER_FORBIDDEN = "forbidden before this class";

    @Override
    public void beforeAll(ExtensionContext context) {
        Set<String> tiers = context.getTags().stream().filter(TIERS::contains).collect(Collectors.toSet());
        String testClass = context.getRequiredTestClass().getName();
        if (tiers.size() != 1) {
            throw new IllegalStateException(testClass + " needs exactly one test tier, has " + tiers
                    + ": annotate it @UnitTest, @MotoTest or @EndToEndTest (README, Tests)");
        }
        String tier = tiers.iterator().next();
        if (tier.equals(UNIT)) {
            String outer = System.getProperty(AwsEmulator.FORBIDDEN_PROPERTY);
            if (outer != null) {
                context.getStore(NAMESPACE).put(OUTER_FORBIDDEN, outer);
            }
            System.setProperty(AwsEmulator.FORBIDDEN_PROPERTY, testClass + " is a unit test (@UnitTest): it must not"
                    + " start or reach the moto server or any local AWS; make it a @MotoTest if it needs one");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getTags().contains(UNIT)) {
            String outer = context.getStore(NAMESPACE).get(OUTER_FORBIDDEN, String.class);
            if (outer == null) {
                System.clearProperty(AwsEmulator.FORBIDDEN_PROPERTY);
            } else {
                System.setProperty(AwsEmulator.FORBIDDEN_PROPERTY, outer);
            }
        }
    }

    /** A moto-tier class is skipped, with the reason, where the selected emulator cannot run. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || !context.getTags().contains(MOTO)) {
            return ConditionEvaluationResult.enabled("not a moto-tier class");
        }
        String emulator = AwsEmulator.selected();
        if (!emulator.equals(AwsEmulator.MOTO)) {
            for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
                String motoOnly = AnnotationSupport.findAnnotation(c, MotoTest.class).map(MotoTest::motoOnly).orElse("");
                if (!motoOnly.isEmpty()) {
                    return ConditionEvaluationResult.disabled("runs on the moto server only: " + motoOnly);
                }
            }
        }
        String unavailable = AwsEmulator.unavailableBecause();
        if (unavailable == null) {
            return ConditionEvaluationResult.enabled(emulator + " runs here");
        }
        if (SKIP_REASON_PRINTED.compareAndSet(false, true)) {
            System.out.println("[" + emulator + "] moto tier skipped: " + unavailable);
        }
        return ConditionEvaluationResult.disabled(emulator + " cannot run here: " + unavailable);
    }
}
