package loyaltyloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.orders.Order;
import loyaltyloop.testing.CapacityCountingDynamoDbClient;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a completed survey costs in write capacity, counted by DynamoDB's rules on the real item sizes. The figures
 * are in docs/performance.md; they do not depend on machine speed, so the test pins them.
 */
@MotoTest
class SurveyCapacityTest {

    private static SurveyFixture loop;

    @BeforeAll
    static void start() {
        loop = SurveyFixture.countingCapacity();
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static double[] complete(int rating) {
        Order order = loop.place(loop.newEmail("cost"), "Ana", "en");
        String token = loop.token(order);
        CapacityCountingDynamoDbClient capacity = loop.capacity();
        capacity.reset();
        loop.answers().submit(token, SurveyAnswers.Submission.of(String.valueOf(rating), "Lovely"));
        double submit = capacity.wcu();
        String submitted = capacity.describe();
        capacity.reset();
        loop.clock.advance(java.time.Duration.ofMinutes(1)); // the event arrives a moment later
        loop.followThrough().handle(loop.shop.domain(), order.orderId());
        double followThrough = capacity.wcu();
        System.out.printf("survey rating %d: submit %.1f WCU, follow-through %.1f WCU%n%s%n%s%n", rating, submit,
                followThrough, submitted, capacity.describe());
        return new double[] {submit, followThrough};
    }

    @Test
    void aCompletedSurveyCostsNineWriteUnitsAndAnUnhappyOneFourteenWithTheDemoCheckoutsRecord() {
        double[] happy = complete(5);
        double[] unhappy = complete(2);
        // Answer + coupon in one transaction (2 items x 1 WCU, doubled) 4, issued 1, published 1, the day's
        // "surveys answered" and rating count 1, the day's "coupons issued" count 1 (the owner page), and 1 for the
        // demo checkout's record of the code (a real shop's checkout is an HTTP call, no write here). The customer's
        // activity day (the retention clock, docs/privacy.md) is on the profile, already today's since the order: no
        // write. The open service recovery rides on the unhappy customer's contact write.
        assertThat(happy[0]).as("submit").isEqualTo(9.0);
        assertThat(happy[1]).as("coupon email claim, the contact").isEqualTo(2.0);
        assertThat(unhappy[0]).as("submit").isEqualTo(9.0);
        assertThat(unhappy[1]).as("three claims, the digest note, the contact").isEqualTo(5.0);
    }

    @Test
    void submittingAgainTheSameDayWritesNothing() {
        Order order = loop.place(loop.newEmail("again"), "Bo", "en");
        String token = loop.token(order);
        loop.answers().submit(token, SurveyAnswers.Submission.of("4", null));
        loop.capacity().reset();
        loop.answers().submit(token, SurveyAnswers.Submission.of("4", null));
        loop.answers().show(token);
        // The activity day is read with the profile the link resolves to: already today, nothing is written.
        assertThat(loop.capacity().wcu()).as(loop.capacity().describe()).isZero();
    }

    @Test
    void theFirstVisitOfALaterDayWritesTheProfileOnceAndTheSecondNothing() {
        Order order = loop.place(loop.newEmail("later"), "Cy", "en");
        String token = loop.token(order);
        loop.clock.advance(java.time.Duration.ofDays(3));
        loop.capacity().reset();
        loop.answers().show(token);
        String first = loop.capacity().describe();
        double firstWcu = loop.capacity().wcu();
        loop.capacity().reset();
        loop.answers().show(token);
        // The retention clock moves to the visit's day in one versioned write of the profile (under 1 KB).
        assertThat(firstWcu).as(first).isEqualTo(1.0);
        assertThat(first.lines().filter(l -> l.startsWith("WRITE"))).as(first)
                .singleElement().satisfies(l -> assertThat(l).contains("/ PROFILE"));
        assertThat(loop.capacity().wcu()).as(loop.capacity().describe()).isZero();
    }
}
