package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.orders.Money;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class MoneyFormatTest {

    @Test
    void usDollarsShowCentsWithTheLocalesSymbol() {
        Money money = Money.parse("59.90", "USD");
        assertThat(MoneyFormat.format(money, EmailLocale.EN)).isEqualTo("$59.90");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANT)).isEqualTo("US$59.90");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANS)).isEqualTo("US$59.90");
    }

    @Test
    void yenHasNoDecimals() {
        Money money = new Money(1200, "JPY");
        assertThat(MoneyFormat.format(money, EmailLocale.EN)).isEqualTo("¥1,200");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANT)).isEqualTo("¥1,200");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANS)).isEqualTo("JP¥1,200");
    }

    @Test
    void taiwanDollarsUseTheTwoDecimalsJavaGivesThem() {
        Money money = new Money(128000, "TWD");
        assertThat(MoneyFormat.format(money, EmailLocale.EN)).isEqualTo("NT$1,280.00");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANT)).isEqualTo("$1,280.00");
        assertThat(MoneyFormat.format(money, EmailLocale.ZH_HANS)).isEqualTo("NT$1,280.00");
    }

    @Test
    void largeAmountsStayExact() {
        // 2^53 + 1 cents: a double would lose the last cent.
        Money money = new Money(9_007_199_254_740_993L, "USD");
        assertThat(MoneyFormat.format(money, EmailLocale.EN)).isEqualTo("$90,071,992,547,409.93");
    }

    @Test
    void zeroAndSingleCentAmountsKeepTheirDecimals() {
        assertThat(MoneyFormat.format(Money.zero("USD"), EmailLocale.EN)).isEqualTo("$0.00");
        assertThat(MoneyFormat.format(new Money(1, "USD"), EmailLocale.EN)).isEqualTo("$0.01");
        assertThat(MoneyFormat.format(Money.zero("JPY"), EmailLocale.EN)).isEqualTo("¥0");
    }

    @Test
    void threeDecimalCurrenciesShowAllThree() {
        assertThat(MoneyFormat.format(new Money(1_500, "KWD"), EmailLocale.EN)).endsWith("1.500");
    }

    @Test
    void aCurrencyShownByItsLetterCodeIsSpacedFromTheDigitsAsCldrSays() {
        assertThat(MoneyFormat.format(new Money(12_345, "KWD"), EmailLocale.EN)).isEqualTo("KWD\u00a012.345");
        assertThat(MoneyFormat.format(new Money(123_450, "CHF"), EmailLocale.EN)).isEqualTo("CHF\u00a01,234.50");
        assertThat(MoneyFormat.format(new Money(123_450, "CHF"), EmailLocale.ZH_HANT)).isEqualTo("CHF\u00a01,234.50");
        // A symbol that ends in a sign is not spaced.
        assertThat(MoneyFormat.format(new Money(5_990, "USD"), EmailLocale.ZH_HANS)).isEqualTo("US$59.90");
        assertThat(MoneyFormat.format(new Money(5_990, "EUR"), EmailLocale.EN)).isEqualTo("€59.90");
    }

    @Test
    void spacingOnlyEverAddsOneNoBreakSpaceBetweenALetterAndADigit() {
        assertThat(MoneyFormat.spaced("12,50 CHF", "CHF")).isEqualTo("12,50 CHF");
        assertThat(MoneyFormat.spaced("12,50CHF", "CHF")).isEqualTo("12,50\u00a0CHF");
        assertThat(MoneyFormat.spaced("$1.00", "$")).isEqualTo("$1.00");
        assertThat(MoneyFormat.spaced("1.00", null)).isEqualTo("1.00");
    }
}
