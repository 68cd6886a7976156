package loyaltyloop.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered email, ready to send.
 *
 * @param headers extra headers such as {@code List-Unsubscribe}; insertion order is kept
 * @param replyTo may be null
 * @param shop the shop's domain the email is sent for; sent to SES as the message tag {@code shop}
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
        Map<String, String> headers,
        String shop) {

    public EmailMessage {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
