package loyaltyloop.deliverability;

import java.nio.file.Path;
import loyaltyloop.lambda.HandlerBeans;
import loyaltyloop.testing.HandlerBeanLists;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Each handler's committed bean list (all its Lambda context loads, {@link HandlerBeans}) is the one this module's
 * class path gives now, and leaves none of its beans' injection points without a candidate.
 * After a change of beans: {@code mvn -pl functions/ses-events -am test -Dtest=HandlerBeanListsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbeans.update=true}, then look at the diff.
 */
@UnitTest
class HandlerBeanListsTest {

    @Test
    void eachCommittedListIsTheGeneratedOne() throws Exception {
        for (Class<?> handler : HandlerBeanLists.handlersOf(Path.of(""))) {
            HandlerBeanLists.assertCommittedListIsCurrent(Path.of(""), handler);
        }
    }

    @Test
    void eachListLeavesNoInjectionPointWithoutACandidate() throws Exception {
        for (Class<?> handler : HandlerBeanLists.handlersOf(Path.of(""))) {
            HandlerBeanLists.assertListIsComplete(handler, HandlerBeans.listFor(handler).orElseThrow(),
                    HandlerBeanLists.FUNCTION_PROPERTIES);
        }
    }
}
