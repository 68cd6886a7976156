package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import loyaltyloop.links.Links;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.StandInLambdaContext;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of template.yaml answers its sample event from the jar the template deploys (its CodeUri), as
 * Lambda would run it: a fresh JVM whose class path is that jar and nothing of ours but the launcher
 * ({@link InvokeOnce} and the Lambda context it hands over), the template's JAVA_TOOL_OPTIONS, configuration from
 * the environment, AWS on the moto server. So a class, resource or bean definition the shade configuration leaves
 * out of a jar (root pom, lambda-jar) fails here, at {@code mvn verify} (failsafe, after the jars are packaged),
 * not first in {@code bench/run} or on Lambda. The state the samples need is made by {@link ColdStartFixture}.
 */
@MotoTest
class ShadedJarsIT {

    /**
     * Each function's sample (a file the fixture writes) and the answer it must give to it. The reconciliation run
     * stops before reading any shop's API (a 20 s Lambda context, inside its 20 s margin): its context is built and
     * its run starts, and no request leaves the machine.
     */
    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        sample("OrderIntakeFunction", "intake.json", "HTTP 200");
        sample("AffirmationFunction", "order-placed.json", "SENT");
        sample("UnsubscribeFunction", "unsubscribe.json", "HTTP 200");
        sample("FollowUpSchedulingFunction", "order-placed.json", "UNCHANGED");
        sample("FollowUpSweepFunction", "scheduled.json", "\\d+ parts handed to the sweep workers");
        sample("FollowUpSweepWorkerFunction", "sweep-part-due.json", "\\{SENT=\\d+, .*, FAILED=0\\}");
        sample("OwnerDigestFunction", "scheduled.json", "\\{demo.myshopify.com=SENT\\}");
        sample("OwnerPageFunction", "owner-page.json", "HTTP 200");
        sample("SurveyPageFunction", "survey-get.json", "HTTP 200");
        sample("SurveyFollowThroughFunction", "survey-completed.json", "DONE");
        sample("CouponRedemptionFunction", "order-placed-with-code.json", "redeemed 1");
        sample("ReferralRedirectFunction", "referral-redirect.json", "HTTP 302");
        sample("PointsFunction", "points-get.json", "HTTP 200");
        sample("ReferralEventsFunction", "order-placed-referred.json", "CREDITED");
        sample("ReconciliationFunction", "scheduled.json", "\\{demo.myshopify.com=ShopReport\\[outcome=OUT_OF_TIME, .*\\]\\}");
        sample("SesEventsFunction", "ses-delivery.json", "RECORDED");
        sample("PrivacyEventsFunction", "customer-data-requested.json", "EXPORTED");
        sample("RetentionFunction", "scheduled-retention.json", "\\d+ customers erased, \\d+ orders stripped.*");
    }

    record Sample(String event, Pattern answer) {
    }

    record Function(String id, Path jar, String handler) {
    }

    private static void sample(String function, String event, String answer) {
        SAMPLES.put(function, new Sample(event, Pattern.compile(answer)));
    }

    /** As TestAws.EMULATOR_TIMEOUTS, as Micronaut properties (and, for the functions, environment variables). */
    private static final Map<String, String> EMULATOR_TIMEOUTS = Map.of("loyalty.aws.attempt-timeout", "20s",
            "loyalty.aws.call-timeout", "60s", "loyalty.intake.budget", "60s");

    @TempDir
    static Path work;

    private static Path repo;
    private static Path launcher;
    private static List<String> environment;
    private static String javaToolOptions;
    private static ExecutorService runs;

    @BeforeAll
    static void deployTheSampleShop() throws Exception {
        repo = repository();
        String endpoint = TestAws.endpoint();
        Path fixture = work.resolve("fixture");
        // The emulator's timeouts, not production's: moto loads a service on its first call, on a busy machine.
        EMULATOR_TIMEOUTS.forEach(System::setProperty);
        try {
            ColdStartFixture.main(new String[] {endpoint, fixture.toString(), repo.toString()});
            writeTheOtherSamples(endpoint, fixture.resolve("events"));
        } finally {
            EMULATOR_TIMEOUTS.keySet().forEach(System::clearProperty);
        }
        List<String> env = new ArrayList<>(Files.readAllLines(fixture.resolve("env")));
        EMULATOR_TIMEOUTS.forEach((name, value) -> env.add(name.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_") + "=" + value));
        environment = env.stream().filter(line -> !line.isBlank()).toList();
        javaToolOptions = templateJavaToolOptions();
        launcher = launcher(work.resolve("launcher"));
        // Two JVMs at a time, all started now: the tests below only wait for their answers.
        runs = Executors.newFixedThreadPool(2);
        for (Function f : templateFunctions()) {
            ANSWERS.put(f.id(), runs.submit(() -> invoke(f)));
        }
        for (Path jar : jars()) {
            // no access keys in the environment and no profile files: the SDK's default chain reaches the container's
            ENDPOINTS.put(jar, runs.submit(() -> run(jar, ProductionEndpoints.class.getName(), List.of(), Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", "",
                    "AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString(),
                    "AWS_CONFIG_FILE", work.resolve("no-config").toString()))));
        }
    }

    private static final Map<String, Future<String>> ANSWERS = new LinkedHashMap<>();
    private static final Map<Path, Future<String>> ENDPOINTS = new LinkedHashMap<>();

    private static List<Path> jars() throws IOException {
        return templateFunctions().stream().map(Function::jar).distinct().toList();
    }

    @AfterAll
    static void stop() {
        if (runs != null) {
            runs.shutdownNow();
        }
    }

    @Test
    void everyFunctionOfTheTemplateHasASample() throws IOException {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(
                templateFunctions().stream().map(Function::id).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionAnswersItsSampleFromItsShadedJar() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Function f : templateFunctions()) {
            Future<String> answer = ANSWERS.get(f.id());
            tests.add(DynamicTest.dynamicTest(f.id() + " from " + repo.relativize(f.jar()), () -> {
                String output = answer.get(3, TimeUnit.MINUTES);
                Sample sample = SAMPLES.get(f.id());
                assertThat(sample).as("a sample for " + f.id()).isNotNull();
                Matcher result = Pattern.compile("(?m)result: (.*)$").matcher(output);
                assertThat(result.find()).as(f.id() + " answered nothing from its jar; its run:%n%s", output).isTrue();
                System.out.println("ShadedJarsIT: " + f.id() + " answered " + result.group(1));
                assertThat(result.group(1)).as(f.id() + "'s answer; its run:%n%s", output).matches(sample.answer());
                assertThat(output).as(f.id() + "'s SnapStart priming; its run:%n%s", output)
                        .contains("primed for the snapshot").doesNotContain("priming before the snapshot failed");
            }));
        }
        return tests.stream();
    }

    /**
     * The AWS SDK's model classes are kept by name (root pom, lambda-jar): every type our classes in a jar can reach
     * through the SDK's model — what they name, and the fields of those types and of every modelled exception, the
     * marshaller of each request, the paginators they name — must be in the jar, or the first call that needs one
     * fails on Lambda. Computed from the jar's own bytes, so a new use of the SDK names here what the pom misses.
     */
    @TestFactory
    Stream<DynamicTest> everySdkTypeOurCodeCanReachIsInItsJar() throws IOException {
        return jars().stream().map(jar -> DynamicTest.dynamicTest(
                repo.relativize(jar).toString(), () -> assertThat(unreachableSdkTypes(jar))
                        .as("SDK classes our code in %s can reach but the jar lacks: add them to the root pom's"
                                + " lambda-jar filters", jar.getFileName()).isEmpty()));
    }

    /**
     * Each SDK client a jar carries, built as production builds it (no endpoint override, region us-east-1), resolves
     * the service's real regional endpoint from what the jar keeps: its own endpoint rules, without the other
     * services' metadata the pom leaves out; and signs with credentials from the container credentials endpoint, as
     * under SnapStart. The call is stopped before it would leave the machine.
     */
    @TestFactory
    Stream<DynamicTest> everySdkClientOfAJarResolvesItsProductionEndpoint() throws IOException {
        return jars().stream().map(jar -> DynamicTest.dynamicTest(
                repo.relativize(jar).toString(), () -> {
                    String output = ENDPOINTS.get(jar).get(3, TimeUnit.MINUTES);
                    assertThat(output).as(output)
                            .contains("endpoint: dynamodb https://dynamodb.us-east-1.amazonaws.com signed with the container's"
                                    + " credentials", "(exit 0)")
                            .doesNotContain("failed", "NOT signed");
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                        if (zip.getEntry("software/amazon/awssdk/services/sesv2/SesV2Client.class") != null) {
                            assertThat(output).contains("endpoint: sesv2 https://email.us-east-1.amazonaws.com");
                        }
                        if (zip.getEntry("software/amazon/awssdk/services/eventbridge/EventBridgeClient.class") != null) {
                            assertThat(output).contains("endpoint: eventbridge https://events.us-east-1.amazonaws.com");
                        }
                    }
                }));
    }

    private static final Pattern SDK_TYPE = Pattern.compile(
            "software/amazon/awssdk/services/([a-z0-9]+)/(model|paginators|transform)/([A-Za-z0-9_]+)");

    static java.util.SortedSet<String> unreachableSdkTypes(Path jar) throws IOException {
        java.util.SortedSet<String> missing = new java.util.TreeSet<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
            java.util.Set<String> present = new java.util.HashSet<>(names);
            java.util.function.Predicate<String> clientInJar = service -> names.stream().anyMatch(n ->
                    n.startsWith("software/amazon/awssdk/services/" + service + "/Default") && n.endsWith("Client.class"));
            java.util.Deque<String> todo = new java.util.ArrayDeque<>();
            for (String name : names) {
                if (name.startsWith("loyaltyloop/") && name.endsWith(".class")) {
                    todo.addAll(sdkTypes(zip, name));
                } else if (name.matches("software/amazon/awssdk/services/[a-z0-9]+/model/[A-Za-z0-9_]+Exception\\.class")) {
                    todo.add(name.substring(0, name.length() - ".class".length()));
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                String type = todo.pop();
                String service = type.split("/")[4];
                if (!seen.add(type) || !clientInJar.test(service)) {
                    continue;
                }
                if (!present.contains(type + ".class")) {
                    missing.add(type);
                    continue;
                }
                for (String name : names) {
                    if (name.equals(type + ".class") || name.startsWith(type + "$")) {
                        todo.addAll(sdkTypes(zip, name));
                    }
                }
                if (type.contains("/model/") && type.endsWith("Request")) {
                    // the operation's marshaller, if the client has one for it
                    String marshaller = type.replace("/model/", "/transform/") + "Marshaller";
                    String client = names.stream().filter(n -> n.startsWith("software/amazon/awssdk/services/" + service
                            + "/Default") && n.endsWith("Client.class") && !n.contains("Async")).findFirst().orElseThrow();
                    if (sdkTypes(zip, client).contains(marshaller)) {
                        todo.add(marshaller);
                    }
                }
            }
        }
        return missing;
    }

    private static java.util.Set<String> sdkTypes(java.util.zip.ZipFile zip, String entry) throws IOException {
        java.util.Set<String> types = new java.util.HashSet<>();
        try (java.io.InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            Matcher m = SDK_TYPE.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                types.add(m.group(0));
            }
        }
        return types;
    }

    /** One whole-process invocation, as bench/run's cold start: its stdout and stderr, and how it ended. */
    private static String invoke(Function f) throws Exception {
        Sample sample = SAMPLES.get(f.id());
        if (sample == null) {
            return "no sample for " + f.id();
        }
        return run(f.jar(), InvokeOnce.class.getName(),
                List.of(f.handler(), work.resolve("fixture/events").resolve(sample.event()).toString()),
                // Primed first, as SnapStart does before its snapshot: the hook must find in the jar what it runs.
                Map.of("AWS_LAMBDA_FUNCTION_NAME", f.id(), "LOYALTY_BENCH_PRIME", "1"));
    }

    /** A fresh JVM on the jar and the launcher, with the functions' environment: its output, and how it ended. */
    private static String run(Path jar, String main, List<String> args, Map<String, String> extraEnv) throws Exception {
        Path log = Files.createTempFile(work, "run-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + launcher, main));
        command.addAll(args);
        ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = run.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        for (String line : environment) {
            env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        env.putAll(extraEnv);
        env.values().removeIf(String::isEmpty);
        Process process = run.start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        return Files.readString(log) + System.lineSeparator()
                + (ended ? "(exit " + process.exitValue() + ")" : "(killed after 2 minutes)");
    }

    /**
     * The functions of template.yaml: logical id, the jar its CodeUri names, the handler class. Read as bench/run
     * reads them (the lines under {@code Type: AWS::Serverless::Function}), so both see the same list.
     */
    static List<Function> templateFunctions() throws IOException {
        List<String> lines = Files.readAllLines(repository().resolve("template.yaml"));
        List<Function> functions = new ArrayList<>();
        Pattern resource = Pattern.compile("^  ([A-Za-z0-9]+):\\s*$");
        for (int i = 1; i < lines.size(); i++) {
            Matcher id = resource.matcher(lines.get(i - 1));
            if (!lines.get(i).trim().equals("Type: AWS::Serverless::Function") || !id.matches()) {
                continue;
            }
            String codeUri = null;
            String handler = null;
            for (int j = i + 1; j < lines.size() && !resource.matcher(lines.get(j)).matches(); j++) {
                String line = lines.get(j).trim();
                if (line.startsWith("CodeUri:")) {
                    codeUri = line.substring("CodeUri:".length()).trim();
                } else if (line.startsWith("Handler:")) {
                    handler = line.substring("Handler:".length()).trim().replaceFirst("::.*$", "");
                }
            }
            assertThat(codeUri).as(id.group(1) + "'s CodeUri").isNotNull().endsWith("-lambda.jar");
            Path jar = repository().resolve(codeUri);
            assertThat(jar).as(id.group(1) + "'s deployment jar: package the functions first (mvn verify does)")
                    .isRegularFile();
            functions.add(new Function(id.group(1), jar, handler));
        }
        assertThat(functions).as("functions in template.yaml").isNotEmpty();
        return functions;
    }

    private static String templateJavaToolOptions() throws IOException {
        Matcher options = Pattern.compile("(?m)^\\s*JAVA_TOOL_OPTIONS:\\s*\"(.*)\"\\s*$")
                .matcher(Files.readString(repository().resolve("template.yaml")));
        return options.find() ? options.group(1) : "";
    }

    /** The samples the cold-start fixture does not write: the owner page, privacy, retention and SES events. */
    private static void writeTheOtherSamples(String endpoint, Path events) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("loyalty.link-key-secret", ColdStartFixture.LINK_KEY);
        properties.put("loyalty.shop-secret-prefix", ColdStartFixture.SECRET_PREFIX);
        properties.put("loyalty.aws.endpoint-url", endpoint);
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            String ownerUrl = context.getBean(Links.class).ownerUrl(ColdStartFixture.PUBLIC_BASE_URL, ColdStartFixture.SHOP);
            Files.writeString(events.resolve("owner-page.json"), ColdStartFixture.fill(repo, "owner-page-get-json.json",
                    "REPLACE_WITH_SIGNED_TOKEN", ownerUrl.substring(ownerUrl.lastIndexOf('/') + 1)));
        }
        for (String sample : List.of("ses-delivery.json", "customer-data-requested.json", "scheduled-retention.json")) {
            Files.copy(repo.resolve("events").resolve(sample), events.resolve(sample));
        }
    }

    /** The launchers (InvokeOnce, ProductionEndpoints) and the Lambda context, alone in a folder: the class path's second entry. */
    private static Path launcher(Path dir) throws Exception {
        for (Class<?> type : List.of(InvokeOnce.class, StandInLambdaContext.class, ProductionEndpoints.class)) {
            String prefix = type.getName().replace('.', '/');
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            // a folder of classes, or a jar (the core test jar, in a reactor build)
            try (FileSystem jar = Files.isDirectory(source) ? null : FileSystems.newFileSystem(source);
                 Stream<Path> classes = Files.list((jar == null ? source : jar.getPath("/")).resolve(prefix).getParent())) {
                for (Path c : classes.toList()) {
                    String name = c.getFileName().toString();
                    if (name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$")) {
                        Path target = dir.resolve(prefix).resolveSibling(name);
                        Files.createDirectories(target.getParent());
                        Files.copy(c, target);
                    }
                }
            }
        }
        return dir;
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
    }

}
