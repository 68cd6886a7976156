package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;
import loyaltyloop.local.LocalTemplate.Rule;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.orders.Orders;
import loyaltyloop.survey.SurveyCompleted;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of the bus: every EventBridge sample in {@code events/} reads as its record and writes back the same
 * detail, and reaches exactly the functions it is meant for through {@code template.yaml}'s {@code EventBridgeRule}
 * patterns (matched by AWS's event-ruler); records built in Java reach theirs. A renamed field fails here instead of
 * a rule silently matching nothing.
 */
@UnitTest
class BusEventContractTest {

    private static final Path EVENTS = Path.of("../events");
    private static final String AFFIRMATION = "AffirmationFunction.OrderPlaced";
    private static final String SCHEDULING = "FollowUpSchedulingFunction.OrderEvents";
    private static final String REDEMPTION = "CouponRedemptionFunction.OrdersWithCodes";
    private static final String REFERRED = "ReferralEventsFunction.ReferredOrderPlaced";
    private static final String CLAWBACKS = "ReferralEventsFunction.RefundsAndCancellations";
    private static final String FOLLOW_THROUGH = "SurveyFollowThroughFunction.SurveyCompleted";
    private static final String PRIVACY = "PrivacyEventsFunction.PrivacyRequests";
    private static final String SWEEP_WORKER = "FollowUpSweepWorkerFunction.SweepParts";
    /** On the account's default bus, where SES publishes the configuration set's events. */
    private static final String SES_EVENTS = "SesEventsFunction.SesMailEvents";

    /** The rules (function.event) each EventBridge-shaped sample reaches; a sample not listed here fails. */
    private static final Map<String, Set<String>> SAMPLE_REACHES = Map.ofEntries(
            // A first order with a discount code: any code could be a referral code.
            Map.entry("order-placed.json", Set.of(AFFIRMATION, SCHEDULING, REDEMPTION, REFERRED)),
            Map.entry("order-placed-with-code.json", Set.of(AFFIRMATION, SCHEDULING, REDEMPTION, REFERRED)),
            Map.entry("order-placed-referred.json", Set.of(AFFIRMATION, SCHEDULING, REFERRED)),
            Map.entry("order-refunded.json", Set.of(SCHEDULING, CLAWBACKS)),
            Map.entry("order-cancelled.json", Set.of(SCHEDULING, CLAWBACKS)),
            Map.entry("survey-completed.json", Set.of(FOLLOW_THROUGH)),
            Map.entry("customer-data-requested.json", Set.of(PRIVACY)),
            Map.entry("customer-redact-requested.json", Set.of(PRIVACY)),
            Map.entry("shop-redact-requested.json", Set.of(PRIVACY)),
            // The hourly sweep's fan-out, and a worker's rest of its part.
            Map.entry("sweep-part-due.json", Set.of(SWEEP_WORKER)),
            // Published for what comes next (the owner's insight); no function subscribes yet.
            Map.entry("coupon-issued.json", Set.of()),
            Map.entry("coupon-redeemed.json", Set.of()),
            Map.entry("points-credited.json", Set.of()),
            Map.entry("points-clawed-back.json", Set.of()),
            Map.entry("points-redeemed.json", Set.of()),
            // SES's sending events for the loop's emails (they carry the `shop` message tag).
            Map.entry("ses-bounce-permanent.json", Set.of(SES_EVENTS)),
            Map.entry("ses-bounce-transient.json", Set.of(SES_EVENTS)),
            Map.entry("ses-bounce-suppressed.json", Set.of(SES_EVENTS)),
            Map.entry("ses-complaint.json", Set.of(SES_EVENTS)),
            Map.entry("ses-delivery.json", Set.of(SES_EVENTS)),
            // Schedules invoke their functions directly, never through the bus's rules.
            Map.entry("scheduled-hourly.json", Set.of()),
            Map.entry("scheduled-daily.json", Set.of()),
            Map.entry("scheduled-retention.json", Set.of()));

    private static List<Rule> templateRules;
    private static EventRules rules;
    private static Map<String, EventType<?>> recordTypes;
    private static Map<String, JsonNode> samples;

    @BeforeAll
    static void load() throws IOException {
        templateRules = TemplateReader.read(TemplateReader.locate(null, Path.of(""))).rules();
        rules = new EventRules(templateRules);
        recordTypes = new TreeMap<>();
        for (Class<?> record : busEventRecords()) {
            EventType<?> type = typeOf(record);
            assertThat(recordTypes.put(type.toString(), type)).as("a second record for %s", type).isNull();
        }
        samples = new TreeMap<>();
        try (Stream<Path> files = Files.list(EVENTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode event = Json.read(Files.readString(file));
                if (event.has("detail-type") && event.has("source") && event.has("detail")) {
                    samples.put(file.getFileName().toString(), event);
                }
            }
        }
    }

    @Test
    void everyBusEventSampleReadsAsItsRecordAndWritesBackTheSameDetail() {
        List<String> busSamples = new ArrayList<>();
        samples.forEach((file, event) -> {
            if (event.path("source").asText().startsWith("aws.")) {
                return;
            }
            busSamples.add(file);
            String name = event.path("source").asText() + " " + event.path("detail-type").asText();
            EventType<?> type = recordTypes.get(name);
            assertThat(type).as("%s: no record for %s", file, name).isNotNull();
            BusEvent record = EventEnvelope.of(event).as(type).orElse(null);
            assertThat(record).as("%s does not read as %s", file, name).isNotNull();
            assertThat(wire(record.toDetail())).as(file).isEqualTo(event.path("detail"));
        });
        assertThat(busSamples).isNotEmpty();
    }

    @Test
    void everyRecordHasASample() {
        Set<String> sampled = new HashSet<>();
        samples.values().forEach(e -> sampled.add(e.path("source").asText() + " " + e.path("detail-type").asText()));
        assertThat(sampled).containsAll(recordTypes.keySet());
    }

    @Test
    void everySampleReachesExactlyTheFunctionsItIsMeantFor() {
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(SAMPLE_REACHES.keySet());
        samples.forEach((file, event) -> assertThat(reached(event)).as(file)
                .containsExactlyInAnyOrderElementsOf(SAMPLE_REACHES.get(file)));
    }

    @Test
    void everyRuleOfTheTemplateIsReachedBySomeSample() {
        Set<String> reached = new TreeSet<>();
        samples.values().forEach(event -> reached.addAll(reached(event)));
        assertThat(reached).containsExactlyInAnyOrderElementsOf(templateRules.stream().map(Rule::name).toList());
    }

    @Test
    void orderEventsBuiltInJavaReachTheRulesMeantForThem() {
        Order plain = order(Map.of(), List.of(), "/products/mug?utm_source=newsletter");
        assertThat(published(new OrderPlaced(plain, 1, "https://loyalty.example.com")))
                .containsExactlyInAnyOrder(AFFIRMATION, SCHEDULING);
        Order byAttribute = order(Map.of("loyalty_ref", "K7QH2MZP"), List.of(), null);
        assertThat(published(new OrderPlaced(byAttribute, 1, null)))
                .containsExactlyInAnyOrder(AFFIRMATION, SCHEDULING, REFERRED);
        Order byLandingSite = order(Map.of(), List.of(), "/?utm_source=x&ref=K7QH2MZP");
        assertThat(published(new OrderPlaced(byLandingSite, 1, null)))
                .containsExactlyInAnyOrder(AFFIRMATION, SCHEDULING, REFERRED);
        Order withCode = order(Map.of("loyalty_ref", "K7QH2MZP"), List.of("Q4RT8WNX2KHM"), null);
        assertThat(published(new OrderPlaced(withCode, 1, null)))
                .containsExactlyInAnyOrder(AFFIRMATION, SCHEDULING, REDEMPTION, REFERRED);
        // Only a customer's first order can convert a referral.
        assertThat(published(new OrderPlaced(withCode, 2, null)))
                .containsExactlyInAnyOrder(AFFIRMATION, SCHEDULING, REDEMPTION);

        assertThat(published(new OrderRefunded("demo.myshopify.com", "1001", "jane.doe@example.com", "509562970",
                new Money(1995, "USD")))).containsExactlyInAnyOrder(SCHEDULING, CLAWBACKS);
        assertThat(published(new OrderCancelled("demo.myshopify.com", "1001", "jane.doe@example.com")))
                .containsExactlyInAnyOrder(SCHEDULING, CLAWBACKS);
    }

    @Test
    void aSurveyCompletedBuiltInJavaReachesTheFollowThrough() {
        assertThat(published(new SurveyCompleted("demo.myshopify.com", "1001", "jane.doe@example.com", 5,
                "Q4RT8WNX2KHM"))).containsExactly(FOLLOW_THROUGH);
    }

    /**
     * The rules the record reaches once published as the bus delivers it; on the way it must also read back as
     * itself.
     */
    private static Set<String> published(BusEvent record) {
        JsonNode event = envelope(DomainEvent.of(record));
        Object readBack = EventEnvelope.of(event).as(record.type()).orElse(null);
        assertThat(readBack).as("%s read back", record.type()).isEqualTo(record);
        return reached(event);
    }

    private static Set<String> reached(JsonNode event) {
        Set<String> names = new TreeSet<>();
        rules.matching(event.toString()).forEach(rule -> names.add(rule.name()));
        return names;
    }

    /** What EventBridge delivers for a PutEvents entry. */
    private static JsonNode envelope(DomainEvent event) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        envelope.put("detail-type", event.detailType());
        envelope.put("source", event.source());
        envelope.put("account", "123456789012");
        envelope.put("time", "2026-11-28T15:15:32Z");
        envelope.put("region", "us-east-1");
        envelope.putArray("resources");
        envelope.set("detail", Json.read(event.detailJson()));
        return envelope;
    }

    /** The detail as a consumer reads it off the wire (number nodes as parsing makes them). */
    private static JsonNode wire(ObjectNode detail) {
        return Json.read(Json.write(detail));
    }

    private static Order order(Map<String, String> attributes, List<String> discountCodes, String landingSite) {
        Money total = new Money(5990, "USD");
        return Orders.anOrder().orderId("820982911946154508").orderName("#1001")
                .createdAt(Instant.parse("2026-11-28T15:15:30Z")).email("jane.doe@example.com")
                .customer("Jane Doe", "Jane").customerId("115310627314723954").locale("en").total(total)
                .subtotal(new Money(4500, "USD"))
                .lineItems(new LineItem("Ceramic Mug", 1, new Money(2000, "USD"), "632910392"))
                .discountCodes(discountCodes).attributes(attributes).landingSite(landingSite)
                .marketingConsent(MarketingConsent.GRANTED).build();
    }

    private static EventType<?> typeOf(Class<?> record) {
        try {
            return (EventType<?>) record.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(record.getName() + " has no public static TYPE", e);
        }
    }

    /** Every record in core that is a bus event, found where core's classes are (its classes folder or its jar). */
    private static List<Class<?>> busEventRecords() {
        List<Class<?>> found = new ArrayList<>();
        for (String className : classNames(codeSourceOf(BusEvent.class))) {
            Class<?> type;
            try {
                type = Class.forName(className, false, BusEvent.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class needing what this class path lacks is no bus event of ours
            }
            if (type.isRecord() && BusEvent.class.isAssignableFrom(type)) {
                found.add(type);
            }
        }
        assertThat(found).as("bus event records in core").isNotEmpty();
        return found;
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classNames(Path location) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.map(f -> location.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .forEach(name -> addClassName(names, name));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        addClassName(names, entries.nextElement().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void addClassName(List<String> names, String path) {
        if (path.startsWith("loyaltyloop/") && path.endsWith(".class") && !path.contains("$")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }
}
