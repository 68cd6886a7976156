package loyaltyloop.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unit tier: no moto server, no LocalStack, no local runner; the whole tier runs in seconds
 * ({@code mvn -B -q test -Dgroups=unit}). Starting or reaching a local AWS fails the test.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTiers.UNIT)
@ExtendWith(TestTiers.class)
public @interface UnitTest {
}
