package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The lines CloudWatch Logs turns into the loop's metrics (the embedded metric format specification's shape). */
@UnitTest
class EmbeddedMetricFormatTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final EmbeddedMetricFormat metrics = new EmbeddedMetricFormat("loyalty-loop/shop-stack",
            Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void aCountIsOneJsonLineNamingTheNamespaceTheMetricAndItsValue() throws Exception {
        metrics.pointsCredited(750);

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).endsWith("\n").hasLineCount(1);
        JsonNode line = new ObjectMapper().readTree(out);
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("loyalty-loop/shop-stack");
        assertThat(directive.at("/Dimensions/0").size()).isZero();
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo(LoopMetrics.POINTS_CREDITED);
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(line.get(LoopMetrics.POINTS_CREDITED).asLong()).isEqualTo(750);
    }

    @Test
    void emailsAreCountedByKindAsADimensionWhoseValueIsAMemberOfTheLine() throws Exception {
        metrics.emailSent("owner-digest");

        JsonNode line = new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText()).isEqualTo(LoopMetrics.KIND);
        assertThat(line.get(LoopMetrics.KIND).asText()).isEqualTo("owner-digest");
        assertThat(line.get(LoopMetrics.EMAILS_SENT).asLong()).isEqualTo(1);
    }

    @Test
    void aReasonFromAHostileWebhookStaysOneValidLineOfAFewKnownValues() throws Exception {
        metrics.orderIgnored("topic \"orders/x\"\n{\"_aws\":1} is not handled");
        metrics.orderIgnored("topic carts/update is not handled");
        metrics.orderIgnored("order has an unreadable field: For input string: \"1e9999\"");
        metrics.orderIgnored("order status wc-\u202Eevil is not a sale");

        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines[0]).get(LoopMetrics.REASON).asText()).isEqualTo("topic is not handled");
        assertThat(json.readTree(lines[1]).get(LoopMetrics.REASON).asText()).isEqualTo("topic is not handled");
        assertThat(json.readTree(lines[2]).get(LoopMetrics.REASON).asText()).isEqualTo("order has an unreadable field");
        assertThat(json.readTree(lines[3]).get(LoopMetrics.REASON).asText()).isEqualTo("order status is not a sale");
    }
}
