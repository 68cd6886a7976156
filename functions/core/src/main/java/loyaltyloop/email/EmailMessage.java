package loyaltyloop.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered email, ready to send.
 *
 * @param headers extra headers such as {@code List-Unsubscribe}; insertion order is kept
 * @param replyTo may be null
 */
public record EmailMessage(
        EmailKind kind,
        String fromAddress,
        String fromName,
        String to,
        String replyTo,
        String subject,
        String text,
        String html,
        Map<String, String> headers) {

    public EmailMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
