package loyaltyloop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.local.LocalOutbox;
import loyaltyloop.local.LocalRunner;
import loyaltyloop.local.RunnerOptions;
import loyaltyloop.local.RunnerProbe;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;

/**
 * A year of a shop through the local runner, compressed: the shop's orders arrive at a reduced daily rate (the
 * loop's work per order does not depend on how many orders a day there are), the clock moves {@value #STEP_DAYS}
 * days at a time with {@code POST /_local/clock}, each step ends with a sweep run
 * ({@code POST /_local/schedules/FollowUpSweepFunction}; a follow-up goes out at most a step late, which changes no
 * count) and every {@value #DIGEST_EVERY_STEPS}th step with an owner digest, whose runs then stand for the year's
 * daily ones (the digest's work does not depend on the day). Measured: HTTP requests and handler durations (this machine, this JVM),
 * invocations of every function, capacity (the runner's DynamoDB client wrapped by the capacity counter through
 * {@code loyalty.test.count-capacity}), emails by kind from the outbox. {@link #year} turns them into a year of a
 * shop with 12,000 orders; the hourly sweep runs the year has and the simulation does not (the empty ones) are
 * added at the measured cost of an empty run.
 *
 * <p>The shop: Shopify, explicit consent (60% of new customers opt in), 30% of orders from returning customers,
 * every order delivered as {@code orders/create}, {@code orders/paid} and (95%) {@code orders/fulfilled}, 2% of
 * deliveries retried, 3% of orders partly refunded a week later, 1% cancelled the next day, 1% of follow-up
 * recipients unsubscribing through the email's link (page, then one-click POST). Customers act on their emails
 * through the runner's HTTP routes, at the shares of the named constants below: they answer surveys (the email's
 * {@code /s/} link, then the form), come back with the survey coupon on a later order ({@code discount_codes}),
 * send friends through their thank-you's {@code /r/} link (the friend's first order carries {@code loyalty_ref}),
 * and exchange points from the points email's statement link with the form the statement page shows. Who acts is
 * a {@link Quota} of the emails of each kind (exact shares, so even a handful of points emails is acted on); the
 * other draws come from one seeded {@link Random}, so runs are comparable.
 */
final class YearSimulation {

    static final String SECRET = "bench-year-secret-0123456789abcdef";
    static final int DAYS = 365;
    static final double ORDERS_PER_YEAR = 12_000;
    static final double REPEAT_SHARE = 0.30;
    static final double CONSENT_SHARE = 0.60;
    /** The clock moves this many days a step; each step ends with a sweep run. */
    static final int STEP_DAYS = 5;
    /** The digest runs every this many steps; its runs stand for the year's daily ones. */
    static final int DIGEST_EVERY_STEPS = 3;
    /** Survey emails answered: post-purchase surveys with an incentive (the coupon) typically get 10-30%. */
    static final double SURVEY_ANSWER_SHARE = 0.20;
    /** Answers with a rating of 1-2 (service recovery): most buyers who bother to answer are satisfied. */
    static final double LOW_RATING_SHARE = 0.10;
    /** Survey coupons used on a later order: a 20%-off code sent to someone who just answered is used often, not always. */
    static final double COUPON_REDEEM_SHARE = 0.30;
    /** First orders referred by an existing customer's link: word of mouth in a small shop, a few percent. */
    static final double REFERRED_SHARE = 0.05;
    /** Referred orders refunded in part a week later: above the shop's 3%, so a short run still claws points back. */
    static final double REFERRED_REFUND_SHARE = 0.10;
    /** Points emails whose reader opens the statement and exchanges the points for a coupon: a minority act at once. */
    static final double POINTS_REDEEM_SHARE = 0.25;
    /** Follow-up recipients who unsubscribe through the email's link. */
    static final double UNSUBSCRIBE_SHARE = 0.01;
    /** The HTTP API's functions: each invocation is one HTTP API request. */
    static final List<String> HTTP_FUNCTIONS = List.of("OrderIntakeFunction", "UnsubscribeFunction", "SurveyPageFunction",
            "ReferralRedirectFunction", "PointsFunction");

