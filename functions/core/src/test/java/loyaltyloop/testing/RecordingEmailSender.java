package loyaltyloop.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;

/**
 * Sends through the real adapter (SES on the moto server) and keeps each message as the service built it, since
 * moto keeps neither the kind nor the headers. Only messages SES accepted are kept.
 */
public final class RecordingEmailSender implements EmailSender {

    private final EmailSender real;
    private final List<EmailMessage> sent = new CopyOnWriteArrayList<>();

    public RecordingEmailSender(EmailSender real) {
        this.real = real;
    }

    @Override
    public void send(EmailMessage message) {
        real.send(message);
        sent.add(message);
    }

    /** What was sent so far, oldest first (a live view). */
    public List<EmailMessage> sent() {
        return sent;
    }
}
