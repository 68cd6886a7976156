package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class StatsTest {

    @Test
    void medianAndNearestRankPercentiles() {
        assertThat(Stats.median(List.of(3, 1, 2))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4, 1, 3, 2))).isEqualTo(2.5);
        assertThat(Stats.median(List.of())).isNaN();
        List<Integer> hundred = java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList();
        assertThat(Stats.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
        assertThat(Stats.percentile(hundred, 0)).isEqualTo(1.0);
    }

    @Test
    void coldStartPairsSkipTheWarmUpAndTakeTheMedianRatio(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("coldstart.tsv");
        Files.writeString(tsv, String.join("\n",
                "# header",
                "F\t0\t9000\t1000\t1\t1\t1\t1\tHTTP 200",
                "F\t1\t2000\t1000\t1500\t400\t600\t300\tHTTP 200",
                "F\t2\t3000\t1000\t1500\t400\t600\t300\tHTTP 200",
                "F\t3\t2400\t1200\t1500\t400\t600\t300\tHTTP 200",
                "G\t1\t1500\t1000\t1000\t200\t600\t300\tok"));
        ColdStarts cold = ColdStarts.read(tsv);
        assertThat(cold.functions().get("F")).hasSize(3);
        assertThat(cold.medianRatio("F")).isEqualTo(2.0);
        assertThat(cold.worstRatio()).isEqualTo(2.0);
        assertThat(cold.inProcessSecondsByFunction().get("F")).isEqualTo(1.9);
    }
}
