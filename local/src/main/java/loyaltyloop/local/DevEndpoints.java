package loyaltyloop.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The developer endpoints under {@code /_local/} (local only, never in the template): health, the outbox (JSON
 * and pages), the shared clock, firing schedules, injecting events and the dead letters.
 */
final class DevEndpoints {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern EMAIL_PAGE = Pattern.compile("/_local/outbox/(\\d{1,9})\\.html");
    private static final Pattern SCHEDULE = Pattern.compile("/_local/schedules/([A-Za-z0-9]+)");

    private final LocalOutbox outbox;
    private final LocalClock clock;
    private final LocalEventBus bus;
    private final ScheduleRunner schedules;
    private final LocalMetrics metrics;
    private final java.util.function.Function<String, Optional<String>> previewPage;
    private final AtomicBoolean ready = new AtomicBoolean();
    private final LocalImport imports;

    /**
     * {@code previewPage}: every email kind x language of a shop (null: the demo shop), on one page
     * ({@code /_local/preview[?shop=DOMAIN]}); empty for a shop the runner does not know.
     */
    DevEndpoints(LocalOutbox outbox, LocalClock clock, LocalEventBus bus, ScheduleRunner schedules, LocalMetrics metrics,
            java.util.function.Function<String, Optional<String>> previewPage) {
        this(outbox, clock, bus, schedules, metrics, previewPage, null);
    }

