package loyaltyloop.email;

/**
 * The email provider refused a send for now, not for good: the account's sending rate or daily quota is used up,
 * or sending is paused. Nothing was sent; the same email may go later. Event-driven senders let it fail the
 * invocation so Lambda's async retry delivers the event again with backoff; the follow-up sweep stops its run and
 * leaves the rest due for the next one.
 */
public class SendingDeferred extends RuntimeException {

    public SendingDeferred(String reason, Throwable cause) {
        super(reason, cause);
    }
}
