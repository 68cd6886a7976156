package loyaltyloop.deliverability;

/** Where bounces and complaints are kept, per shop and address (normalised). */
public interface SuppressionList {

    /** What is known about the address, read consistently (to change it); {@link Suppression#NONE} when nothing. */
    Suppression find(String shop, String email);

    /**
     * The same, read eventually consistent: half the read cost of {@link #find}, paid before every email; an event
     * recorded less than about a second ago may not be seen yet.
     */
    default Suppression findBeforeSending(String shop, String email) {
        return find(shop, email);
    }

    /** Writes {@code after} if the stored version is still {@code after.version() - 1}; false when someone was first. */
    boolean saveIfUnchanged(String shop, String email, Suppression after);

    /**
     * True the first time an SES event ({@code eventKey}: message id, event type and recipient) is seen, so a
     * repeated delivery of the same event is counted once.
     */
    boolean claimEvent(String shop, String eventKey);
}
