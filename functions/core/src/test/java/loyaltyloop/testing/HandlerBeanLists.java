package loyaltyloop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanResolutionContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.DiagnosticInfoPopulator;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.http.HttpRequestHandler;
import loyaltyloop.lambda.HandlerBeans;
import loyaltyloop.lambda.LoyaltyRequestHandler;
import loyaltyloop.lambda.SnapshotPriming;

/**
 * Generates and checks the per-handler bean-definition lists that {@link HandlerBeans} installs (issue 18), from the
 * class path of the function's module. A handler's list is the closure, over every bean definition on that class
 * path, of:
 * <ul>
 * <li>the handler's own definition (Micronaut injects the handler through it);</li>
 * <li>the types Micronaut itself looks up while a full context starts (recorded), less {@link #LEFT_OUT};</li>
 * <li>what the handlers look up by type at run time: {@link SnapshotPriming} (the SnapStart hook), for HTTP
 *     handlers {@link EmailTemplates} (the 500/503 page), and what Micronaut's request handler looks up on each
 *     request ({@link LambdaContextFactory}, which makes the Lambda {@code Context} a bean);</li>
 * </ul>
 * where each chosen definition adds every definition that could satisfy one of its injection points (its required
 * components: constructor, fields, methods, {@code Provider}, {@code Optional} and collection arguments alike), the
 * factory that produces it, and the beans its {@code @Requires(beans = ...)} names. Requirements are not evaluated:
 * a definition that may be disabled at run time stays in (the context still checks it there), so the list is the
 * same for every configuration. Definitions from test class paths never enter a list.
 */
public final class HandlerBeanLists {

    /**
     * Micronaut's own definitions that a full context makes at start and no handler of ours uses, left out of every
     * list on purpose (each checked: no handler schedules, runs {@code @Async} methods or answers an HTTP request
     * through Micronaut). A prefix of the definition's class name.
     */
    static final List<String> LEFT_OUT = List.of(
            // The scheduling module: @Scheduled/@Async processing, its executors and their startup listener.
            "io.micronaut.scheduling.",
            // Restarting on a changed file: a development server's feature.
            "io.micronaut.runtime.server.watch.",
            // Graceful shutdown: Lambda freezes an environment and ends it without a shutdown.
            "io.micronaut.runtime.graceful.",
            // The refresh scope (@Refreshable beans), @Mapper methods, @ConfigurationProperties interfaces.
            "io.micronaut.runtime.context.scope.refresh.",
            "io.micronaut.runtime.beans.$MapperIntroduction",
            "io.micronaut.runtime.context.env.$ConfigurationIntroductionAdvice",
            // Log levels from `logger.levels.*` properties: none is set (template.yaml, no application config); the
            // functions' levels are the Lambda slf4j logger's.
            "io.micronaut.logging.",
            // Micronaut's JSON binding and converters: they need a JsonMapper, which no jar carries since
            // micronaut-jackson-databind was dropped (the code maps JSON with its own ObjectMapper; Lambda's runtime
            // reads the handlers' input). Guarded in generate(): a JsonMapper bean on the class path fails it.
            "io.micronaut.json.");

    /** What would need one of {@link #LEFT_OUT}: a chosen definition carrying one of these fails the generation. */
    private static final List<String> NEEDS_LEFT_OUT = List.of(
            "io.micronaut.scheduling.annotation.Scheduled", "io.micronaut.scheduling.annotation.Async",
            "io.micronaut.runtime.context.scope.Refreshable", "io.micronaut.context.annotation.Mapper",
            "io.micronaut.context.annotation.ConfigurationProperties");

    /** Configuration as the template gives every function (values that point nowhere: nothing is called). */
    public static final Map<String, Object> FUNCTION_PROPERTIES = Map.of("loyalty.table", "T", "loyalty.event-bus", "b",
            "loyalty.aws.endpoint-url", "http://127.0.0.1:1");

    private HandlerBeanLists() {
    }

