package loyaltyloop.orders;

public enum OrderStatus {
    PLACED, CANCELLED
}
