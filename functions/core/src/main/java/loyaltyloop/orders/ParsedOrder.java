package loyaltyloop.orders;

/** The result of normalising a platform's order: an order we can use, or the reason we cannot. */
public sealed interface ParsedOrder {

    record Usable(Order order) implements ParsedOrder {
    }

    record Unusable(String reason) implements ParsedOrder {
    }
}
