package loyaltyloop.email;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import loyaltyloop.orders.Money;

/**
 * Formats exact money for a reader: the locale's currency format, with the currency's own number of decimals
 * (none for JPY, two for USD and TWD). Works from the minor units through {@link BigDecimal}, never a double.
 */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    /** For example USD 5990 minor units: {@code $59.90} in English, {@code US$59.90} in Chinese. */
    public static String format(Money money, EmailLocale locale) {
        int exponent = Money.exponent(money.currency());
        BigDecimal amount = BigDecimal.valueOf(money.minor(), exponent);
        // NumberFormat is not thread-safe: one per call (cheap next to rendering a template).
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.toLocale());
        format.setCurrency(Currency.getInstance(money.currency()));
        format.setMinimumFractionDigits(exponent);
        format.setMaximumFractionDigits(exponent);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount);
    }
}