    DevEndpoints(LocalOutbox outbox, LocalClock clock, LocalEventBus bus, ScheduleRunner schedules, LocalMetrics metrics,
            java.util.function.Function<String, Optional<String>> previewPage, LocalImport imports) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
        this.bus = bus;
        this.schedules = schedules;
        this.previewPage = previewPage;
        this.imports = imports;
    }

    void ready() {
        ready.set(true);
    }

    void handle(HttpExchange exchange, String path) throws Exception {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        Matcher emailPage = EMAIL_PAGE.matcher(path);
        Matcher schedule = SCHEDULE.matcher(path);
        if (path.equals("/_local/health") && get) {
            if (ready.get()) {
                Responses.json(exchange, 200, Map.of("status", "ok"));
            } else {
                Responses.json(exchange, 503, Map.of("status", "starting"));
            }
        } else if (path.equals("/_local/outbox") && get) {
            bus.awaitIdle(IDLE_TIMEOUT);
            Responses.json(exchange, 200, outbox.emails());
        } else if (path.equals("/_local/outbox.html") && get) {
            bus.awaitIdle(IDLE_TIMEOUT);
            Responses.html(exchange, 200, OutboxPages.list(outbox.emails(), clock.instant().toString()));
        } else if (emailPage.matches() && get) {
            long id = Long.parseLong(emailPage.group(1));
            Optional<LocalOutbox.OutboxEmail> email = outbox.email(id);
            if (email.isPresent()) {
                Responses.html(exchange, 200, OutboxPages.email(email.get(), outbox.emails().size()));
            } else {
                Responses.html(exchange, 404, OutboxPages.notFound(id));
            }
        } else if (path.equals("/_local/clock") && get) {
            Responses.json(exchange, 200, now());
        } else if (path.equals("/_local/clock") && post) {
            advanceClock(exchange);
        } else if (schedule.matches() && post) {
            fireSchedule(exchange, schedule.group(1));
        } else if (path.equals("/_local/events") && post) {
            putEvent(exchange);
        } else if (path.equals(LocalImport.PATH) && post && imports != null) {
            imports.handle(exchange);
        } else if (path.equals("/_local/preview") && get) {
            Optional<String> page = previewPage.apply(LocalImport.query(exchange, "shop"));
            if (page.isPresent()) {
                Responses.html(exchange, 200, page.get());
            } else {
                Responses.error(exchange, 404, "no such shop: register it with shops add first");
            }
        } else if (path.equals("/_local/dead-letters") && get) {
            Responses.json(exchange, 200, bus.deadLetters());
        } else if (path.equals("/_local/metrics") && get) {
            bus.awaitIdle(IDLE_TIMEOUT);
            Responses.json(exchange, 200, metrics.totals());
        } else if (known(path)) {
            exchange.getResponseHeaders().set("Allow", path.startsWith("/_local/schedules/")
                    || path.equals("/_local/events") || path.equals(LocalImport.PATH) ? "POST" : path.equals("/_local/clock") ? "GET, POST" : "GET");
            Responses.error(exchange, 405, "method not allowed");
        } else {
            Responses.error(exchange, 404, "not found");
        }
    }

    private static boolean known(String path) {
        return List.of("/_local/health", "/_local/outbox", "/_local/outbox.html", "/_local/clock", "/_local/events",
                "/_local/dead-letters", "/_local/metrics", "/_local/preview", LocalImport.PATH).contains(path)
                || EMAIL_PAGE.matcher(path).matches()
                || SCHEDULE.matcher(path).matches();
    }

    private void advanceClock(HttpExchange exchange) throws IOException {
        Optional<JsonNode> body = jsonBody(exchange);
        JsonNode advance = body.map(b -> b.get("advance")).orElse(null);
        if (advance == null || !advance.isTextual()) {
            Responses.error(exchange, 400, "expected {\"advance\": \"P45D\"} (an ISO-8601 duration such as P45D, PT2H, P1M)");
            return;
        }
        Duration amount;
        try {
            amount = duration(advance.asText().trim(), clock.instant());
        } catch (DateTimeParseException | ArithmeticException e) {
            Responses.error(exchange, 400, "not an ISO-8601 duration: " + advance.asText());
            return;
        }
        if (amount.isNegative()) {
            Responses.error(exchange, 400, "the clock only moves forward");
            return;
        }
        clock.advance(amount);
        System.out.println("clock: advanced by " + advance.asText() + ", now " + clock.instant());
        Responses.json(exchange, 200, now());
    }

    /** {@code P45D}, {@code PT36H}, {@code P1DT2H} as a Duration; {@code P1M}, {@code P1Y2M} as a Period from now. */
    static Duration duration(String text, Instant now) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notADuration) {
            Period period = Period.parse(text);
            return Duration.between(now, now.atZone(ZoneOffset.UTC).plus(period).toInstant());
        }
    }

    private void fireSchedule(HttpExchange exchange, String functionId) throws Exception {
        if (!schedules.has(functionId)) {
            Responses.error(exchange, 404, "no scheduled function " + functionId);
            return;
        }
        schedules.fireNow(functionId, IDLE_TIMEOUT);
        Responses.json(exchange, 200, Map.of("fired", functionId));
    }

    /**
     * PutEvents locally: a JSON array of entries {@code {"Source", "DetailType", "Detail", "EventBusName"}} ({@code Detail}
     * a JSON string, as PutEvents takes it, or an object; a single entry without the array is accepted too). No
     * {@code EventBusName}, or {@code default}, is the account's default bus, where SES publishes; any other name is
     * the loop's own bus. Every entry is checked before any is put; answers once every function they reached, and
     * every event those caused, is done, with PutEvents' answer.
     */
    private void putEvent(HttpExchange exchange) throws Exception {
        Optional<JsonNode> body = jsonBody(exchange);
        if (body.isEmpty() || !(body.get().isObject() || body.get().isArray()) || body.get().isEmpty()
                || body.get().size() > 10 && body.get().isArray()) {
            Responses.error(exchange, 400, "expected a JSON array of 1-10 entries {\"Source\": ..., \"DetailType\": ..., "
                    + "\"Detail\": \"{...}\"} (EventBusName optional: default bus)");
            return;
        }
        List<JsonNode> entries = new java.util.ArrayList<>();
        if (body.get().isArray()) {
            body.get().forEach(entries::add);
        } else {
            entries.add(body.get());
        }
        record Entry(String bus, String source, String detailType, Map<String, Object> detail) {
        }
        List<Entry> checked = new java.util.ArrayList<>();
        for (JsonNode json : entries) {
            if (!json.isObject()) {
                Responses.error(exchange, 400, "every entry must be an object with Source, DetailType and Detail");
                return;
            }
            String source = text(json, "Source", "source");
            String detailType = text(json, "DetailType", "detail-type", "detailType");
            String busName = text(json, "EventBusName", "eventBusName");
            JsonNode detail = Optional.ofNullable(json.get("Detail")).orElse(json.get("detail"));
            if (detail != null && detail.isTextual()) {
                try {
                    detail = Responses.JSON.readTree(detail.asText());
                } catch (IOException e) {
                    detail = null;
                }
            }
            if (source == null || detailType == null || detail == null || !detail.isObject()) {
                Responses.error(exchange, 400, "an event needs Source, DetailType and a Detail object");
                return;
            }
            String bus = busName == null || busName.equals("default") || busName.endsWith(":event-bus/default")
                    ? LocalTemplate.Rule.DEFAULT_BUS : LocalTemplate.Rule.LOOP_BUS;
            checked.add(new Entry(bus, source, detailType,
                    Responses.JSON.convertValue(detail, new TypeReference<LinkedHashMap<String, Object>>() { })));
        }
        List<Map<String, Object>> ids = new java.util.ArrayList<>();
        for (Entry entry : checked) {
            Map<String, Object> envelope = bus.put(entry.bus(), entry.source(), entry.detailType(), entry.detail(),
                    List.of());
            ids.add(Map.of("EventId", envelope.get("id")));
        }
        if (!bus.awaitIdle(IDLE_TIMEOUT)) {
            Responses.error(exchange, 504, "the events' functions were still running after " + IDLE_TIMEOUT);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("FailedEntryCount", 0);
        answer.put("Entries", ids);
        Responses.json(exchange, 200, answer);
    }

    private static String text(JsonNode json, String... names) {
        for (String name : names) {
            JsonNode value = json.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Optional<JsonNode> jsonBody(HttpExchange exchange) throws IOException {
        Optional<byte[]> bytes = LocalHttpServer.readLimited(exchange.getRequestBody(), 1024 * 1024);
        if (bytes.isEmpty() || bytes.get().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Responses.JSON.readTree(bytes.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Map<String, String> now() {
        return Map.of("now", clock.instant().toString());
    }
}
