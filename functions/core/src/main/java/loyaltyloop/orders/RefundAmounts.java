package loyaltyloop.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a platform's refund gave back, read from the shapes its webhooks send: a Shopify refund's successful
 * {@code refund} transactions in the order's currency, a WooCommerce order's {@code refunds[].total} (negative).
 */
public final class RefundAmounts {

    private RefundAmounts() {
    }

    /** A Shopify refund ({@code refunds/create} body, or an entry of an order's {@code refunds}). */
    public static Money shopify(JsonNode refund, String currency) {
        Money amount = Money.zero(currency);
        JsonNode transactions = JsonFields.array(refund, "transactions");
        if (transactions != null) {
            for (JsonNode t : transactions) {
                if ("refund".equalsIgnoreCase(JsonFields.text(t, "kind"))
                        && "success".equalsIgnoreCase(JsonFields.text(t, "status"))) {
                    String txCurrency = Optional.ofNullable(JsonFields.text(t, "currency")).orElse(currency);
                    if (txCurrency.equalsIgnoreCase(currency)) {
                        amount = amount.plus(Money.of(JsonFields.decimal(t, "amount"), currency));
                    }
                }
            }
        }
        return amount;
    }

    /** An entry of a WooCommerce order's {@code refunds}; null when it has no total. */
    public static Money wooCommerce(JsonNode refund, String currency) {
        BigDecimal total = JsonFields.decimal(refund, "total");
        return total == null ? null : Money.of(total.abs(), currency);
    }
}
