package loyaltyloop.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Base64;
import loyaltyloop.affirmation.AffirmationHandler;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.followup.FollowUpSchedulingHandler;
import loyaltyloop.followup.OwnerPageHandler;
import loyaltyloop.intake.OrderIntakeHandler;
import loyaltyloop.links.Links;
import loyaltyloop.intake.WebhookSignature;
import loyaltyloop.referral.PointsHandler;
import loyaltyloop.referral.ReferralEventsHandler;
import loyaltyloop.referral.ReferralRedirectHandler;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.survey.CouponRedemptionHandler;
import loyaltyloop.survey.SurveyFollowThroughHandler;
import loyaltyloop.survey.SurveyPageHandler;
import loyaltyloop.testing.CapacityCounting;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;

/**
 * Write and read capacity of one typical first order through the real handlers on the moto server, counted by
 * {@link CapacityCountingDynamoDbClient} (the flow of local/'s WriteCapacityTest): intake, affirmation, follow-up
 * scheduling, the referral consumer and the coupon redemption (the sample order carries a discount code, so both
 * rules let it through; a plain order never invokes them), then the same delivery again and the order's
 * {@code orders/paid} delivery. Then, with the sample events of {@code events/} and the shop on the demo checkout
 * (as in the local runner and WriteCapacityTest): a completed survey (page, answer, follow-through), the survey
 * coupon redeemed on a later order, a referral click, a credited referral and a points redeem.
 */
final class CapacityBench {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SECRET = "sample-shopify-secret";
    private static final String JANE = "jane.doe@example.com";

    private CapacityBench() {
    }

