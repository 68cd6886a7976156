package loyaltyloop.customers;

/** Why a signed link in an email cannot be used. Whatever the reason, following it changes nothing. */
public enum LinkProblem {
    /** Tampered with, unreadable, or signed for another page. */
    INVALID,
    /** Ours, but past its expiry. */
    EXPIRED,
    /** Ours and current, but the customer (or the order) it names is not there. */
    NOT_FOUND
}
