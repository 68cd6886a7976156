package loyaltyloop.email;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import loyaltyloop.orders.Money;

/**
 * Formats exact money for a reader: the locale's currency format, with the currency's own number of decimals
 * (none for JPY, two for USD and TWD). Works from the minor units through {@link BigDecimal}, never a double.
 */
public final class MoneyFormat {

    private static final char NO_BREAK_SPACE = '\u00a0';

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
        String symbol = format instanceof DecimalFormat decimal ? decimal.getDecimalFormatSymbols().getCurrencySymbol() : null;
        return spaced(format.format(amount), symbol);
    }

    /**
     * CLDR's currency spacing, which the JDK leaves out: a symbol that ends (or starts) with a letter, such as
     * {@code KWD} or {@code CHF}, is kept apart from the digits by a no-break space ({@code KWD 12.345}, not
     * {@code KWD12.345}); {@code $59.90} and {@code US$59.90} stay as they are.
     */
    static String spaced(String formatted, String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return formatted;
        }
        int at = formatted.indexOf(symbol);
        if (at < 0) {
            return formatted;
        }
        int end = at + symbol.length();
        StringBuilder out = new StringBuilder(formatted);
        if (end < formatted.length() && Character.isLetter(symbol.charAt(symbol.length() - 1))
                && Character.isDigit(formatted.charAt(end))) {
            out.insert(end, NO_BREAK_SPACE);
        }
        if (at > 0 && Character.isLetter(symbol.charAt(0)) && Character.isDigit(formatted.charAt(at - 1))) {
            out.insert(at, NO_BREAK_SPACE);
        }
        return out.toString();
    }
}
