package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class YearSimulationQuotaTest {

    private static int actedOn(double share, int emails) {
        YearSimulation.Quota quota = new YearSimulation.Quota(share);
        int acted = 0;
        for (int i = 0; i < emails; i++) {
            acted += quota.next() ? 1 : 0;
        }
        return acted;
    }

    @Test
    void aQuarterOfFivePointsEmailsIsOneRedeem() {
        assertThat(actedOn(0.25, 5)).isEqualTo(1);
    }

    @Test
    void theFirstActionComesOnceHalfAnActionIsOwed() {
        assertThat(actedOn(0.25, 1)).isZero();
        assertThat(actedOn(0.25, 2)).isEqualTo(1);
        assertThat(actedOn(0.01, 49)).isZero();
        assertThat(actedOn(0.01, 50)).isEqualTo(1);
    }

    @Test
    void overManyEmailsTheShareIsExact() {
        assertThat(actedOn(0.20, 1000)).isEqualTo(200);
        assertThat(actedOn(0.30, 7)).isEqualTo(2);
    }
}