    /** The list the handler's jar should carry, sorted. */
    public static List<String> generate(Class<?> handler) {
        RecordingBuilder builder = new RecordingBuilder();
        builder.environments("function", "lambda").deduceEnvironment(false).deduceCloudEnvironment(false);
        try (ApplicationContext started = builder.build().start()) {
            RecordingContext context = (RecordingContext) started;
            assertNoJsonMapper(context.allReferences());
            List<BeanDefinitionReference> all = context.allReferences().stream()
                    .filter(r -> !fromTests(r.getClass()) && !leftOut(r.getClass().getName())).toList();
            Deque<Class<?>> wanted = new ArrayDeque<>();
            wanted.add(handler);
            wanted.add(SnapshotPriming.class);
            if (HttpRequestHandler.class.isAssignableFrom(handler)) {
                wanted.add(EmailTemplates.class);
            }
            wanted.addAll(context.lookedUp);
            // What MicronautRequestHandler looks up on every request (HandlerUtils.configureWithContext): without
            // the factory the Lambda Context never becomes a bean, and a handler asking for its time left hears none.
            wanted.add(LambdaContextFactory.class);
            wanted.add(DiagnosticInfoPopulator.class);
            Set<Class<?>> seen = new HashSet<>();
            Set<String> chosen = new TreeSet<>();
            while (!wanted.isEmpty()) {
                Class<?> type = wanted.poll();
                if (!seen.add(type)) {
                    continue;
                }
                for (BeanDefinitionReference<?> reference : all) {
                    if (!reference.isPresent() || !type.isAssignableFrom(reference.getBeanType())
                            || !chosen.add(reference.getClass().getName())) {
                        continue;
                    }
                    BeanDefinition<?> definition = reference.load();
                    assertNeedsNothingLeftOut(definition);
                    wanted.addAll(injected(definition));
                    definition.getDeclaringType().filter(d -> d != definition.getBeanType()).ifPresent(wanted::add);
                    for (AnnotationValue<Requires> requires : definition.getAnnotationValuesByType(Requires.class)) {
                        for (Class<?> bean : requires.classValues("beans")) {
                            wanted.add(bean);
                        }
                    }
                }
            }
            return List.copyOf(chosen);
        }
    }

    /**
     * The handlers of a function module: every concrete {@link LoyaltyRequestHandler} among its compiled classes
     * ({@code target/classes}), so a new handler cannot go without a list.
     */
    public static List<Class<?>> handlersOf(Path module) throws IOException {
        Path classes = module.resolve("target/classes");
        List<Class<?>> handlers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .sorted().toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                Class<?> type;
                try {
                    type = Class.forName(name.substring(0, name.length() - ".class".length()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (LoyaltyRequestHandler.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    handlers.add(type);
                }
            }
        }
        assertThat(handlers).as("handlers in %s", classes).isNotEmpty();
        return handlers;
    }

    /** Where the handler's committed list lives in its module's sources. */
    public static Path committedFile(Path module, Class<?> handler) {
        return module.resolve("src/main/resources").resolve(HandlerBeans.LIST_DIRECTORY + handler.getName());
    }

    /**
     * Fails when the handler's committed list differs from the one generated now, saying what to add and remove;
     * with {@code -Dbeans.update=true} writes the generated list instead (then look at the diff).
     */
    public static void assertCommittedListIsCurrent(Path module, Class<?> handler) throws IOException {
        List<String> generated = generate(handler);
        Path file = committedFile(module, handler);
        if (Boolean.getBoolean("beans.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", generated) + "\n", StandardCharsets.UTF_8);
        }
        List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList() : List.of();
        Set<String> missing = new TreeSet<>(generated);
        committed.forEach(missing::remove);
        Set<String> extra = new TreeSet<>(committed);
        generated.forEach(extra::remove);
        assertThat(Files.exists(file)).as("%s has no bean list: run this test with -Dbeans.update=true", handler.getName())
                .isTrue();
        assertThat(missing).as("bean definitions %s's context needs and its list (%s) lacks; rerun with "
                + "-Dbeans.update=true", handler.getSimpleName(), file).isEmpty();
        assertThat(extra).as("bean definitions %s's list (%s) names and its context no longer needs; rerun with "
                + "-Dbeans.update=true", handler.getSimpleName(), file).isEmpty();
    }

    /**
     * Starts a context as Lambda starts the handler's (only the listed definitions) beside one with every definition
     * of the class path, and fails, naming them, on listed beans that the full context enables and the listed one
     * does not (a {@code @Requires(beans = ...)} left unmet), and on injection points of listed beans that have a
     * candidate in the full context and none in the listed one.
     */
    public static void assertListIsComplete(Class<?> handler, List<String> list, Map<String, Object> properties) {
        try (ApplicationContext listed = HandlerBeans.builder(list, "the list of " + handler.getSimpleName())
                .environments("function", "lambda").deduceEnvironment(false).deduceCloudEnvironment(false)
                .properties(properties).start();
             ApplicationContext full = ApplicationContext.builder()
                .environments("function", "lambda").deduceEnvironment(false).deduceCloudEnvironment(false)
                .properties(properties).start()) {
            Set<String> enabledInListed = new HashSet<>();
            listed.getAllBeanDefinitions().forEach(d -> enabledInListed.add(d.getClass().getName()));
            List<String> unsatisfied = new ArrayList<>();
            for (BeanDefinition<?> definition : full.getAllBeanDefinitions()) {
                if (list.contains(definition.getClass().getName()) && !enabledInListed.contains(definition.getClass().getName())) {
                    unsatisfied.add(definition.getBeanType().getName() + " is disabled: a bean it requires is not listed");
                }
            }
            for (BeanDefinition<?> definition : listed.getAllBeanDefinitions()) {
                for (Class<?> required : injected(definition)) {
                    if (has(full, required) && !has(listed, required)) {
                        unsatisfied.add(definition.getBeanType().getName() + " needs " + required.getName());
                    }
                }
            }
            assertThat(unsatisfied).as("beans %s's list leaves out", handler.getSimpleName()).isEmpty();
        }
    }

