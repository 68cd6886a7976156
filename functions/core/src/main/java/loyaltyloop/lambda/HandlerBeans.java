package loyaltyloop.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bean definitions one handler's context loads: the committed list {@code META-INF/loyalty/beans/<handler class>}
 * (one {@code $Definition} class name a line), in place of every definition the jar carries. Loading and initialising
 * all of a jar's definition classes (about 120, where unsubscribe uses a fifth of them) is about half of a Micronaut
 * context's start (issue 18). The lists are generated and checked by {@code HandlerBeanListsTest} in each function
 * module (core's test jar: {@code loyaltyloop.testing.HandlerBeanLists}), so they cannot drift silently; a listed class
 * that is not on the class path fails the start, loudly.
 *
 * <p>This is what micronaut-aot's service-loader optimisation does with {@code StaticOptimizations}, but per context,
 * not per JVM: the local runner and the tests start many handlers' contexts in one JVM, and they keep the full scan
 * (only the no-argument constructor, Lambda's, reads a list).
 */
public final class HandlerBeans {

    /** Where a handler's list lives in its function's jar. */
    public static final String LIST_DIRECTORY = "META-INF/loyalty/beans/";

    private HandlerBeans() {
    }

    /** The committed list for this handler, if its jar has one. */
    public static Optional<List<String>> listFor(Class<?> handler) {
        String resource = LIST_DIRECTORY + handler.getName();
        try (InputStream in = handler.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.add(name);
                    }
                }
            }
            return Optional.of(List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A context builder whose contexts load exactly these bean definitions (class names), and no others. */
    public static ApplicationContextBuilder builder(List<String> definitions, String source) {
        return new ListedBuilder(definitions, source);
    }

    /** The definitions, instantiated; a name that is not on the class path, or not a definition, fails loudly. */
    static List<BeanDefinitionReference> load(List<String> definitions, String source, ClassLoader loader) {
        List<BeanDefinitionReference> references = new ArrayList<>(definitions.size());
        for (String name : definitions) {
            Object reference;
            try {
                reference = Class.forName(name, false, loader).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException(source + " lists the bean definition " + name
                        + ", which this jar cannot load: rebuild the list (HandlerBeanListsTest, -Dbeans.update=true)", e);
            }
            if (!(reference instanceof BeanDefinitionReference<?> definition)) {
                throw new IllegalStateException(source + " lists " + name + ", which is not a bean definition");
            }
            // As Micronaut's own scan: a definition whose bean class is missing is left out, not an error.
            if (definition.isPresent()) {
                references.add(definition);
            }
        }
        return references;
    }

    private static final class ListedBuilder extends DefaultApplicationContextBuilder {

        private final List<String> definitions;
        private final String source;

        ListedBuilder(List<String> definitions, String source) {
            this.definitions = definitions;
            this.source = source;
        }

        @Override
        protected ApplicationContext newApplicationContext() {
            return new ListedContext(this, definitions, source);
        }
    }

    private static final class ListedContext extends DefaultApplicationContext {

        private final List<String> definitions;
        private final String source;
        private List<BeanDefinitionReference> references;

        ListedContext(ListedBuilder configuration, List<String> definitions, String source) {
            super(configuration);
            this.definitions = definitions;
            this.source = source;
        }

        @Override
        protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
            if (references == null) {
                references = load(definitions, source, getClassLoader());
            }
            return references;
        }
    }
}
