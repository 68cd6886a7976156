package loyaltyloop.platforms;

/**
 * A call to a shop's admin API failed. The message is safe to log and to show an owner: it names secrets by their
 * reference and never carries a token, a client secret or the shop's answer body.
 */
public class ShopApiException extends RuntimeException {

    /** What went wrong, so callers can word it (shops check) or decide to retry (coupons, imports). */
    public enum Problem {
        /** Timeout, connection failure, interrupted: try again later. */
        UNREACHABLE,
        /** HTTP 429 or Shopify's {@code THROTTLED}: the budget refills within seconds. */
        THROTTLED,
        /** HTTP 5xx: the shop's side failed. */
        SHOP_ERROR,
        /** No credentials stored, or the ones stored were refused (wrong token, key, client id or secret). */
        CREDENTIALS,
        /** HTTP 403: the credentials work but lack a scope or permission. */
        FORBIDDEN,
        /** Any other refusal: a person has to look. */
        REJECTED
    }

    private final Problem problem;

    public ShopApiException(String message, Problem problem) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Whether the same call may succeed later without anyone changing the shop's setup. */
    public boolean retryable() {
        return problem == Problem.UNREACHABLE || problem == Problem.THROTTLED || problem == Problem.SHOP_ERROR;
    }
}
