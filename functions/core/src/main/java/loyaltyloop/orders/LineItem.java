package loyaltyloop.orders;

/** One line of an order: what the customer bought, how many, at what unit price. */
public record LineItem(String title, int quantity, Money price, String productId) {

    public Money lineTotal() {
        return price.times(quantity);
    }
}
