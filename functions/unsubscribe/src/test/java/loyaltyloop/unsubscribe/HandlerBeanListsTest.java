package loyaltyloop.unsubscribe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.NoSuchBeanException;
import java.nio.file.Path;
import java.util.List;
import loyaltyloop.lambda.HandlerBeans;
import loyaltyloop.testing.HandlerBeanLists;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Each handler's committed bean list (all its Lambda context loads, {@link HandlerBeans}) is the one this module's
 * class path gives now, and leaves none of its beans' injection points without a candidate.
 * After a change of beans: {@code mvn -pl functions/unsubscribe -am test -Dtest=HandlerBeanListsTest
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

    @Test
    void aListThatMissesABeanFailsLoudly() {
        List<String> missing = HandlerBeans.listFor(UnsubscribeHandler.class).orElseThrow().stream()
                .filter(d -> !d.equals("loyaltyloop.customers.$Unsubscribes$Definition")).toList();

        assertThatThrownBy(() -> HandlerBeanLists.assertListIsComplete(UnsubscribeHandler.class, missing,
                HandlerBeanLists.FUNCTION_PROPERTIES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("loyaltyloop.unsubscribe.UnsubscribeHandler needs loyaltyloop.customers.Unsubscribes");
        // and the handler cannot start on it: Lambda's init fails, no request is answered without it
        try (ApplicationContext context = HandlerBeans.builder(missing, "test").environments("function", "lambda")
                .deduceEnvironment(false).properties(HandlerBeanLists.FUNCTION_PROPERTIES).start()) {
            assertThatThrownBy(() -> new UnsubscribeHandler(context)).hasRootCauseInstanceOf(NoSuchBeanException.class)
                    .rootCause().hasMessageContaining("Unsubscribes");
        }
    }

    @Test
    void aListNamingAClassTheJarLacksFailsTheStart() {
        List<String> renamed = List.of("loyaltyloop.customers.$NoSuchBean$Definition");

        assertThatThrownBy(() -> HandlerBeans.builder(renamed, "META-INF/loyalty/beans/x").start())
                .hasMessageContaining("META-INF/loyalty/beans/x lists the bean definition "
                        + "loyaltyloop.customers.$NoSuchBean$Definition, which this jar cannot load");
    }
}
