package loyaltyloop.deliverability;

/** Where bounces and complaints are kept, per shop and address (normalised). */
public interface SuppressionList {

    /** What is known about the address; {@link Suppression#NONE} when nothing. */
    Suppression find(String shop, String email);

    /** Writes {@code after} if the stored version is still {@code after.version() - 1}; false when someone was first. */
    boolean saveIfUnchanged(String shop, String email, Suppression after);

    /**
     * True the first time an SES event ({@code eventKey}: message id, event type and recipient) is seen, so a
     * repeated delivery of the same event is counted once.
     */
    boolean claimEvent(String shop, String eventKey);
}
