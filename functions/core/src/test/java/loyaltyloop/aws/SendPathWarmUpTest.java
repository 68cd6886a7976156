package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * SnapStart's priming runs the send paths of SES, EventBridge and the SSM secret read (SesSendWarmUp, EventBusWarmUp,
 * SecretReadWarmUp), and nothing of it reaches
 * the network: every client points at a loopback socket that counts the connections it is offered.
 */
@UnitTest
class SendPathWarmUpTest {

    private ServerSocket wire;
    private final AtomicInteger connections = new AtomicInteger();
    private ApplicationContext context;

    @BeforeEach
    void listen() throws IOException {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        wire = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread counter = new Thread(() -> {
            while (!wire.isClosed()) {
                try (Socket s = wire.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        counter.setDaemon(true);
        counter.start();
        context = ApplicationContext.run(Map.of("loyalty.aws.endpoint-url", "http://127.0.0.1:" + wire.getLocalPort(),
                "loyalty.table", "T", "loyalty.event-bus", "b"));
    }

    @AfterEach
    void close() throws IOException {
        context.close();
        wire.close();
    }

    @Test
    void primingRunsEverySendPathAndNothingReachesTheWire() {
        // Each path is run, not skipped: the clients are there, and a marked call that is not stopped fails prime().
        assertThat(context.findBean(SesV2Client.class)).isPresent();
        assertThat(context.findBean(EventBridgeClient.class)).isPresent();
        assertThat(context.findBean(SsmSecretReader.class)).isPresent();

        context.getBeansOfType(loyaltyloop.lambda.SnapshotPriming.class).stream()
                .filter(p -> !(p instanceof loyaltyloop.dynamodb.TableWarmUp)).forEach(loyaltyloop.lambda.SnapshotPriming::prime);

        assertThat(connections).hasValue(0);
    }

    @Test
    void theSameCallUnmarkedDoesReachTheWire() throws Exception {
        SesV2Client ses = context.getBean(SesV2Client.class);

        assertThatThrownBy(() -> ses.sendEmail(b -> b.fromEmailAddress("a@example.invalid")
                .destination(d -> d.toAddresses("b@example.invalid"))
                .content(c -> c.simple(m -> m.subject(t -> t.data("s")).body(x -> x.text(t -> t.data("t")))))))
                .isInstanceOf(SdkClientException.class);
        Thread.sleep(100);
        assertThat(connections.get()).isPositive();
    }

    @Test
    void aMarkedCallThatIsNotStoppedFailsThePriming() {
        assertThatThrownBy(() -> PrimingCalls.run(() -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not stopped");
    }
}
