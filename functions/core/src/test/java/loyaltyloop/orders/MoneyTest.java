package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@UnitTest
class MoneyTest {

    @Test
    void usdDecimalStringBecomesExactCents() {
        assertThat(Money.parse("59.90", "USD")).isEqualTo(new Money(5990, "USD"));
        assertThat(Money.parse("59.9", "USD").minor()).isEqualTo(5990);
        assertThat(Money.parse(" 0.01 ", "USD").minor()).isEqualTo(1);
    }

    @Test
    void jpyHasNoMinorUnitSoYenAreKeptAsIs() {
        assertThat(Money.parse("1200", "JPY")).isEqualTo(new Money(1200, "JPY"));
    }

    @Test
    void jpyWithTrailingZeroDecimalsIsAccepted() {
        assertThat(Money.parse("1200.00", "JPY")).isEqualTo(new Money(1200, "JPY"));
        assertThat(Money.parse("1200.0", "JPY").minor()).isEqualTo(1200);
    }

    @Test
    void jpyWithAFractionOfAYenIsRejected() {
        assertThatThrownBy(() -> Money.parse("1200.5", "JPY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY");
    }

    @Test
    void twdUsesTwoDecimalsAsIso4217Says() {
        assertThat(Money.exponent("TWD")).isEqualTo(2);
        assertThat(Money.parse("1280", "TWD")).isEqualTo(new Money(128000, "TWD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"59.901", "0.001", "19.9999"})
    void aPriceWithMoreDecimalsThanTheCurrencyHasIsRejected(String price) {
        assertThatThrownBy(() -> Money.parse(price, "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more decimals");
    }

    @Test
    void extraDecimalsThatAreZerosAreFine() {
        assertThat(Money.parse("59.9000", "USD").minor()).isEqualTo(5990);
    }

    @Test
    void additionIsExactWhereDoublesAreNot() {
        assertThat(0.1 + 0.2).isNotEqualTo(0.3); // the reason amounts never pass through a double
        Money sum = Money.parse("0.1", "USD").plus(Money.parse("0.2", "USD"));
        assertThat(sum).isEqualTo(Money.parse("0.3", "USD"));
        assertThat(sum.toDecimal()).isEqualByComparingTo(new BigDecimal("0.30"));
    }

    @Test
    void manySmallAmountsAddUpExactly() {
        Money total = Money.zero("USD");
        for (int i = 0; i < 1_000; i++) {
            total = total.plus(Money.parse("0.10", "USD"));
        }
        assertThat(total).isEqualTo(Money.parse("100.00", "USD"));
    }

    @Test
    void minusAndTimesStayInMinorUnits() {
        assertThat(Money.parse("59.90", "USD").minus(Money.parse("19.95", "USD")).minor()).isEqualTo(3995);
        assertThat(Money.parse("19.95", "USD").times(3).minor()).isEqualTo(5985);
        assertThat(new LineItem("Mug", 2, Money.parse("640", "TWD"), "93").lineTotal())
                .isEqualTo(Money.parse("1280", "TWD"));
    }

    @Test
    void mixingCurrenciesIsRejected() {
        Money usd = Money.parse("10", "USD");
        Money jpy = Money.parse("10", "JPY");
        assertThatThrownBy(() -> usd.plus(jpy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD").hasMessageContaining("JPY");
        assertThatThrownBy(() -> usd.minus(jpy)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "12,50", "$5", "NaN"})
    void aMissingOrNonNumericAmountIsRejected(String price) {
        assertThatThrownBy(() -> Money.parse(price, "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullAmountIsRejected() {
        assertThatThrownBy(() -> Money.parse(null, "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownOrMalformedCurrencyIsRejected() {
        assertThatThrownBy(() -> Money.parse("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1", "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.zero(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAmountTooLargeForMinorUnitsIsRejectedAsBadInput() {
        // Callers treat IllegalArgumentException as "unreadable amount"; an ArithmeticException would escape them.
        assertThatThrownBy(() -> Money.parse("1e30", "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("92233720368547758.08", "USD"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestAmountThatFitsIsKept() {
        assertThat(Money.parse("92233720368547758.07", "USD").minor()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void additionThatWouldOverflowFailsInsteadOfWrapping() {
        Money big = new Money(Long.MAX_VALUE, "USD");
        assertThatThrownBy(() -> big.plus(new Money(1, "USD"))).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999", "1e-99999999", "-1e99999999"})
    void aHugeExponentIsRejectedAtOnceWithoutExpandingTheNumber(String price) {
        // Before the fix "1e99999999" spent ~100 s of CPU building a 330-million-bit integer.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> Money.parse(price, "USD")).isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void negativeAmountsAreExactToo() {
        assertThat(Money.parse("-19.95", "USD").minor()).isEqualTo(-1995);
    }

    @Test
    void toDecimalAndToStringUseTheCurrencyExponent() {
        assertThat(new Money(5990, "USD").toDecimal()).isEqualTo(new BigDecimal("59.90"));
        assertThat(new Money(1200, "JPY").toDecimal()).isEqualTo(new BigDecimal("1200"));
        assertThat(new Money(128000, "TWD")).hasToString("1280.00 TWD");
    }

    @Test
    void scientificNotationThatIsExactIsAccepted() {
        assertThat(Money.parse("1.2E3", "JPY").minor()).isEqualTo(1200);
        assertThat(Money.of(new BigDecimal("1E+2"), "USD").minor()).isEqualTo(10000);
    }
}