    private static boolean has(ApplicationContext context, Class<?> type) {
        return context.containsBean(type) || context.getBeanDefinitions(type).iterator().hasNext();
    }

    /**
     * Every type the definition may ask the context for when it is made: its constructor's, fields' and methods'
     * injection points ({@code getRequiredComponents()} alone skips injected fields), unwrapped from
     * {@code Provider} (which counts itself: it is made by a definition of its own), {@code Optional}, collections
     * and arrays; configuration values ({@code @Value},
     * {@code @Property}) are not beans.
     */
    static Set<Class<?>> injected(BeanDefinition<?> definition) {
        List<Argument<?>> arguments = new ArrayList<>(List.of(definition.getConstructor().getArguments()));
        definition.getInjectedFields().forEach(field -> arguments.add(field.asArgument()));
        definition.getInjectedMethods().forEach(method -> arguments.addAll(List.of(method.getArguments())));
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Argument<?> argument : arguments) {
            if (argument.getAnnotationMetadata().hasAnnotation(Value.class)
                    || argument.getAnnotationMetadata().hasAnnotation(Property.class)) {
                continue;
            }
            Argument<?> inner = argument;
            while (inner != null && (inner.isProvider() || inner.isContainerType() || inner.isOptional()
                    || inner.getType() == Supplier.class)) {
                if (inner.isProvider()) {
                    // Micronaut makes Provider<X> and BeanProvider<X> through a bean definition of their own.
                    types.add(inner.getType());
                }
                inner = inner.getFirstTypeVariable().orElse(null);
            }
            if (inner != null) {
                Class<?> type = inner.getType().isArray() ? inner.getType().getComponentType() : inner.getType();
                if (type != Object.class && !type.isPrimitive()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static void assertNoJsonMapper(List<BeanDefinitionReference> references) {
        for (BeanDefinitionReference<?> reference : references) {
            for (Class<?> c = reference.getBeanType(); c != null; c = c.getSuperclass()) {
                if (Stream.of(c.getInterfaces()).anyMatch(i -> i.getName().equals("io.micronaut.json.JsonMapper"))) {
                    throw new IllegalStateException(reference.getBeanType().getName() + " is a Micronaut JsonMapper: "
                            + "take io.micronaut.json. out of HandlerBeanLists.LEFT_OUT");
                }
            }
        }
    }

    private static void assertNeedsNothingLeftOut(BeanDefinition<?> definition) {
        for (String annotation : NEEDS_LEFT_OUT) {
            boolean used = definition.hasStereotype(annotation) || definition.getExecutableMethods().stream()
                    .anyMatch(m -> m.hasStereotype(annotation));
            if (used) {
                throw new IllegalStateException(definition.getBeanType().getName() + " uses @" + annotation
                        + ", whose Micronaut beans HandlerBeanLists.LEFT_OUT leaves out of every handler's context");
            }
        }
    }

    private static boolean leftOut(String definition) {
        return LEFT_OUT.stream().anyMatch(definition::startsWith);
    }

    /** A class from a module's test classes or a test jar: never in a deployment jar. */
    private static boolean fromTests(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        String path = location == null ? "" : location.getPath();
        return path.contains("/test-classes/") || path.endsWith("-tests.jar");
    }

    private static final class RecordingBuilder extends DefaultApplicationContextBuilder {

        @Override
        protected ApplicationContext newApplicationContext() {
            return new RecordingContext(this);
        }
    }

    /** A full context that records the types looked up in it. */
    private static final class RecordingContext extends DefaultApplicationContext {

        final Set<Class<?>> lookedUp = new LinkedHashSet<>();

        RecordingContext(RecordingBuilder configuration) {
            super(configuration);
        }

        List<BeanDefinitionReference> allReferences() {
            return resolveBeanDefinitionReferences();
        }

        @Override
        protected <T> Collection<BeanDefinition<T>> findBeanCandidates(BeanResolutionContext resolutionContext,
                Argument<T> beanType, boolean filterProxied, Predicate<BeanDefinition<T>> filter) {
            lookedUp.add(beanType.getType());
            return super.findBeanCandidates(resolutionContext, beanType, filterProxied, filter);
        }
    }
}
