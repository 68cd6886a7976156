package loyaltyloop.shops;

/**
 * One line of {@code shops check}: what was checked about a shop's setup and, in plain words, how it stands.
 *
 * @param text a sentence for the shop owner; never a secret or a token
 */
public record CheckFinding(Severity severity, String text) {

    public enum Severity {
        /** Works. */
        OK,
        /** Works, but something is limited or cannot be checked from here: worth a look. */
        WARNING,
        /** Broken: the loop misses orders, coupons or mail until it is fixed; {@code shops check} exits non-zero. */
        PROBLEM
    }

    public static CheckFinding ok(String text) {
        return new CheckFinding(Severity.OK, text);
    }

    public static CheckFinding warning(String text) {
        return new CheckFinding(Severity.WARNING, text);
    }

    public static CheckFinding problem(String text) {
        return new CheckFinding(Severity.PROBLEM, text);
    }
}