    private static final Pattern REFERRAL_LINK = Pattern.compile("/r/([A-Z2-9]{8})");
    private static final Pattern SHOWN_CODE = Pattern.compile("class=\"code\">([A-Z0-9-]+)<");
    private static final Pattern REDEEM_FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">.*?"
            + "name=\"points\" value=\"([0-9]+)\">\\s*<input type=\"hidden\" name=\"rid\" value=\"([^\"]+)\">\\s*"
            + "<button type=\"submit\">", Pattern.DOTALL);

    /** Products of the simulated shop: title, price in cents, product id. */
    private static final Object[][] CATALOG = {
            {"Ceramic Mug", 2000L, 632910392L}, {"Café Blend Coffee Beans", 1500L, 921728736L},
            {"Pour-over Kettle", 5990L, 100001L}, {"Tea Sampler", 2450L, 100002L}, {"Travel Tumbler", 2990L, 100003L},
            {"Grinder", 12900L, 100004L}, {"Filter Papers", 1290L, 100005L}, {"Espresso Cups (set of 2)", 3490L, 100006L}};

    private record SimCustomer(String email, String firstName, boolean consent) {
    }

    private record SimOrder(long id, SimCustomer customer, List<ShopifyWebhooks.Line> lines, Instant at) {
    }

    /** A survey coupon its customer will use on an order from the step {@code dueStep} on. */
    private record PendingCoupon(SimCustomer customer, String code, int dueStep) {
    }

    /** What customers did through their emails' links, counted. */
    private static final class Actions {
        int surveysAnswered;
        int lowRatings;
        int couponsShown;
        int couponOrders;
        int referralClicks;
        int referredOrders;
        int referredRefunds;
        int statementsOpened;
        int pointsRedeems;
        final Map<String, Integer> statuses = new TreeMap<>();
        final List<Double> surveyMs = new ArrayList<>();
        final List<Double> redirectMs = new ArrayList<>();
        final List<Double> pointsMs = new ArrayList<>();

        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("surveysAnswered", surveysAnswered);
            m.put("lowRatings", lowRatings);
            m.put("couponsShown", couponsShown);
            m.put("couponOrders", couponOrders);
            m.put("referralClicks", referralClicks);
            m.put("referredOrders", referredOrders);
            m.put("referredRefunds", referredRefunds);
            m.put("statementsOpened", statementsOpened);
            m.put("pointsRedeems", pointsRedeems);
            m.put("statuses", statuses);
            return m;
        }
    }

    private YearSimulation() {
    }

    static List<ShopifyWebhooks.Line> basket(Random random) {
        List<ShopifyWebhooks.Line> lines = new ArrayList<>();
        int n = random.nextInt(10) < 7 ? 1 : 2;
        for (int i = 0; i < n; i++) {
            Object[] p = CATALOG[random.nextInt(CATALOG.length)];
            lines.add(new ShopifyWebhooks.Line((String) p[0], (Long) p[1], (Long) p[2], 1 + (random.nextInt(4) == 0 ? 1 : 0)));
        }
        return lines;
    }

    static Map<String, Object> run(Path repo, int simulatedOrders, Duration bound) throws Exception {
        System.setProperty("loyalty.test.count-capacity", "true");
        LocalRunner started;
        try {
            started = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET)
                    .withTemplate(repo.resolve("template.yaml").toString()));
        } finally {
            System.clearProperty("loyalty.test.count-capacity");
        }
        try (LocalRunner runner = started) {
            return simulate(repo, runner, simulatedOrders, bound);
        }
    }

    private static Map<String, Object> simulate(Path repo, LocalRunner runner, int simulatedOrders, Duration bound)
            throws Exception {
        CapacityCountingDynamoDbClient counter = runner.applicationContext().getBean(CapacityCounting.class).counter();
        RunnerProbe probe = RunnerProbe.attach(runner);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).connectTimeout(Duration.ofSeconds(5)).build();
        ShopifyWebhooks webhooks = new ShopifyWebhooks(repo, "demo.myshopify.com", SECRET);
        Random random = new Random(2026);
        Quotas quotas = new Quotas(new Quota(UNSUBSCRIBE_SHARE), new Quota(SURVEY_ANSWER_SHARE), new Quota(LOW_RATING_SHARE),
                new Quota(COUPON_REDEEM_SHARE), new Quota(POINTS_REDEEM_SHARE));
        String base = runner.baseUrl();
        counter.reset();

        List<SimCustomer> customers = new ArrayList<>();
        Map<Integer, List<ShopifyWebhooks.Delivery>> later = new HashMap<>();
        List<Double> intakeMs = new ArrayList<>();
        List<Double> unsubscribeMs = new ArrayList<>();
        List<Double> sweepMs = new ArrayList<>();
        List<List<Double>> sweepRuns = new ArrayList<>(); // per run: ms, follow-ups sent, WCU, RCU
        List<Double> digestMs = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Capacity ordersPhase = new Capacity();
        Capacity sweeps = new Capacity();
        Capacity digests = new Capacity();
        Capacity linkClicks = new Capacity();
        Actions actions = new Actions();
        List<PendingCoupon> pendingCoupons = new ArrayList<>();
        List<String> referralCodes = new ArrayList<>();
        int orders = 0;
        int refunds = 0;
        int cancels = 0;
        int outboxSeen = 0;
        double rate = simulatedOrders / (double) DAYS;
        long deadline = System.nanoTime() + bound.toNanos();
        long start = System.nanoTime();
        int day = 0;
        int step = 0;
        for (; day < DAYS && System.nanoTime() < deadline; day += STEP_DAYS, step++) {
            post(http, base + "/_local/clock", "{\"advance\":\"P" + STEP_DAYS + "D\"}");
            Instant now = runner.clock().instant();
            int end = Math.min(DAYS, day + STEP_DAYS);
            int today = (int) (Math.floor(end * rate) - Math.floor(day * rate));
            double[] before = ordersPhase.start(counter);
            for (int k = 0; k < today; k++) {
                SimCustomer customer;
                String couponCode = null;
                String referralCode = null;
                if (!customers.isEmpty() && random.nextDouble() < REPEAT_SHARE) {
                    PendingCoupon coupon = pendingCoupons.isEmpty() || pendingCoupons.get(0).dueStep() > step
                            ? null : pendingCoupons.remove(0);
                    if (coupon != null) {
                        customer = coupon.customer();
                        couponCode = coupon.code();
                        actions.couponOrders++;
                    } else {
                        customer = customers.get(random.nextInt(customers.size()));
                    }
                } else {
                    int n = customers.size();
                    customer = new SimCustomer("shopper" + n + "@example.com", "Shopper" + n,
                            random.nextDouble() < CONSENT_SHARE);
                    customers.add(customer);
                    if (!referralCodes.isEmpty() && random.nextDouble() < REFERRED_SHARE) {
                        // The friend follows the link (302 to the storefront); the theme snippet keeps the code.
                        referralCode = referralCodes.get(random.nextInt(referralCodes.size()));
                        String url = base + "/r/" + referralCode;
                        actions.redirectMs.add(timed(() -> link(http, "GET", url, null, actions.statuses, "referral click")));
                        actions.referralClicks++;
                        actions.referredOrders++;
                    }
                }
                SimOrder order = new SimOrder(8_000_000_000L + orders, customer, basket(random), now);
                orders++;
                ShopifyWebhooks.Delivery create = webhooks.order("orders/create", order.id(), customer.email(),
                        customer.firstName(), order.lines(), customer.consent(), now, false, couponCode, referralCode);
                send(http, base, create, intakeMs, statuses);
                send(http, base, create.asTopic("orders/paid"), intakeMs, statuses);
                if (random.nextDouble() < 0.95) {
                    send(http, base, create.asTopic("orders/fulfilled"), intakeMs, statuses);
                }
                if (random.nextDouble() < 0.02) {
                    send(http, base, create, intakeMs, statuses);
                }
                double fate = random.nextDouble();
                if (referralCode != null && random.nextDouble() < REFERRED_REFUND_SHARE) {
                    fate = 0; // refunded in part a week later, like the shop's other refunds
                    actions.referredRefunds++;
                }
                if (fate < 0.03) {
                    long amount = order.lines().get(0).priceMinor();
                    later.computeIfAbsent(step + 7 / STEP_DAYS + 1, d -> new ArrayList<>())
                            .add(webhooks.refund(9_000_000_000L + orders, order.id(), amount, now.plus(Duration.ofDays(7))));
                    refunds++;
                } else if (fate < 0.04) {
                    later.computeIfAbsent(step + 1, d -> new ArrayList<>()).add(webhooks.order("orders/cancelled",
                            order.id(), customer.email(), customer.firstName(), order.lines(), customer.consent(), now, true));
                    cancels++;
                }
            }
            for (ShopifyWebhooks.Delivery d : later.getOrDefault(step, List.of())) {
                send(http, base, d, intakeMs, statuses);
            }
            CapacityBench.require(runner.eventBus().awaitIdle(Duration.ofMinutes(2)), "bus not idle on day " + day);
            ordersPhase.end(counter, before);

            double[] s = sweeps.start(counter);
            int followUpsBefore = count(runner, "follow-up");
            double ms = timed(() -> post(http, base + "/_local/schedules/FollowUpSweepFunction", ""));
            sweepMs.add(ms);
            sweeps.end(counter, s);
            sweepRuns.add(List.of(ms, (double) (count(runner, "follow-up") - followUpsBefore),
                    counter.wcu() - s[0], counter.rcu() - s[1]));
            if (step % DIGEST_EVERY_STEPS == 0) {
                double[] g = digests.start(counter);
                digestMs.add(timed(() -> post(http, base + "/_local/schedules/OwnerDigestFunction", "")));
                digests.end(counter, g);
            }

            List<LocalOutbox.OutboxEmail> emails = runner.outbox().emails();
            double[] u = linkClicks.start(counter);
            for (LocalOutbox.OutboxEmail email : emails.subList(outboxSeen, emails.size())) {
                if (email.kind().equals("follow-up") && quotas.unsubscribe().next()) {
                    String url = emailLink(email, base, "u");
                    if (url != null) {
                        unsubscribeMs.add(timed(() -> get(http, url)));
                        unsubscribeMs.add(timed(() -> post(http, url, "List-Unsubscribe=One-Click")));
                    }
                } else if (email.kind().equals("survey") && quotas.surveyAnswer().next()) {
                    answerSurvey(http, base, email, random, quotas, customers, step, actions, pendingCoupons);
                } else if (email.kind().equals("points") && quotas.pointsRedeem().next()) {
                    redeemPoints(http, base, email, actions);
                } else if (email.kind().equals("affirmation")) {
                    Matcher code = REFERRAL_LINK.matcher(email.text());
                    if (code.find() && !referralCodes.contains(code.group(1))) {
                        referralCodes.add(code.group(1));
                    }
                }
            }
            // What the answers caused (the coupon email, service recovery) belongs to the clicks.
            CapacityBench.require(runner.eventBus().awaitIdle(Duration.ofMinutes(2)), "bus not idle after the clicks of day " + day);
            linkClicks.end(counter, u);
            outboxSeen = emails.size();
        }
        double simulatedSeconds = (System.nanoTime() - start) / 1e9;
        int days = Math.min(day, DAYS);

        // What a run finds when nothing is due (most of the year's 8,760 hourly runs): fired again right away.
        List<Double> emptySweepMs = new ArrayList<>();
        Capacity emptySweeps = new Capacity();
        for (int i = 0; i < 3; i++) {
            double[] e = emptySweeps.start(counter);
            emptySweepMs.add(timed(() -> post(http, base + "/_local/schedules/FollowUpSweepFunction", "")));
            emptySweeps.end(counter, e);
        }

        Map<String, Integer> emailsByKind = new TreeMap<>();
        for (LocalOutbox.OutboxEmail email : runner.outbox().emails()) {
            emailsByKind.merge(email.kind(), 1, Integer::sum);
        }
        Map<String, List<Double>> busMs = new TreeMap<>();
        for (RunnerProbe.Invocation i : probe.invocations()) {
            busMs.computeIfAbsent(i.functionId(), f -> new ArrayList<>()).add(i.nanos() / 1e6);
        }
        Map<String, Integer> events = runner.eventBus().publishedByDetailType();

        Map<String, Object> sim = new LinkedHashMap<>();
        sim.put("days", days);
        sim.put("orders", orders);
        sim.put("customers", customers.size());
        sim.put("customersWithConsent", customers.stream().filter(SimCustomer::consent).count());
        sim.put("refunds", refunds);
        sim.put("cancellations", cancels);
        sim.put("customerActions", actions.map());
        sim.put("shares", Map.of("unsubscribe", UNSUBSCRIBE_SHARE, "surveyAnswer", SURVEY_ANSWER_SHARE, "lowRating", LOW_RATING_SHARE,
                "couponRedeem", COUPON_REDEEM_SHARE, "referred", REFERRED_SHARE, "referredRefund", REFERRED_REFUND_SHARE,
                "pointsRedeem", POINTS_REDEEM_SHARE));
        sim.put("wallSeconds", Stats.round(simulatedSeconds, 1));
        sim.put("webhookStatuses", statuses);
        sim.put("emailsByKind", emailsByKind);
        sim.put("eventsPublished", events);
        sim.put("deadLetters", runner.eventBus().deadLetters().size());
        Map<String, Object> functions = new LinkedHashMap<>();
        functions.put("OrderIntakeFunction", fn(intakeMs));
        functions.put("UnsubscribeFunction", fn(unsubscribeMs));
        functions.put("SurveyPageFunction", fn(actions.surveyMs));
        functions.put("ReferralRedirectFunction", fn(actions.redirectMs));
        functions.put("PointsFunction", fn(actions.pointsMs));
        functions.put("FollowUpSweepFunction", fn(sweepMs));
        functions.put("OwnerDigestFunction", fn(digestMs));
        busMs.forEach((id, ms) -> functions.put(id, fn(ms)));
        sim.put("functions", functions);
        sim.put("emptySweepRun", Map.of("ms", Stats.round(Stats.median(emptySweepMs), 1),
                "rcu", emptySweeps.rcu / 3, "wcu", emptySweeps.wcu / 3));
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("orders", ordersPhase.map());
        capacity.put("sweeps", sweeps.map());
        capacity.put("digests", digests.map());
        capacity.put("linkClicks", linkClicks.map());
        sim.put("capacity", capacity);
        Map<String, Integer> memory = new LinkedHashMap<>();
        for (String id : RunnerProbe.functionIds(runner)) {
            memory.put(id, RunnerProbe.memoryMb(runner, id));
        }
        sim.put("memoryMb", memory);
        sim.put("emptySweepRunMs", emptySweepMs);
        // The fixed part of a run (the shard queries, the histogram): the runs that sent nothing, in the same shop.
        List<List<Double>> idle = sweepRuns.stream().filter(r -> r.get(1) == 0).toList();
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("runs", idle.size());
        fixed.put("ms", idle.isEmpty() ? Stats.median(emptySweepMs) : Stats.median(idle.stream().map(r -> r.get(0)).toList()));
        fixed.put("wcu", idle.isEmpty() ? emptySweeps.wcu / 3 : Stats.median(idle.stream().map(r -> r.get(2)).toList()));
        fixed.put("rcu", idle.isEmpty() ? emptySweeps.rcu / 3 : Stats.median(idle.stream().map(r -> r.get(3)).toList()));
        sim.put("sweepRunWithNothingDue", fixed);
        sim.put("followUpsSentBySweeps", sweepRuns.stream().mapToDouble(r -> r.get(1)).sum());
        System.out.println("year simulation: " + sim);
        return sim;
    }

    /**
     * The simulated year as a year of the real shop (12,000 orders, hourly sweep, daily digest): what scales with
     * orders is scaled by 12,000 / simulated orders; the digest runs once a day in both; the sweep runs the real
     * year has beyond the simulated ones cost what an empty run costs.
     */
    @SuppressWarnings("unchecked")
    static CostModel.Year year(Map<String, Object> sim, Map<String, Double> secondsPerInvocationOverride) {
        double orders = ((Number) sim.get("orders")).doubleValue();
        double scale = ORDERS_PER_YEAR / orders;
        double digestRuns = ((Number) ((Map<String, Object>) ((Map<String, Object>) sim.get("functions"))
                .get("OwnerDigestFunction")).get("invocations")).doubleValue();
        double dayScale = DAYS / digestRuns; // each simulated digest run stands for this many of the year's
        Map<String, Object> functions = (Map<String, Object>) sim.get("functions");
        Map<String, Integer> memory = (Map<String, Integer>) sim.get("memoryMb");
        Map<String, Object> empty = (Map<String, Object>) sim.get("sweepRunWithNothingDue");
        double emptyMs = ((Number) empty.get("ms")).doubleValue();
        double sweepRunsPerYear = DAYS * 24;
        double digestRunsPerYear = DAYS;
        Map<String, CostModel.FunctionYear> year = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : functions.entrySet()) {
            Map<String, Object> f = (Map<String, Object>) e.getValue();
            double invocations = ((Number) f.get("invocations")).doubleValue();
            double seconds = ((Number) f.get("totalMs")).doubleValue() / 1000;
            String id = e.getKey();
            double yearInvocations;
            double yearSeconds;
            if (id.equals("FollowUpSweepFunction")) {
                double dueWork = Math.max(0, seconds - invocations * emptyMs / 1000);
                yearInvocations = sweepRunsPerYear;
                yearSeconds = dueWork * scale + sweepRunsPerYear * emptyMs / 1000;
            } else if (id.equals("OwnerDigestFunction")) {
                yearInvocations = digestRunsPerYear;
                yearSeconds = seconds * dayScale;
            } else {
                yearInvocations = invocations * scale;
                yearSeconds = seconds * scale;
            }
            Double override = secondsPerInvocationOverride == null ? null : secondsPerInvocationOverride.get(id);
            if (override != null) {
                yearSeconds = yearInvocations * override;
            }
            year.put(id, new CostModel.FunctionYear(yearInvocations, yearSeconds, memory.getOrDefault(id, 1024)));
        }
        Map<String, Object> capacity = (Map<String, Object>) sim.get("capacity");
        double sweepRuns = ((Number) ((Map<String, Object>) functions.get("FollowUpSweepFunction")).get("invocations")).doubleValue();
        double emptyWcu = ((Number) empty.get("wcu")).doubleValue();
        double emptyRcu = ((Number) empty.get("rcu")).doubleValue();
        Map<String, Object> sweepCapacity = (Map<String, Object>) capacity.get("sweeps");
        double wcu = (units(capacity, "orders", "wcu") + units(capacity, "linkClicks", "wcu")) * scale
                + Math.max(0, ((Number) sweepCapacity.get("wcu")).doubleValue() - sweepRuns * emptyWcu) * scale
                + sweepRunsPerYear * emptyWcu
                + units(capacity, "digests", "wcu") * dayScale;
        double rcu = (units(capacity, "orders", "rcu") + units(capacity, "linkClicks", "rcu")) * scale
                + Math.max(0, ((Number) sweepCapacity.get("rcu")).doubleValue() - sweepRuns * emptyRcu) * scale
                + sweepRunsPerYear * emptyRcu
                + units(capacity, "digests", "rcu") * dayScale;
        double emailCount = emailsPerYear(sim).values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> events = (Map<String, Integer>) sim.get("eventsPublished");
        double eventCount = events.values().stream().mapToInt(Integer::intValue).sum() * scale;
        double httpRequests = 0;
        for (String id : HTTP_FUNCTIONS) {
            Map<String, Object> f = (Map<String, Object>) functions.get(id);
            httpRequests += f == null ? 0 : ((Number) f.get("invocations")).doubleValue() * scale;
        }
        return new CostModel.Year(ORDERS_PER_YEAR, year, wcu, rcu, emailCount, eventCount,
                sweepRunsPerYear + digestRunsPerYear, httpRequests);
    }

    /** The year's emails by kind: per order for every kind but the owner's digest, which goes out once a day. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> emailsPerYear(Map<String, Object> sim) {
        double scale = ORDERS_PER_YEAR / ((Number) sim.get("orders")).doubleValue();
        double digestRuns = ((Number) ((Map<String, Object>) ((Map<String, Object>) sim.get("functions"))
                .get("OwnerDigestFunction")).get("invocations")).doubleValue();
        Map<String, Double> year = new TreeMap<>();
        ((Map<String, Integer>) sim.get("emailsByKind")).forEach((kind, n) ->
                year.put(kind, n * (kind.equals("owner-digest") ? DAYS / digestRuns : scale)));
        return year;
    }

    @SuppressWarnings("unchecked")
    private static double units(Map<String, Object> capacity, String phase, String kind) {
        return ((Number) ((Map<String, Object>) capacity.get(phase)).get(kind)).doubleValue();
    }

    /** The email's link of that route ({@code u}, {@code s}, {@code p}), absolute, or null. */
    private static String emailLink(LocalOutbox.OutboxEmail email, String base, String route) {
        Matcher link = Pattern.compile(Pattern.quote(base) + "(/" + route + "/[A-Za-z0-9._~-]+)").matcher(email.text());
        return link.find() ? base + link.group(1) : null;
    }

    /** The customer opens the survey, answers it; the coupon shown may come back on a later order. */
    /**
     * Acts on exactly its share of the emails seen so far, rounded. A random draw at 25% missed all five points emails
     * of a run, which left the points function unpriced; a quota acts once the share of those seen reaches one half.
     */
    static final class Quota {

        private final double share;
        private int seen;
        private int acted;

        Quota(double share) {
            this.share = share;
        }

        boolean next() {
            seen++;
            if (acted < Math.round(seen * share)) {
                acted++;
                return true;
            }
            return false;
        }
    }

    record Quotas(Quota unsubscribe, Quota surveyAnswer, Quota lowRating, Quota couponRedeem, Quota pointsRedeem) {
    }

    private static void answerSurvey(HttpClient http, String base, LocalOutbox.OutboxEmail email, Random random,
            Quotas quotas, List<SimCustomer> customers, int step, Actions actions, List<PendingCoupon> pendingCoupons)
            throws Exception {
        String url = emailLink(email, base, "s");
        if (url == null) {
            actions.statuses.merge("survey email without a /s/ link", 1, Integer::sum);
            return;
        }
        actions.surveyMs.add(timed(() -> link(http, "GET", url, null, actions.statuses, "survey page")));
        boolean low = quotas.lowRating().next();
        int rating = low ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
        String form = "rating=" + rating + "&comment=" + (low ? "Arrived+damaged" : "Lovely");
        String[] page = new String[1];
        actions.surveyMs.add(timed(() -> page[0] = link(http, "POST", url, form, actions.statuses, "survey answer")));
        actions.surveysAnswered++;
        if (low) {
            actions.lowRatings++;
        }
        Matcher shown = SHOWN_CODE.matcher(page[0]);
        if (shown.find()) {
            actions.couponsShown++;
            SimCustomer customer = customers.stream().filter(c -> email.to().contains(c.email())).findFirst().orElse(null);
            if (customer != null && quotas.couponRedeem().next()) {
                // Comes back one to four steps (5-20 days) later; the queue stays in due order.
                pendingCoupons.add(new PendingCoupon(customer, shown.group(1), step + 1 + random.nextInt(4)));
                pendingCoupons.sort(java.util.Comparator.comparingInt(PendingCoupon::dueStep));
            }
        }
    }

    /** The referrer opens the points email's statement and submits the first reward form it can afford. */
    private static void redeemPoints(HttpClient http, String base, LocalOutbox.OutboxEmail email, Actions actions)
            throws Exception {
        String url = emailLink(email, base, "p");
        if (url == null) {
            actions.statuses.merge("points email without a /p/ link", 1, Integer::sum);
            return;
        }
        String[] page = new String[1];
        actions.pointsMs.add(timed(() -> page[0] = link(http, "GET", url, null, actions.statuses, "points statement")));
        actions.statementsOpened++;
        Matcher form = REDEEM_FORM.matcher(page[0]);
        if (form.find()) {
            String action = form.group(1).replace("&#x2F;", "/").replace("&#47;", "/").replace("&amp;", "&");
            String target = action.startsWith("http") ? action : action.startsWith("/") ? base + action : url + "/redeem";
            String body = "points=" + form.group(2) + "&rid=" + form.group(3);
            actions.pointsMs.add(timed(() -> link(http, "POST", target, body, actions.statuses, "points redeem")));
            actions.pointsRedeems++;
        } else {
            actions.statuses.merge("points statement without a form it can afford", 1, Integer::sum);
            System.out.println("year: points statement without a form it can afford:\n" + page[0]);
        }
    }

    /** A customer's click or form post; counts the answer by status; answers the body. */
    private static String link(HttpClient http, String method, String url, String form, Map<String, Integer> statuses,
            String what) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        statuses.merge(what + " " + response.statusCode(), 1, Integer::sum);
        CapacityBench.require(response.statusCode() < 500, method + " " + url + " answered " + response.statusCode());
        return response.body();
    }

    private static int count(LocalRunner runner, String kind) {
        return (int) runner.outbox().emails().stream().filter(e -> e.kind().equals(kind)).count();
    }

    private static Map<String, Object> fn(List<Double> ms) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("invocations", ms.size());
        f.put("totalMs", Stats.round(Stats.sum(ms), 1));
        f.put("medianMs", Stats.round(Stats.median(ms), 1));
        f.put("p99Ms", Stats.round(Stats.percentile(ms, 99), 1));
        return f;
    }

    /** Capacity charged during the phases of one kind, summed. */
    private static final class Capacity {
        double wcu;
        double rcu;

        double[] start(CapacityCountingDynamoDbClient counter) {
            return new double[] {counter.wcu(), counter.rcu()};
        }

        void end(CapacityCountingDynamoDbClient counter, double[] before) {
            wcu += counter.wcu() - before[0];
            rcu += counter.rcu() - before[1];
        }

        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wcu", Stats.round(wcu, 1));
            m.put("rcu", Stats.round(rcu, 1));
            return m;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void send(HttpClient http, String base, ShopifyWebhooks.Delivery delivery, List<Double> ms,
            Map<String, Integer> statuses) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(delivery.request(base), HttpResponse.BodyHandlers.ofString());
        ms.add((System.nanoTime() - start) / 1e6);
        statuses.merge(delivery.topic() + " " + response.statusCode(), 1, Integer::sum);
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        CapacityBench.require(response.statusCode() < 500, "POST " + url + " answered " + response.statusCode());
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        CapacityBench.require(response.statusCode() < 500, "GET " + url + " answered " + response.statusCode());
    }
}
