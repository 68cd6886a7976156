package loyaltyloop.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end tier: the local runner, with its own moto server, driven over HTTP as a shop and its customers would. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestTiers.E2E)
@ExtendWith(TestTiers.class)
public @interface EndToEndTest {
}
