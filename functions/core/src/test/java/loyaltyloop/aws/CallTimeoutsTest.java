package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.time.CallBudget;
import loyaltyloop.testing.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What an AWS call does when AWS stalls: a moto server of this test's own, paused with SIGSTOP (the kernel takes the
 * connection, nothing answers), as a slow or stuck AWS endpoint would be.
 */
@MotoTest(motoOnly = "it pauses its own moto server process")
class CallTimeoutsTest {

    private static final AwsTimeouts TIMEOUTS = new AwsTimeouts(Duration.ofSeconds(1), Duration.ofMillis(2500), 3);

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        // What TestAws sets for every test's AWS clients: moto takes any keys.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        moto = MotoServer.start(Map.of());
        // moto loads each service on its first call, which can take longer than a production timeout allows.
        try (DynamoDbClient patient = new AwsClients(moto.endpoint(), TestAws.EMULATOR_TIMEOUTS).dynamoDb()) {
            patient.listTables();
        }
        new SsmSecretReader(moto.endpoint(), TestAws.EMULATOR_TIMEOUTS).read("/loyalty-loop/timeouts/warm-up");
        dynamo = new AwsClients(moto.endpoint(), TIMEOUTS).dynamoDb();
    }

    @AfterEach
    void resume() {
        moto.resume();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        moto.close();
    }

    @Test
    void withoutABudgetACallGivesUpAfterItsCallTimeoutWithTheSdksOwnException() {
        moto.pause();
        long start = System.nanoTime();

        assertThatThrownBy(() -> dynamo.listTables()).isInstanceOf(ApiCallTimeoutException.class);

        assertThat(millisSince(start)).isBetween(2_000L, 3_500L);
    }

    @Test
    void withinARequestsBudgetACallGetsOnlyTheTimeLeftAndSaysNotInTime() {
        moto.pause();
        long start = System.nanoTime();

        assertThatThrownBy(() -> CallBudget.within(Duration.ofMillis(1200), () -> dynamo.listTables()))
                .isInstanceOf(CallBudget.NotInTime.class);

        // Its call timeout alone would have waited 2.5 s.
        assertThat(millisSince(start)).isBetween(1_000L, 1_800L);
    }

    @Test
    void aSpentBudgetStartsNoCall() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> CallBudget.within(Duration.ZERO, () -> dynamo.listTables()))
                .isInstanceOf(CallBudget.NotInTime.class);

        assertThat(millisSince(start)).isLessThan(500L);
    }

    @Test
    void ssmReadsKeepToTheBudgetToo() {
        SsmSecretReader ssm = new SsmSecretReader(moto.endpoint(), TIMEOUTS);
        assertThat(ssm.read("/loyalty-loop/timeouts/missing")).isEmpty();
        moto.pause();
        long start = System.nanoTime();

        assertThatThrownBy(() -> CallBudget.within(Duration.ofSeconds(3), () -> ssm.read("/loyalty-loop/timeouts/missing")))
                .isInstanceOf(CallBudget.NotInTime.class);

        assertThat(millisSince(start)).isLessThan(2_000L);
    }

    @Test
    void afterAStallCallsWorkAgain() {
        moto.pause();
        assertThatThrownBy(() -> CallBudget.within(Duration.ofMillis(500), () -> dynamo.listTables()))
                .isInstanceOf(CallBudget.NotInTime.class);
        moto.resume();

        assertThat(CallBudget.within(Duration.ofSeconds(3), () -> dynamo.listTables()).tableNames()).isNotNull();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
