package loyaltyloop.coupons;

/** The shop's checkout could not be given the coupon. The message is safe to log: it never carries credentials. */
public class ProvisioningException extends RuntimeException {

    private final boolean retryable;

    public ProvisioningException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ProvisioningException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
