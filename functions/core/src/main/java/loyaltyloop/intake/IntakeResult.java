package loyaltyloop.intake;

/**
 * What became of a webhook call. Shops retry a call they see fail and drop subscriptions that keep failing, so only
 * a call we cannot trust or read is refused ({@link Unauthorized}, {@link BadRequest}, {@link TooLarge}); all else
 * is taken, and says what we did with it.
 */
public sealed interface IntakeResult {

    /** Stored (or cancelled, or refunded) and published. */
    record Accepted() implements IntakeResult {
    }

    /** This delivery, or this order, was taken before; nothing published again. */
    record Duplicate() implements IntakeResult {
    }

    /** Taken and recorded, but not usable (a test order, no email address, a topic we do not handle). */
    record Ignored(String reason) implements IntakeResult {
    }

    /** WooCommerce's unsigned test call when a webhook is saved. */
    record Ping() implements IntakeResult {
    }

    /** A missing or wrong signature, or an unknown shop: refused alike, so no one learns which shops exist. */
    record Unauthorized() implements IntakeResult {
    }

    /** Signed, but not a body we can read. */
    record BadRequest(String reason) implements IntakeResult {
    }

    /** Larger than any order; refused before anything else. */
    record TooLarge() implements IntakeResult {
    }

    /**
     * This delivery's order is being stored and published by a call that has not finished (or that died and whose
     * lease has not run out): not taken yet, so the shop must try again (503) rather than count it delivered.
     */
    record Busy() implements IntakeResult {
    }

    static IntakeResult busy() {
        return new Busy();
    }

    static IntakeResult accepted() {
        return new Accepted();
    }

    static IntakeResult duplicate() {
        return new Duplicate();
    }

    static IntakeResult ignored(String reason) {
        return new Ignored(reason);
    }

    static IntakeResult ping() {
        return new Ping();
    }

    static IntakeResult unauthorized() {
        return new Unauthorized();
    }

    static IntakeResult badRequest(String reason) {
        return new BadRequest(reason);
    }

    public static IntakeResult tooLarge() {
        return new TooLarge();
    }
}
