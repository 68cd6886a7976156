package loyaltyloop.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered email, ready to send.
 *
 * @param headers extra headers such as {@code List-Unsubscribe}; insertion order is kept
 * @param replyTo may be null
 * @param shop the shop's domain the email is sent for; sent to SES as the message tag {@code shop}
 * @param attachments files sent with it (the data export's JSON); usually none
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
        String shop,
        List<Attachment> attachments) {

    /** An email without attachments. */
    public EmailMessage(EmailKind kind, String fromAddress, String fromName, String to, String replyTo, String subject,
            String text, String html, Map<String, String> headers, String shop) {
        this(kind, fromAddress, fromName, to, replyTo, subject, text, html, headers, shop, List.of());
    }

    /** One attached file. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public EmailMessage {
        Objects.requireNonNull(shop, "shop");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
