package loyaltyloop.history;

/** A platform's orders could not be read. The message names the shop and the call, never a credential. */
public class PastOrdersException extends RuntimeException {

    /** Why: worth trying again later, the shop refused our credentials, or anything else. */
    public enum Kind { RETRYABLE, CREDENTIALS_REFUSED, FAILED }

    private final Kind kind;

    public PastOrdersException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean credentialsRefused() {
        return kind == Kind.CREDENTIALS_REFUSED;
    }
}