    static Map<String, Object> run(Path repo) throws Exception {
        TestAws.EventTap bus = TestAws.tapBus();
        try (ApplicationContext context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.test.count-capacity", "true"))) {
            TestShops.shopify(context, SECRET);
            CapacityCountingDynamoDbClient counter = context.getBean(CapacityCounting.class).counter();
            OrderIntakeHandler intake = new OrderIntakeHandler(context);
            AffirmationHandler affirmation = new AffirmationHandler(context);
            FollowUpSchedulingHandler scheduling = new FollowUpSchedulingHandler(context);
            APIGatewayV2HTTPEvent delivery = JSON.readValue(repo.resolve("events/shopify-orders-create.json").toFile(),
                    APIGatewayV2HTTPEvent.class);
            APIGatewayV2HTTPEvent paid = JSON.readValue(repo.resolve("events/shopify-orders-paid.json").toFile(),
                    APIGatewayV2HTTPEvent.class);

            // A typical first order joins a shop whose other customers mostly spent more (not a "big first order").
            for (int i = 0; i < 19; i++) {
                ObjectNode body = (ObjectNode) JSON.readTree(delivery.getBody());
                body.put("id", 100_000 + i);
                body.put("email", "regular" + i + "@example.com");
                body.put("total_price", (200 + i) + ".00");
                String raw = JSON.writeValueAsString(body);
                APIGatewayV2HTTPEvent seed = JSON.readValue(JSON.writeValueAsString(delivery), APIGatewayV2HTTPEvent.class);
                seed.setBody(raw);
                Map<String, String> headers = new HashMap<>(seed.getHeaders());
                headers.put("x-shopify-webhook-id", "seed-" + i);
                headers.put("x-shopify-hmac-sha256", WebhookSignature.sign(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
                seed.setHeaders(headers);
                require(intake.handleRequest(seed, null).getStatusCode() == 200, "seed order refused");
            }
            for (JsonNode event : bus.drain()) {
                scheduling.handleRequest(map(event), null);
            }

            Map<String, Object> out = new LinkedHashMap<>();
            counter.reset();
            require(intake.handleRequest(delivery, null).getStatusCode() == 200, "sample order refused");
            Step intakeStep = Step.of(counter);
            List<JsonNode> events = bus.drain();
            require(events.size() == 1, "expected one OrderPlaced, got " + events.size());
            // Intake's path calls DynamoDB and EventBridge one after the other (and SSM for the webhook secret when
            // this container has not read it in the last five minutes, DynamoDB for the shop's item when not in the
            // last minute: the seed orders above have). local/'s IntakeRoundTripsTest lists the calls.
            int awsCallsPerIntake = intakeStep.calls() + events.size();
            counter.reset();
            require("SENT".equals(affirmation.handleRequest(map(events.get(0)), null)), "no thank-you sent");
            Step affirmationStep = Step.of(counter);
            counter.reset();
            String scheduled = scheduling.handleRequest(map(events.get(0)), null);
            Step schedulingStep = Step.of(counter);
            counter.reset();
            String referralOutcome = new ReferralEventsHandler(context).handleRequest(map(events.get(0)), null);
            Step referralStep = Step.of(counter);
            counter.reset();
            String redemptionOutcome = new CouponRedemptionHandler(context).handleRequest(map(events.get(0)), null);
            Step redemptionStep = Step.of(counter);

            int emailsBefore = TestAws.sentEmailsTo(JANE).size();
            counter.reset();
            require(intake.handleRequest(delivery, null).getStatusCode() == 200, "repeated delivery refused");
            List<JsonNode> duplicateEvents = bus.drain();
            for (JsonNode event : duplicateEvents) {
                affirmation.handleRequest(map(event), null);
            }
            Step duplicateStep = Step.of(counter);
            int duplicateEmails = TestAws.sentEmailsTo(JANE).size() - emailsBefore;

            counter.reset();
            require(intake.handleRequest(paid, null).getStatusCode() == 200, "orders/paid refused");
            List<JsonNode> paidEvents = bus.drain();
            Step paidStep = Step.of(counter);

            out.put("wcuPerFirstOrder", intakeStep.wcu + affirmationStep.wcu);
            out.put("wcuPerDuplicate", duplicateStep.wcu);
            out.put("emailsPerDuplicate", duplicateEmails);
            out.put("eventsPerDuplicate", duplicateEvents.size());
            out.put("wcuPerOrderWholeLoop", intakeStep.wcu + affirmationStep.wcu + schedulingStep.wcu
                    + referralStep.wcu + redemptionStep.wcu);
            out.put("rcuPerOrderWholeLoop", intakeStep.rcu + affirmationStep.rcu + schedulingStep.rcu
                    + referralStep.rcu + redemptionStep.rcu);
            out.put("schedulingOutcome", scheduled);
            out.put("referralOutcome", referralOutcome);
            out.put("couponRedemptionOutcome", redemptionOutcome);
            Map<String, Object> steps = new LinkedHashMap<>();
            steps.put("intake", intakeStep.map());
            steps.put("affirmation", affirmationStep.map());
            steps.put("followUpScheduling", schedulingStep.map());
            steps.put("referralEvents", referralStep.map());
            steps.put("couponRedemption", redemptionStep.map());
            steps.put("repeatedDelivery", duplicateStep.map());
            Map<String, Object> paidMap = paidStep.map();
            paidMap.put("events", paidEvents.size());
            steps.put("ordersPaidDelivery", paidMap);
            out.put("steps", steps);
            System.out.println("capacity: intake\n" + intakeStep.describe + "affirmation\n" + affirmationStep.describe
                    + "follow-up scheduling\n" + schedulingStep.describe + "referral events\n" + referralStep.describe
                    + "coupon redemption\n" + redemptionStep.describe + "repeated delivery\n" + duplicateStep.describe
                    + "orders/paid delivery\n" + paidStep.describe);
            out.put("awsCallsPerIntake", awsCallsPerIntake);
            // A container that has not read the shop's item for a minute reads it first (OrderIntake.SHOP_MAX_AGE).
            out.put("awsCallsPerIntakeDetail", Map.of("dynamoDbCalls", intakeStep.calls(), "putEvents", events.size(),
                    "ssmGetParameterWhenNotCached", 1, "shopGetItemWhenNotCached", 1));

            // Writes per partition: the sample first order's whole loop, then a repeat order of another customer.
            List<Step> firstLoop = List.of(intakeStep, affirmationStep, schedulingStep, referralStep, redemptionStep);
            List<Step> repeatLoop = repeatOrderLoop(delivery, context, counter, bus, intake, affirmation, scheduling);
            out.put("partitions", partitions(firstLoop, repeatLoop));
            out.put("maxWritesPerPartitionPerOrder", ((Map<?, ?>) out.get("partitions")).get("maxSharedWcuPerOrder"));
            loopExtensions(repo, context, counter, bus, out, steps);
            return out;
        }
    }

    /**
     * A second order of one of the seeded customers through intake and the order consumers, one step each, counted.
     */
    private static List<Step> repeatOrderLoop(APIGatewayV2HTTPEvent delivery, ApplicationContext context,
            CapacityCountingDynamoDbClient counter, TestAws.EventTap bus, OrderIntakeHandler intake,
            AffirmationHandler affirmation, FollowUpSchedulingHandler scheduling) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(delivery.getBody());
        body.put("id", 300_000);
        body.put("email", "regular0@example.com");
        body.put("total_price", "45.00");
        String raw = JSON.writeValueAsString(body);
        APIGatewayV2HTTPEvent repeat = JSON.readValue(JSON.writeValueAsString(delivery), APIGatewayV2HTTPEvent.class);
        repeat.setBody(raw);
        Map<String, String> headers = new HashMap<>(repeat.getHeaders());
        headers.put("x-shopify-webhook-id", "repeat-order");
        headers.put("x-shopify-hmac-sha256", WebhookSignature.sign(SECRET, raw.getBytes(StandardCharsets.UTF_8)));
        repeat.setHeaders(headers);
        List<Step> loop = new ArrayList<>();
        counter.reset();
        require(intake.handleRequest(repeat, null).getStatusCode() == 200, "repeat order refused");
        loop.add(Step.of(counter));
        List<JsonNode> events = bus.drain();
        require(events.size() == 1, "expected one OrderPlaced for the repeat order, got " + events.size());
        Map<String, Object> placed = map(events.get(0));
        counter.reset();
        affirmation.handleRequest(placed, null);
        loop.add(Step.of(counter));
        counter.reset();
        scheduling.handleRequest(placed, null);
        loop.add(Step.of(counter));
        counter.reset();
        new ReferralEventsHandler(context).handleRequest(placed, null);
        loop.add(Step.of(counter));
        counter.reset();
        new CouponRedemptionHandler(context).handleRequest(placed, null);
        loop.add(Step.of(counter));
        counter.reset();
        return loop;
    }

    /**
     * WCU per partition key over each order's whole loop. A partition that both orders (two customers) write is one
     * every order of the shop shares (the spend histogram, the day's counts), and so is each due-index shard: at 200 orders a
     * second for one shop it takes 200 times its per-order writes, against DynamoDB's 1,000 WCU a second per
     * partition. A customer's own items take one order's writes at a time.
     */
    private static Map<String, Object> partitions(List<Step> first, List<Step> repeat) {
        Map<String, Double> a = sumByPartition(first);
        Map<String, Double> b = sumByPartition(repeat);
        Map<String, Double> shared = new java.util.TreeMap<>();
        for (String key : a.keySet()) {
            if (b.containsKey(key)) {
                shared.put(key, Math.max(a.get(key), b.get(key)));
            }
        }
        // A due-index shard is the shop's too, whichever of its 16 shards a customer's hash picks.
        for (Map<String, Double> order : List.of(a, b)) {
            order.forEach((key, wcu) -> {
                if (key.startsWith("DueIndex ")) {
                    shared.merge(key, wcu, Math::max);
                }
            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxSharedWcuPerOrder", shared.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        out.put("sharedWcuPerOrder", shared);
        out.put("firstOrderWcuByPartition", a);
        out.put("repeatOrderWcuByPartition", b);
        out.put("maxWcuPerOrderOnAnyPartition", java.util.stream.Stream.of(a, b).flatMap(m -> m.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(0));
        return out;
    }

    private static Map<String, Double> sumByPartition(List<Step> steps) {
        Map<String, Double> sum = new java.util.TreeMap<>();
        for (Step step : steps) {
            step.wcuByPartition().forEach((key, wcu) -> sum.merge(key, wcu, Double::sum));
        }
        return sum;
    }

    /**
     * The survey and referral capabilities through their real handlers, with the sample events of {@code events/}
     * and their placeholders filled as events/README.md says: a signed survey token, the answer's coupon code, the
     * sample customer's referral code, a signed points token.
     */
    private static void loopExtensions(Path repo, ApplicationContext context, CapacityCountingDynamoDbClient counter,
            TestAws.EventTap bus, Map<String, Object> out, Map<String, Object> steps) throws Exception {
        ShopStore shops = context.getBean(ShopStore.class);
        Shop shop = shops.find("demo.myshopify.com").orElseThrow();
        shops.save(shop.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO));
        Customer jane = context.getBean(CustomerStore.class).find(shop.domain(), JANE).orElseThrow();
        Links links = context.getBean(Links.class);
        String base = "https://bench.example";
        bus.drain();

        // A completed survey, the common case (rating 3-5): the page, the sample form with rating=5, the follow-through.
        String surveyUrl = links.surveyUrl(base, shop.domain(), jane.referralCode(), "820982911946154508", Duration.ofDays(30));
        String surveyToken = surveyUrl.substring(surveyUrl.lastIndexOf('/') + 1);
        SurveyPageHandler page = new SurveyPageHandler(context);
        counter.reset();
        int shown = page.handleRequest(event(repo, "survey-get.json", "REPLACE_WITH_SIGNED_TOKEN", surveyToken), null)
                .getStatusCode();
        require(shown == 200, "survey page answered " + shown);
        Step pageStep = Step.of(counter);
        APIGatewayV2HTTPEvent answer = event(repo, "survey-post.json", "REPLACE_WITH_SIGNED_TOKEN", surveyToken);
        String form = new String(Base64.getDecoder().decode(answer.getBody()), StandardCharsets.UTF_8);
        answer.setBody(Base64.getEncoder().encodeToString(form.replaceFirst("rating=[0-9]", "rating=5")
                .getBytes(StandardCharsets.UTF_8)));
        counter.reset();
        int answered = page.handleRequest(answer, null).getStatusCode();
        require(answered == 200, "survey answer answered " + answered);
        Step answerStep = Step.of(counter);
        String couponCode = bus.drain().stream().filter(e -> "SurveyCompleted".equals(e.path("detail-type").asText()))
                .map(e -> e.path("detail").path("couponCode").asText()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the answer published no SurveyCompleted"));
        counter.reset();
        String followed = new SurveyFollowThroughHandler(context).handleRequest(JSON.readValue(
                ColdStartFixture.fill(repo, "survey-completed.json", "REPLACE_WITH_COUPON_CODE", couponCode),
                new TypeReference<Map<String, Object>>() { }), null);
        Step followThroughStep = Step.of(counter);

        // That coupon on the customer's next order (order-placed-with-code.json).
        counter.reset();
        String redeemed = new CouponRedemptionHandler(context).handleRequest(JSON.readValue(
                ColdStartFixture.fill(repo, "order-placed-with-code.json", "REPLACE_WITH_COUPON_CODE", couponCode),
                new TypeReference<Map<String, Object>>() { }), null);
        Step couponStep = Step.of(counter);
        bus.drain();

        // A friend clicks the sample customer's referral link, then orders (order-placed-referred.json).
        counter.reset();
        int redirected = new ReferralRedirectHandler(context).handleRequest(
                event(repo, "referral-redirect.json", "REPLACE_WITH_REFERRAL_CODE", jane.referralCode()), null).getStatusCode();
        require(redirected == 302, "referral redirect answered " + redirected);
        Step clickStep = Step.of(counter);
        counter.reset();
        String credited = new ReferralEventsHandler(context).handleRequest(JSON.readValue(
                ColdStartFixture.fill(repo, "order-placed-referred.json", "REPLACE_WITH_REFERRAL_CODE", jane.referralCode()),
                new TypeReference<Map<String, Object>>() { }), null);
        require("CREDITED".equals(credited), "the referred order was not credited: " + credited);
        Step creditStep = Step.of(counter);

        // The referrer exchanges the points for a coupon (points-redeem-post.json, the statement's form).
        String pointsUrl = links.pointsUrl(base, shop.domain(), jane.referralCode());
        counter.reset();
        int redeemStatus = new PointsHandler(context).handleRequest(event(repo, "points-redeem-post.json",
                "REPLACE_WITH_SIGNED_TOKEN", pointsUrl.substring(pointsUrl.lastIndexOf('/') + 1)), null).getStatusCode();
        require(redeemStatus == 200, "redeem answered " + redeemStatus);
        Step redeemStep = Step.of(counter);
        bus.drain();

        // The owner page after all of the above, as JSON and as HTML: reads only, by key and Query, never a Scan.
        String ownerUrl = links.ownerUrl(base, shop.domain());
        APIGatewayV2HTTPEvent ownerGet = event(repo, "owner-page-get-json.json", "REPLACE_WITH_SIGNED_TOKEN",
                ownerUrl.substring(ownerUrl.lastIndexOf('/') + 1));
        OwnerPageHandler ownerPage = new OwnerPageHandler(context);
        counter.reset();
        int ownerJson = ownerPage.handleRequest(ownerGet, null).getStatusCode();
        require(ownerJson == 200, "owner page JSON answered " + ownerJson);
        Step ownerJsonStep = Step.of(counter);
        require(counter.charges().stream().noneMatch(c -> c.operation().equals("Scan")), "the owner page scanned");
        out.put("rcuPerOwnerPage", ownerJsonStep.rcu);
        out.put("wcuPerOwnerPage", ownerJsonStep.wcu);
        steps.put("ownerPage", ownerJsonStep.map());
        System.out.println("capacity: owner page\n" + ownerJsonStep.describe);

        out.put("wcuPerCompletedSurvey", answerStep.wcu + followThroughStep.wcu);
        out.put("wcuPerCreditedReferral", creditStep.wcu);
        out.put("wcuPerRedeem", redeemStep.wcu);
        out.put("surveyFollowThroughOutcome", followed);
        out.put("surveyCouponRedemptionOutcome", redeemed);
        steps.put("surveyPage", pageStep.map());
        steps.put("surveyAnswer", answerStep.map());
        steps.put("surveyFollowThrough", followThroughStep.map());
        steps.put("surveyCouponRedeemedOnLaterOrder", couponStep.map());
        steps.put("referralClick", clickStep.map());
        steps.put("creditedReferral", creditStep.map());
        steps.put("pointsRedeem", redeemStep.map());
        System.out.println("capacity: survey answer\n" + answerStep.describe + "survey follow-through\n"
                + followThroughStep.describe + "survey coupon redeemed\n" + couponStep.describe + "referral click\n"
                + clickStep.describe + "credited referral\n" + creditStep.describe + "points redeem\n" + redeemStep.describe);
    }

    private static APIGatewayV2HTTPEvent event(Path repo, String file, String placeholder, String value)
            throws java.io.IOException {
        return JSON.readValue(ColdStartFixture.fill(repo, file, placeholder, value), APIGatewayV2HTTPEvent.class);
    }

    private record Step(double wcu, double rcu, String describe, Map<String, Double> wcuByPartition, int calls) {
        static Step of(CapacityCountingDynamoDbClient counter) {
            return new Step(counter.wcu(), counter.rcu(), counter.describe(), counter.wcuByPartition(),
                    counter.calls());
        }

        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wcu", wcu);
            m.put("rcu", rcu);
            return m;
        }
    }

    private static Map<String, Object> map(JsonNode event) {
        return JSON.convertValue(event, new TypeReference<Map<String, Object>>() { });
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
