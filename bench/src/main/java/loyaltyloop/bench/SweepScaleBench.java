package loyaltyloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.dynamodb.StoredItems;
import loyaltyloop.email.EmailSender;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.followup.DueCustomers;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.followup.FollowUpFanOut;
import loyaltyloop.followup.FollowUpPolicy;
import loyaltyloop.followup.FollowUpSweep;
import loyaltyloop.followup.SendPace;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.followup.SweepPartDue;
import loyaltyloop.links.Links;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Does one scheduled sweep keep the 90-45 promise at scale? Two shapes, each on a fresh table on the moto server:
 * one shop whose spend histogram counts 1,000,000 customers with 12,000 of them due this hour (only the due ones
 * stored), and 1,000 shops with 20 due each. The real fan-out ({@link FollowUpFanOut}) publishes the work items;
 * then the workers of the template (as many as its {@code SesMaxSendRate} default, each paced at its share of it by
 * a real {@link SendPace}) run the real {@link FollowUpSweep#runPart} on them, sending through SES on moto, and
 * hand on the rest of a part as the worker function does.
 *
 * <p>Time is simulated, so the figure does not depend on this machine: each worker has its own clock, which moves
 * by the pace's waits (one send per interval), a fixed cost per invocation and a cold start on its first; an
 * invocation stops where the function's would (15 s before its 300 s timeout) or at the next scheduled run, an
 * hour after this one. The backlog is what the due index still counts when the next run would start.
 */
final class SweepScaleBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The worker function's Timeout and the margin its handler keeps. */
    private static final Duration BUDGET = Duration.ofSeconds(300 - 15);
    private static final Duration HOUR = FollowUpSweep.INTERVAL;
    /** What an invocation costs besides its sends: the shop, its histogram and the index pages (assumed). */
    private static final Duration PER_INVOCATION = Duration.ofMillis(200);
    /** A worker's first invocation: a SnapStart restore and first request (assumed, generously). */
    private static final Duration COLD_START = Duration.ofSeconds(3);

    private SweepScaleBench() {
    }

    static Map<String, Object> run(Path repo, long histogramCustomers, int dueInOneShop, int shops, int duePerShop)
            throws Exception {
        int workers = sesMaxSendRate(repo);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workers", workers);
        out.put("sendsPerSecondPerWorker", 1.0);
        out.put("assumed", Map.of("perInvocationSeconds", PER_INVOCATION.toMillis() / 1000.0,
                "coldStartSeconds", COLD_START.toMillis() / 1000.0, "invocationBudgetSeconds", BUDGET.toSeconds()));
        out.put("oneShop", scenario(repo, workers, 1, dueInOneShop, histogramCustomers));
        resetMoto();
        out.put("manyShops", scenario(repo, workers, shops, duePerShop, duePerShop * 10L));
        resetMoto();
        return out;
    }

    private static Map<String, Object> scenario(Path repo, int workers, int shopCount, int duePerShop,
            long customersPerShop) throws Exception {
        String table = TestAws.createTable();
        try (ApplicationContext context = TestAws.context(table, "bench-unused-bus", TestAws.createLinkKey(),
                Map.of("loyalty.public-base-url", "https://bench.example"))) {
            Shop demo = TestShops.shopify(context, "sweep-scale-secret");
            List<Shop> shops = new ArrayList<>();
            shops.add(demo);
            ShopStore shopStore = context.getBean(ShopStore.class);
            for (int i = 1; i < shopCount; i++) {
                Shop shop = new Shop("shop" + i + ".myshopify.com", Platform.SHOPIFY, "https://shop" + i
                        + ".myshopify.com", demo.senderAddress(), demo.senderName(), demo.ownerEmail(), "en", "USD",
                        demo.webhookSecretRef());
                shopStore.save(shop);
                shops.add(shop);
            }
            Instant now = Instant.now();
            long seedStart = System.nanoTime();
            seed(repo, table, shops, duePerShop, customersPerShop, now);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            long runStart = System.nanoTime();
            Simulation sim = new Simulation(context, workers);
            int items = new FollowUpFanOut(shopStore, context.getBean(DueCustomers.class), sim).enqueue();
            sim.drain();
            double runSeconds = (System.nanoTime() - runStart) / 1e9;

            DueCustomers due = context.getBean(DueCustomers.class);
            long stillDue = 0;
            for (Shop shop : shops) {
                stillDue += due.count(shop.domain(), now.plus(HOUR));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("shops", shopCount);
            r.put("duePerShop", duePerShop);
            r.put("customersPerShop", customersPerShop);
            r.put("workItems", items);
            r.put("invocations", sim.invocations);
            r.put("handedOn", sim.handedOn);
            r.put("visits", sim.visits.toString());
            r.put("sent", sim.visits.getOrDefault(FollowUpSweep.Visit.SENT, 0));
            r.put("simulatedMinutesToSendAll", Stats.round(sim.lastFinishNanos / 60e9, 1));
            r.put("leftInQueueAtNextRun", sim.queue.size());
            r.put("stillDueAtNextRun", stillDue);
            r.put("seedSeconds", Stats.round(seedSeconds, 1));
            r.put("runSeconds", Stats.round(runSeconds, 1));
            System.out.printf("sweep at scale: %,d shop(s) x %,d due: %d items, %d invocations, %d handed on, "
                    + "%s, all sent by simulated minute %.1f, %,d still due at the next run (run %.0f s, seed %.0f s)%n",
                    shopCount, duePerShop, items, sim.invocations, sim.handedOn, sim.visits,
                    sim.lastFinishNanos / 60e9, stillDue, runSeconds, seedSeconds);
            return r;
        }
    }

    /** EventBridge and the worker function's concurrency, in one process on simulated clocks. */
    private static final class Simulation implements EventPublisher {

        final Deque<SweepPartDue> queue = new ArrayDeque<>();
        final Map<FollowUpSweep.Visit, Integer> visits = new TreeMap<>();
        final PriorityQueue<Worker> idle = new PriorityQueue<>((a, b) -> Long.compare(a.timer.now, b.timer.now));
        int invocations;
        int handedOn;
        long lastFinishNanos;

        Simulation(ApplicationContext context, int workers) {
            for (int i = 0; i < workers; i++) {
                idle.add(new Worker(context));
            }
        }

        @Override
        public void publish(DomainEvent event) {
            throw new UnsupportedOperationException("the sweep publishes only SweepPartDue");
        }

        @Override
        public void publish(loyaltyloop.events.BusEvent event) {
            queue.add((SweepPartDue) event);
        }

        /** Runs queued items on the earliest free worker until none is left or the next scheduled run is due. */
        void drain() {
            long hourEnd = HOUR.toNanos();
            while (!queue.isEmpty()) {
                Worker worker = idle.poll();
                if (worker.timer.now >= hourEnd) {
                    idle.add(worker);
                    return;
                }
                SweepPartDue part = queue.poll();
                worker.timer.now += (worker.warm ? PER_INVOCATION : COLD_START).toNanos();
                worker.warm = true;
                long stopAt = Math.min(worker.timer.now + BUDGET.toNanos(), hourEnd);
                FollowUpSweep.PartReport done = worker.sweep.runPart(part.shop(), part.walk(),
                        () -> worker.timer.now < stopAt);
                invocations++;
                done.report().visits().forEach((visit, n) -> visits.merge(visit, n, Integer::sum));
                if (done.rest() != null) {
                    handedOn++;
                    publish(new SweepPartDue(part.shop(), done.rest()));
                }
                lastFinishNanos = Math.max(lastFinishNanos, worker.timer.now);
                idle.add(worker);
            }
        }
    }

    /** One concurrent execution of the worker function: its own sweep, pace and clock. */
    private static final class Worker {
        final SimulatedTimer timer = new SimulatedTimer();
        final FollowUpSweep sweep;
        boolean warm;

        Worker(ApplicationContext context) {
            SendPace pace = new SendPace(Duration.ofSeconds(1), timer);
            sweep = new FollowUpSweep(context.getBean(ShopStore.class), context.getBean(CustomerStore.class),
                    context.getBean(OrderStore.class), context.getBean(DueCustomers.class),
                    context.getBean(SpendStats.class), context.getBean(LoopStats.class),
                    context.getBean(EmailSender.class), context.getBean(Links.class), context.getBean(Clock.class),
                    context.getBean(FollowUpEmail.class), context.getBean(SurveyEmails.class), pace,
                    "https://bench.example", 500);
        }
    }

    private static final class SimulatedTimer implements SendPace.Timer {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    /**
     * Each shop: its due customers (with their last order, as the follow-up shows it) and a spend histogram that
     * counts {@code customersPerShop}, drawn from the same catalog prices as {@link SweepBench}'s shops.
     */
    private static void seed(Path repo, String table, List<Shop> shops, int duePerShop, long customersPerShop,
            Instant now) throws Exception {
        Random random = new Random(42);
        JsonNode sampleOrder = JSON.readTree(repo.resolve("events/order-placed.json").toFile()).path("detail")
                .path("order");
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        try (DynamoDbClient dynamo = TestAws.dynamo()) {
            for (Shop shop : shops) {
                Map<Long, Long> histogram = new TreeMap<>();
                for (long i = 0; i < customersPerShop; i++) {
                    long spend = spend(random);
                    histogram.merge(SpendHistogram.bucketOf(spend), 1L, Long::sum);
                    if (i >= duePerShop) {
                        continue; // counted in the histogram, not stored: the sweep never reads who is not due
                    }
                    String email = "customer" + i + "@example.com";
                    Instant lastContact = now.minus(Duration.ofDays(91)).minus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
                    String orderId = Long.toString(5_000_000_000L + i);
                    pending.add(SweepBench.customerItem(shop.domain(), email, 1, spend, lastContact,
                            lastContact.plus(FollowUpPolicy.REGULAR_LIMIT), orderId, SpendHistogram.bucketOf(spend),
                            (int) i));
                    pending.add(SweepBench.orderItem(shop.domain(), sampleOrder, orderId, email, lastContact));
                    if (pending.size() >= 24) {
                        SweepBench.flush(dynamo, table, pending);
                    }
                }
                for (Map.Entry<Long, Long> b : histogram.entrySet()) {
                    pending.add(StoredItems.spendBucket(shop.domain(), b.getKey(), b.getValue()));
                    if (pending.size() >= 24) {
                        SweepBench.flush(dynamo, table, pending);
                    }
                }
            }
            SweepBench.flush(dynamo, table, pending);
        }
    }

    private static long spend(Random random) {
        int orders = 1 + (random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0);
        long spend = 0;
        for (int o = 0; o < orders; o++) {
            spend += SweepBench.PRICES[random.nextInt(SweepBench.PRICES.length)] * (1 + random.nextInt(2)) + 995;
        }
        return spend;
    }

    /** The template's default for {@code SesMaxSendRate}: the workers' reserved concurrency. */
    static int sesMaxSendRate(Path repo) throws Exception {
        String template = Files.readString(repo.resolve("template.yaml"));
        Matcher m = Pattern.compile("\\n  SesMaxSendRate:\\n(?:    .*\\n)*?    Default: (\\d+)").matcher(template);
        if (!m.find()) {
            throw new IllegalStateException("template.yaml has no SesMaxSendRate parameter with a default");
        }
        return Integer.parseInt(m.group(1));
    }

    static void resetMoto() {
        try {
            java.net.HttpURLConnection reset = (java.net.HttpURLConnection) java.net.URI.create(
                    TestAws.endpoint() + "/moto-api/reset").toURL().openConnection();
            reset.setRequestMethod("POST");
            reset.setDoOutput(true);
            reset.getOutputStream().close();
            reset.getResponseCode();
            reset.disconnect();
        } catch (java.io.IOException e) {
            System.out.println("bench: could not reset the moto server: " + e);
        }
    }
}
