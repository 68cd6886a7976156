package loyaltyloop.orders;

/**
 * The answer to a webhook call. Shops retry anything but a 2xx and drop subscriptions that keep failing, so
 * everything that is not an authentication or framing problem is a 200 with what we did.
 */
public record IntakeResult(int status, String outcome, String reason) {

    public static IntakeResult accepted() {
        return new IntakeResult(200, "accepted", null);
    }

    public static IntakeResult duplicate() {
        return new IntakeResult(200, "duplicate", null);
    }

    public static IntakeResult ignored(String reason) {
        return new IntakeResult(200, "ignored", reason);
    }

    public static IntakeResult ping() {
        return new IntakeResult(200, "ping", null);
    }

    /** Unknown shop and bad signature answer alike, so the answer says nothing about which shops exist. */
    public static IntakeResult unauthorized() {
        return new IntakeResult(401, "rejected", "invalid signature");
    }

    public static IntakeResult badRequest(String reason) {
        return new IntakeResult(400, "rejected", reason);
    }

    public static IntakeResult tooLarge() {
        return new IntakeResult(413, "rejected", "payload too large");
    }
}
