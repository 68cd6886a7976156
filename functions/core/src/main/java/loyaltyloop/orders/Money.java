package loyaltyloop.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount in a currency's minor units (cents for USD, yen for JPY, which has none).
 * Never built from a double: prices arrive as decimal strings and stay exact.
 */
public record Money(long minor, String currency) {

    public Money {
        if (currency == null || currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount such as "59.90" or "1280" in the given currency. More decimal places than the
     * currency has are rejected unless they are zeros ("1000.00" JPY is 1000 yen).
     */
    public static Money parse(String decimal, String currency) {
        if (decimal == null || decimal.isBlank()) {
            throw new IllegalArgumentException("amount is missing");
        }
        return of(new BigDecimal(decimal.trim()), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        int exponent = exponent(currency);
        // Checked on the stripped form before any rescaling: an amount such as "1e99999999" or "1e-99999999"
        // would otherwise make setScale build a huge power of ten (minutes of CPU) before failing.
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > exponent) {
            throw new IllegalArgumentException("amount " + amount + " has more decimals than " + currency);
        }
        if (stripped.precision() - stripped.scale() > 19) {
            throw new IllegalArgumentException("amount " + amount + " is too large");
        }
        try {
            return new Money(stripped.setScale(exponent, RoundingMode.UNNECESSARY).unscaledValue().longValueExact(),
                    currency);
        } catch (ArithmeticException tooLarge) {
            // Callers treat IllegalArgumentException as an unreadable amount; an ArithmeticException escaped them.
            throw new IllegalArgumentException("amount " + amount + " is too large for " + currency);
        }
    }

    public static int exponent(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 0 : digits;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency " + currency);
        }
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, exponent(currency));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
