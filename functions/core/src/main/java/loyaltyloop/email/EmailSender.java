package loyaltyloop.email;

/** Sends one email. SES v2 in AWS; the outbox in the local runner. */
public interface EmailSender {

    /** Sends the message; throws when the provider refused it. */
    void send(EmailMessage message);
}
