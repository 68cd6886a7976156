package loyaltyloop.platforms;

import loyaltyloop.orders.Money;

/** Minor units as the decimal strings shop APIs take: 1050 USD → "10.50", 500 JPY → "500". */
final class Amounts {

    private Amounts() {
    }

    static String decimal(long minor, String currency) {
        return new Money(minor, currency).toDecimal().toPlainString();
    }
}
