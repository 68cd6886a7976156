package loyaltyloop.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.local.LocalOutbox;
import loyaltyloop.local.LocalRunner;
import loyaltyloop.local.RunnerOptions;

/**
 * Intake under load through the local runner (in-process, real HTTP on the loopback interface): distinct signed
 * orders plus repeated deliveries of some of them (Shopify's retries: the same webhook id and body), sent a fixed
 * number at a time, shuffled so a repeat may race its original. Then it waits for the bus to go idle and checks
 * that no request got a 5xx, no order was lost and each distinct order got exactly one thank-you.
 *
 * <p>One 5xx is by design: a repeat that arrives while its original is still being published hears 503 "not yet"
 * (answering 200 would let the shop forget an order whose only publishing call may still die). Those are counted
 * apart ({@code busyWhileOriginalInFlight}: another copy of the same delivery was in flight meanwhile) and, like the shop, retried after {@code Retry-After}; every other
 * 5xx, and any 5xx still there after the shop's retries, counts in {@code fiveXx}.
 */
final class IntakeLoadBench {

    static final String SECRET = "bench-load-secret-0123456789abcdef";

    private IntakeLoadBench() {
    }

    static Map<String, Object> run(Path repo, int orders, double repeatShare, int concurrency, Duration bound)
            throws Exception {
        System.clearProperty("loyalty.test.count-capacity");
        try (LocalRunner runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET)
                .withTemplate(repo.resolve("template.yaml").toString()))) {
            ShopifyWebhooks webhooks = new ShopifyWebhooks(repo, "demo.myshopify.com", SECRET);
            Random random = new Random(7);
            List<ShopifyWebhooks.Delivery> distinct = new ArrayList<>(orders);
            Instant now = runner.clock().instant();
            // One basket for every order: each customer's spend lands in the same histogram bucket, so this measures
            // intake and the functions it triggers, not the growth of the shop's spend histogram (the sweep
            // benchmark and the simulated year have varied spends).
            List<ShopifyWebhooks.Line> basket = List.of(new ShopifyWebhooks.Line("Ceramic Mug", 2000, 632910392L, 2));
            for (int i = 0; i < orders; i++) {
                distinct.add(webhooks.order("orders/create", 7_000_000_000L + i, "load" + i + "@example.com",
                        "Load" + i, basket, random.nextBoolean(), now, false));
            }
            List<ShopifyWebhooks.Delivery> all = new ArrayList<>(distinct);
            int repeats = (int) Math.round(orders * repeatShare);
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                indexes.add(i);
            }
            Collections.shuffle(indexes, random);
            for (int i = 0; i < repeats; i++) {
                all.add(distinct.get(indexes.get(i)));
            }
            Collections.shuffle(all, random);

            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService senders = Executors.newFixedThreadPool(concurrency);
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicInteger> statuses = Collections.synchronizedMap(new HashMap<>());
            AtomicInteger failures = new AtomicInteger();
            long deadline = System.nanoTime() + bound.toNanos();
            long start = System.nanoTime();
            // Every request's copy, interval and answers, so a 503 can be judged afterwards by whether another copy
            // of the same delivery was in flight at the same time (which copy reaches intake first is not known here).
            ConcurrentLinkedQueue<Sent> sentLog = new ConcurrentLinkedQueue<>();
            AtomicInteger shopRetries = new AtomicInteger();
            for (int t = 0; t < concurrency; t++) {
                senders.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < all.size() && System.nanoTime() < deadline) {
                        ShopifyWebhooks.Delivery delivery = all.get(i);
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(delivery.request(runner.baseUrl()),
                                    HttpResponse.BodyHandlers.ofString());
                            long answered = System.nanoTime();
                            latencies.add((answered - sent) / 1e6);
                            int first = response.statusCode();
                            statuses.computeIfAbsent(first, s -> new AtomicInteger()).incrementAndGet();
                            // The shop's retries: after Retry-After, up to three more times.
                            for (int retry = 0; retry < 3 && response.statusCode() == 503; retry++) {
                                long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
                                Thread.sleep(Math.min(wait, 5) * 1000);
                                shopRetries.incrementAndGet();
                                response = http.send(delivery.request(runner.baseUrl()), HttpResponse.BodyHandlers.ofString());
                            }
                            sentLog.add(new Sent(delivery, sent, answered, first, response.statusCode()));
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(bound.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            boolean idle = runner.eventBus().awaitIdle(Duration.ofMinutes(12));
            double totalSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();

            Map<String, Integer> thanks = new HashMap<>();
            for (LocalOutbox.OutboxEmail email : runner.outbox().emails()) {
                if (email.kind().equals("affirmation")) {
                    thanks.merge(email.to(), 1, Integer::sum);
                }
            }
            int lost = 0;
            int doubled = 0;
            for (int i = 0; i < orders; i++) {
                int n = thanks.getOrDefault("load" + i + "@example.com", 0);
                if (n == 0) {
                    lost++;
                } else if (n > 1) {
                    doubled++;
                }
            }
            int busyRacing = 0;
            int fiveXx = 0;
            for (Sent request : sentLog) {
                boolean racing = request.first() == 503 && sentLog.stream().anyMatch(other -> other != request
                        && other.delivery().equals(request.delivery()) && other.sent() < request.answered()
                        && request.sent() < other.answered());
                if (racing) {
                    busyRacing++;
                } else if (request.first() >= 500) {
                    fiveXx++;
                }
                if (request.last() >= 500) {
                    fiveXx++;
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ordersSent", orders);
            out.put("duplicatesSent", repeats);
            out.put("concurrency", concurrency);
            out.put("requestsAnswered", latencies.size());
            out.put("requestsNotSent", all.size() - latencies.size() - failures.get());
            out.put("connectionFailures", failures.get());
            out.put("fiveXx", fiveXx);
            out.put("busyWhileOriginalInFlight", busyRacing);
            out.put("shopRetries", shopRetries.get());
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            statuses.forEach((status, count) -> byStatus.put(Integer.toString(status), count.get()));
            out.put("statuses", byStatus);
            out.put("emailsSent", thanks.values().stream().mapToInt(Integer::intValue).sum());
            out.put("ordersWithoutThankYou", lost);
            out.put("ordersWithTwoThankYous", doubled);
            out.put("deadLetters", runner.eventBus().deadLetters().size());
            out.put("busIdle", idle);
            out.put("p50Ms", Stats.round(Stats.percentile(latencies, 50), 1));
            out.put("p99Ms", Stats.round(Stats.percentile(latencies, 99), 1));
            out.put("maxMs", Stats.round(Stats.percentile(latencies, 100), 1));
            out.put("sendSeconds", Stats.round(sendSeconds, 1));
            out.put("secondsUntilIdle", Stats.round(totalSeconds, 1));
            out.put("requestsPerSecond", Stats.round(latencies.size() / sendSeconds, 1));
            System.out.println("intake load: " + out);
            return out;
        }
    }

    /** One request of the load: its copy, when it was sent and answered, its first and last answer. */
    private record Sent(ShopifyWebhooks.Delivery delivery, long sent, long answered, int first, int last) {
    }
}
