package loyaltyloop.followup;

import static loyaltyloop.followup.FollowUpEvents.lambdaContext;
import static loyaltyloop.followup.FollowUpEvents.orderPlaced;
import static loyaltyloop.followup.FollowUpEvents.recordOrderAsIntakeDid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hourly sweep function with the sample {@code Scheduled Event} and the sweep workers with what it published, on
 * the system clock and a bus on the moto server: customers whose orders are old enough to be due get one follow-up
 * through SES on the moto server.
 */
@MotoTest
class FollowUpSweepHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationContext context;
    private TestAws.EventTap bus;
    private FollowUpSweepHandler sweep;
    private FollowUpSweepWorkerHandler worker;
    private FollowUpSchedulingHandler scheduling;
    private Shop shop;

    @BeforeEach
    void setUp() {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(),
                Map.of("loyalty.public-base-url", "https://links.example.com"));
        sweep = new FollowUpSweepHandler(context);
        worker = new FollowUpSweepWorkerHandler(context);
        scheduling = new FollowUpSchedulingHandler(context);
        shop = TestShops.shopify(context, "sample-shopify-secret");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    /** A customer whose one order was placed {@code daysAgo} and scheduled by the scheduling function. */
    private String customerWhoOrdered(String who, int daysAgo) {
        String email = TestAws.unique(who) + "@example.com";
        Map<String, Object> event = orderPlaced(email, Instant.now().minus(Duration.ofDays(daysAgo)));
        recordOrderAsIntakeDid(context, shop, event);
        assertThat(scheduling.handleRequest(event, null)).isEqualTo("SCHEDULED");
        return email;
    }

    private static Map<String, Object> hourly() {
        return FollowUpEvents.read("scheduled-hourly.json");
    }

    /** The work items on the bus, as EventBridge delivers them to the worker. */
    private List<Map<String, Object>> published() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (JsonNode event : bus.drain()) {
            assertThat(event.path("detail-type").asText()).isEqualTo(SweepPartDue.DETAIL_TYPE);
            events.add(JSON.convertValue(event, new TypeReference<>() { }));
        }
        return events;
    }

    /** Runs the workers on every item published, and on what they hand on, until nothing is left. */
    private List<String> runWorkers(int remainingMillis) {
        List<String> results = new ArrayList<>();
        for (List<Map<String, Object>> round = published(); !round.isEmpty(); round = published()) {
            for (Map<String, Object> event : round) {
                results.add(worker.handleRequest(event, lambdaContext("follow-up-sweep-worker", remainingMillis)));
            }
        }
        return results;
    }

    private static int sent(List<String> results) {
        return results.stream().mapToInt(r -> r.contains("SENT=1") ? 1 : 0).sum();
    }

    @Test
    void theHourlyScheduleHandsEachPartOfTheShopToAWorkerAndADueCustomerGetsOneFollowUp() {
        String due = customerWhoOrdered("due", 91);
        String recent = customerWhoOrdered("recent", 10);

        String fanOut = sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));
        List<String> results = runWorkers(300_000);

        assertThat(fanOut).isEqualTo("16 parts handed to the sweep workers");
        assertThat(results).hasSize(16).noneMatch(r -> r.contains("handed on"));
        assertThat(sent(results)).isEqualTo(1);
        List<JsonNode> sent = TestAws.sentEmailsTo(due);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("subject").asText()).contains("Jane");
        assertThat(sent.get(0).path("body").asText()).contains("https://links.example.com/u/");
        assertThat(TestAws.sentEmailsTo(recent)).isEmpty();
        Customer after = context.getBean(CustomerAccounts.class).find(shop.domain(), due).orElseThrow();
        assertThat(after.followUp().followUpsSent()).isEqualTo(1);
        assertThat(after.followUp().dueAt()).isAfter(Instant.now().plus(Duration.ofDays(44)));
    }

    @Test
    void theScheduleDeliveredTwiceSendsNothingTwice() {
        String due = customerWhoOrdered("twice", 95);

        sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));
        sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));
        List<String> results = runWorkers(300_000);

        assertThat(results).hasSize(32);
        assertThat(TestAws.sentEmailsTo(due)).hasSize(1);
    }

    @Test
    void twoWorkersGivenTheSamePartAtOnceSendEachFollowUpOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            due.add(customerWhoOrdered("concurrent", 92));
        }
        sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));
        List<Map<String, Object>> parts = published();
        FollowUpSweepWorkerHandler other = new FollowUpSweepWorkerHandler(context);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> runs = List.of(
                    () -> String.join(",", parts.stream().map(p -> worker.handleRequest(p,
                            lambdaContext("follow-up-sweep-worker", 300_000))).toList()),
                    () -> String.join(",", parts.stream().map(p -> other.handleRequest(p,
                            lambdaContext("follow-up-sweep-worker", 300_000))).toList()));
            for (Future<String> run : pool.invokeAll(runs)) {
                assertThat(run.get()).doesNotContain("FAILED=1");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(due).allSatisfy(email -> assertThat(TestAws.sentEmailsTo(email)).hasSize(1));
    }

    @Test
    void aWorkerWithLessThanFifteenSecondsLeftHandsItsPartOnAndTheNextWorkerSends() {
        String due = customerWhoOrdered("late", 91);
        sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));

        List<String> shortOfTime = new ArrayList<>();
        for (Map<String, Object> part : published()) {
            shortOfTime.add(worker.handleRequest(part, lambdaContext("follow-up-sweep-worker", 10_000)));
        }

        assertThat(shortOfTime).hasSize(16).allMatch(r -> r.contains("SENT=0") && r.contains("handed on"));
        assertThat(TestAws.sentEmailsTo(due)).isEmpty();
        List<String> next = runWorkers(300_000);
        assertThat(next).hasSize(16);
        assertThat(sent(next)).isEqualTo(1);
        assertThat(TestAws.sentEmailsTo(due)).hasSize(1);
    }

    @Test
    void theSampleWorkItemIsAPartOfTheSampleShop() {
        String result = worker.handleRequest(FollowUpEvents.read("sweep-part-due.json"),
                lambdaContext("follow-up-sweep-worker", 300_000));

        assertThat(result).startsWith("{SENT=0").doesNotContain("handed on");
    }
}
