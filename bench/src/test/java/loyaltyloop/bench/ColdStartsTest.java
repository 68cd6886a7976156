package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class ColdStartsTest {

    @Test
    void frameworkOverheadIsTheFunctionOverItsTwinAndTheRestoredRatioThePrimedRequestsPairByPair(@TempDir Path dir)
            throws Exception {
        Path tsv = dir.resolve("coldstart.tsv");
        Files.writeString(tsv, String.join("\n",
                "# header",
                "Fn\t0\t9999\t1\t1\t1\t1\t1\tok\t1\t1\t1\t1\t1\t1\t1\t1", // warm-up: not counted
                "Fn\t1\t1200\t800\t700\t500\t400\t300\tok\t200\t150\t1000\t500\t450\t100\t60.5\t30.0",
                "Fn\t2\t1100\t800\t700\t400\t400\t300\tok\t300\t150\t1000\t500\t450\t100\t61.5\t31.0",
                "Fn\t3\t1300\t800\t700\t600\t400\t300\tok\t180\t150\t1000\t500\t450\t150\t62.5\t32.0",
                "Other\t1\t900\t800\t500\t400\t400\t300\tok\t100\t150\tNaN\tNaN\tNaN\t100\t40.0\t20.0",
                // a file of the old shape (no twin, no primed baseline) still reads
                "Old\t1\t900\t800\t500\t400\t400\t300\tok\t100\t150"));

        ColdStarts cold = ColdStarts.read(tsv);

        assertThat(cold.frameworkOverheadByFunction()).containsOnlyKeys("Fn");
        assertThat(cold.worstFrameworkOverhead()).isEqualTo(1.2); // 1.2, 1.1, 1.3
        assertThat(cold.worstRestoredRatio()).isEqualTo(2.0); // Fn: 2.0, 3.0, 1.2 -> 2.0; Other: 1.0
        assertThat(cold.largestHeapAfterInitMb()).isEqualTo(61.5);
        assertThat(cold.worstRatio()).isEqualTo(1.5); // Fn: 1.5, 1.375, 1.625
    }
}
