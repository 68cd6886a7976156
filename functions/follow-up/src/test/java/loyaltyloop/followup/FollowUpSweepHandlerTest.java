package loyaltyloop.followup;

import static loyaltyloop.followup.FollowUpEvents.lambdaContext;
import static loyaltyloop.followup.FollowUpEvents.orderPlaced;
import static loyaltyloop.followup.FollowUpEvents.recordOrderAsIntakeDid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The hourly sweep function with the sample {@code Scheduled Event}, on the system clock: customers whose orders
 * are old enough to be due get one follow-up through SES on the moto server.
 */
@MotoTest
class FollowUpSweepHandlerTest {

    private ApplicationContext context;
    private FollowUpSweepHandler sweep;
    private FollowUpSchedulingHandler scheduling;
    private Shop shop;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(),
                Map.of("loyalty.public-base-url", "https://links.example.com"));
        sweep = new FollowUpSweepHandler(context);
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

    @Test
    void theHourlyScheduleSendsADueCustomerOneFollowUp() {
        String due = customerWhoOrdered("due", 91);
        String recent = customerWhoOrdered("recent", 10);

        String result = sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));

        assertThat(result).contains("SENT=1").doesNotContain("incomplete");
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
        String again = sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));

        assertThat(again).contains("SENT=0");
        assertThat(TestAws.sentEmailsTo(due)).hasSize(1);
    }

    @Test
    void twoContainersRunningTheScheduleAtOnceSendEachFollowUpOnce() throws Exception {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            due.add(customerWhoOrdered("concurrent", 92));
        }
        FollowUpSweepHandler other = new FollowUpSweepHandler(context);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> runs = List.of(
                    () -> sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000)),
                    () -> other.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000)));
            for (Future<String> run : pool.invokeAll(runs)) {
                assertThat(run.get()).doesNotContain("FAILED=1");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(due).allSatisfy(email -> assertThat(TestAws.sentEmailsTo(email)).hasSize(1));
    }

    @Test
    void withLessThanFifteenSecondsLeftTheRunStopsAndTheNextOneSends() {
        String due = customerWhoOrdered("late", 91);

        String shortOfTime = sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 10_000));

        assertThat(shortOfTime).contains("incomplete").contains("SENT=0");
        assertThat(TestAws.sentEmailsTo(due)).isEmpty();
        String next = sweep.handleRequest(hourly(), lambdaContext("follow-up-sweep", 300_000));
        assertThat(next).contains("SENT=1");
        assertThat(TestAws.sentEmailsTo(due)).hasSize(1);
    }
}
