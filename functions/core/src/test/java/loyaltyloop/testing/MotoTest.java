package loyaltyloop.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AWS-adapter and handler tier: talks to a local AWS through {@link TestAws}, the moto server by default or
 * LocalStack under {@code mvn -Plocalstack}; skipped, with the reason, where the selected emulator cannot run.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTiers.MOTO)
@ExtendWith(TestTiers.class)
public @interface MotoTest {

    /**
     * Set, to why, for a class that relies on something only the moto server does: it is skipped against any
     * other emulator.
     */
    String motoOnly() default "";
}
