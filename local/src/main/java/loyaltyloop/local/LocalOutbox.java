package loyaltyloop.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.aws.SesEmailSender;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.MessageTags;
import loyaltyloop.deliverability.Suppressions;
import loyaltyloop.metrics.LoopMetrics;

/** The local runner's SES: every email lands here, readable at {@code /_local/outbox} (JSON and HTML). */
@Singleton
@Requires(env = "local")
@Replaces(SesEmailSender.class)
public class LocalOutbox implements EmailSender {

    /**
     * One sent email as the outbox shows it; {@code sentAt} is the shared clock's time, {@code tags} SES's message
     * tags, {@code attachments} its files (none for most kinds).
     */
    public record OutboxEmail(
            long id,
            String kind,
            String to,
            String from,
            String replyTo,
            String subject,
            String text,
            String html,
            Map<String, String> headers,
            String sentAt,
            Map<String, String> tags,
            List<OutboxAttachment> attachments) {
    }

    /** An attached file; {@code content} is its text (attachments the loop sends are JSON), {@code size} its bytes. */
    public record OutboxAttachment(String fileName, String contentType, int size, String content) {
    }

    private final Clock clock;
    private final LoopMetrics metrics;
    private final Suppressions suppressions;
    private final List<OutboxEmail> emails = new ArrayList<>();

    public LocalOutbox(Clock clock, LoopMetrics metrics, Suppressions suppressions) {
        this.clock = clock;
        this.metrics = metrics;
        this.suppressions = suppressions;
    }

    @Override
    public void send(EmailMessage message) {
        if (suppressions.blocked(message)) {
            System.out.println("outbox: " + message.kind().wireName() + " to " + Masking.email(message.to())
                    + " not sent: the address bounced or complained");
            return;
        }
        OutboxEmail email;
        synchronized (emails) {
            email = new OutboxEmail(
                    emails.size() + 1L,
                    message.kind().wireName(),
                    message.to(),
                    from(message),
                    message.replyTo(),
                    message.subject(),
                    message.text(),
                    message.html(),
                    message.headers(),
                    clock.instant().toString(),
                    MessageTags.of(message),
                    message.attachments().stream().map(a -> new OutboxAttachment(a.fileName(), a.contentType(),
                            a.content().length, new String(a.content(), java.nio.charset.StandardCharsets.UTF_8)))
                            .toList());
            emails.add(email);
        }
        metrics.emailSent(email.kind());
        System.out.println("outbox: #" + email.id() + " " + email.kind() + " to " + Masking.email(email.to())
                + " \"" + email.subject() + "\"");
    }

    /** Every email so far, oldest first. */
    public List<OutboxEmail> emails() {
        synchronized (emails) {
            return List.copyOf(emails);
        }
    }

    public Optional<OutboxEmail> email(long id) {
        synchronized (emails) {
            return id >= 1 && id <= emails.size() ? Optional.of(emails.get((int) id - 1)) : Optional.empty();
        }
    }

    private static String from(EmailMessage message) {
        String name = message.fromName();
        return name == null || name.isBlank() ? message.fromAddress() : name + " <" + message.fromAddress() + ">";
    }
}
