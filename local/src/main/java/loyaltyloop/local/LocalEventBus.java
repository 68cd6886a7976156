package loyaltyloop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import loyaltyloop.aws.EventBridgeEventPublisher;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.local.LocalTemplate.Rule;

/**
 * The runner's EventBridge: wraps each event in the EventBridge envelope, matches it against the template's
 * {@code EventBridgeRule} patterns and invokes every matched function asynchronously, like EventBridge plus
 * Lambda's async invoke: a failing invocation is retried up to 2 more times, then kept as a dead letter.
 * {@link #awaitIdle} waits until every event and every event those caused has been handled.
 */
@Singleton
@Requires(env = "local")
@Replaces(EventBridgeEventPublisher.class)
public class LocalEventBus implements EventPublisher, AutoCloseable {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final int MAX_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs one function with one event (the handler invocation). */
    @FunctionalInterface
    public interface Target {
        void invoke(String functionId, Map<String, Object> event) throws Exception;
    }

    /** An event whose invocation failed on every attempt (Lambda's on-failure destination). */
    public record DeadLetter(String rule, String functionId, Map<String, Object> event, String error, int attempts, String at) {
    }

    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Object idle = new Object();
    private int inFlight;
    private volatile EventRules rules;
    private volatile Target target;
    private volatile Duration retryDelay = Duration.ofMillis(200);

    /** Events put on the bus, by detail-type, whether or not a rule matched (EventBridge bills every one). */
    private final Map<String, Integer> published = new java.util.concurrent.ConcurrentHashMap<>();

    public LocalEventBus(Clock clock) {
        this.clock = clock;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(8, runnable -> {
            Thread thread = new Thread(runnable, "local-event-bus");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Wires the bus to the template's rules and the functions; done by the runner before it serves. */
    void connect(EventRules rules, Target target) {
        this.rules = rules;
        this.target = target;
    }

    void retryDelay(Duration delay) {
        this.retryDelay = delay;
    }

    @Override
    public void publish(DomainEvent event) {
        Map<String, Object> detail;
        try {
            detail = JSON.readValue(event.detailJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event detail is not a JSON object: " + event.detailType(), e);
        }
        put(event.source(), event.detailType(), detail, List.of());
    }

    /** Puts an event on the loop's bus as PutEvents would; answers the envelope that was routed. */
    public Map<String, Object> put(String source, String detailType, Map<String, Object> detail, List<String> resources) {
        return put(Rule.LOOP_BUS, source, detailType, detail, resources);
    }

    /**
     * Puts an event on {@code bus} ({@link Rule#DEFAULT_BUS}, where AWS services such as SES publish, or
     * {@link Rule#LOOP_BUS}) as PutEvents would; only that bus's rules see it.
     */
    public Map<String, Object> put(String bus, String source, String detailType, Map<String, Object> detail,
            List<String> resources) {
        if (source == null || source.isBlank() || detailType == null || detailType.isBlank() || detail == null) {
            throw new IllegalArgumentException("an event needs source, detail-type and a detail object");
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", ACCOUNT);
        envelope.put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", REGION);
        envelope.put("resources", List.copyOf(resources));
        envelope.put("detail", detail);
        published.merge(detailType, 1, Integer::sum);
        route(bus, envelope);
        return envelope;
    }

    private void route(String bus, Map<String, Object> envelope) {
        EventRules currentRules = rules;
        if (currentRules == null || target == null) {
            throw new IllegalStateException("the local event bus is not connected to the template's rules yet");
        }
        String json;
        try {
            json = JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not JSON-able", e);
        }
        List<Rule> matched = currentRules.matching(json, bus);
        System.out.println("event-bus" + (Rule.DEFAULT_BUS.equals(bus) ? " (default)" : "") + ": " + envelope.get("source") + " " + envelope.get("detail-type") + " -> "
                + (matched.isEmpty() ? "(no rule)" : String.join(", ", matched.stream().map(Rule::name).toList())));
        for (Rule rule : matched) {
            deliver(rule, json);
        }
    }

    /**
     * Invokes the rule's function asynchronously with the event, with Lambda's async retries; also how the
     * schedules' own ticks are delivered. Counted by {@link #awaitIdle}.
     */
    void deliver(Rule rule, Object eventOrJson) {
        if (target == null) {
            throw new IllegalStateException("the local event bus is not connected to the functions yet");
        }
        Map<String, Object> event = copy(eventOrJson);
        begin();
        try {
            executor.execute(() -> attempt(rule, event, 1));
        } catch (RuntimeException e) {
            end();
            throw e;
        }
    }

    private void attempt(Rule rule, Map<String, Object> event, int attempt) {
        boolean finished = true;
        try {
            target.invoke(rule.functionId(), event);
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null ? e.getCause() : e;
            System.err.println("event-bus: " + rule.functionId() + " failed on attempt " + attempt + "/" + MAX_ATTEMPTS
                    + " for event " + event.get("id") + ": " + cause);
            cause.printStackTrace();
            if (attempt < MAX_ATTEMPTS && !executor.isShutdown()) {
                try {
                    executor.schedule(() -> attempt(rule, copy(event), attempt + 1),
                            retryDelay.toMillis() * attempt, TimeUnit.MILLISECONDS);
                    finished = false;
                } catch (RuntimeException rejected) {
                    deadLetter(rule, event, cause, attempt);
                }
            } else {
                deadLetter(rule, event, cause, attempt);
            }
        } finally {
            if (finished) {
                end();
            }
        }
    }

    private void deadLetter(Rule rule, Map<String, Object> event, Throwable cause, int attempts) {
        DeadLetter letter = new DeadLetter(rule.name(), rule.functionId(), event, String.valueOf(cause), attempts,
                clock.instant().toString());
        synchronized (deadLetters) {
            deadLetters.add(letter);
        }
        System.err.println("event-bus: DEAD LETTER after " + attempts + " attempts: " + rule.functionId()
                + " event " + event.get("id") + " (see GET /_local/dead-letters)");
    }

    /** How many events were put on the bus so far, by detail-type (what the benchmarks price). */
    public Map<String, Integer> publishedByDetailType() {
        return new java.util.TreeMap<>(published);
    }

    /** Events whose invocations failed on every attempt, oldest first. */
    public List<DeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    /** Waits until no invocation is running or waiting for a retry; false when the timeout passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    private void begin() {
        synchronized (idle) {
            inFlight++;
        }
    }

    private void end() {
        synchronized (idle) {
            inFlight--;
            if (inFlight == 0) {
                idle.notifyAll();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Object eventOrJson) {
        try {
            String json = eventOrJson instanceof String s ? s : JSON.writeValueAsString(eventOrJson);
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
