package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.metrics.LoopMetrics;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/** Sends through SES v2 with the email's kind as the message tag {@code kind}, for SES event destinations. */
@Singleton
@Requires(classes = SesV2Client.class)
public class SesEmailSender implements EmailSender {

    private final SesV2Client ses;
    private final LoopMetrics metrics;

    public SesEmailSender(SesV2Client ses, LoopMetrics metrics) {
        this.ses = ses;
        this.metrics = metrics;
    }

    @Override
    public void send(EmailMessage m) {
        Message.Builder message = Message.builder()
                .subject(utf8(m.subject()))
                .body(Body.builder().text(utf8(m.text())).html(utf8(m.html())).build());
        if (!m.attachments().isEmpty()) {
            message.attachments(m.attachments().stream().map(a -> Attachment.builder().fileName(a.fileName())
                    .contentType(a.contentType()).rawContent(SdkBytes.fromByteArray(a.content())).build()).toList());
        }
        if (!m.headers().isEmpty()) {
            message.headers(m.headers().entrySet().stream()
                    .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build()).toList());
        }
        ses.sendEmail(b -> {
            b.fromEmailAddress(fromHeader(m.fromName(), m.fromAddress()))
                    .destination(d -> d.toAddresses(m.to()))
                    .content(c -> c.simple(message.build()))
                    .emailTags(MessageTag.builder().name("kind").value(m.kind().wireName()).build());
            if (m.replyTo() != null) {
                b.replyToAddresses(List.of(m.replyTo()));
            }
        });
        metrics.emailSent(m.kind().wireName());
    }

    /** {@code "Shop Name" <shop@example.com>}, the name as an RFC 2047 word when it is not plain ASCII. */
    static String fromHeader(String name, String address) {
        if (name == null || name.isBlank()) {
            return address;
        }
        String cleaned = name.replaceAll("[\\r\\n]", " ").trim();
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(cleaned);
        String display = ascii
                ? "\"" + cleaned.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : encodedWords(cleaned);
        return display + " <" + address + ">";
    }

    /**
     * RFC 2047 encoded words of at most 75 characters each (45 UTF-8 bytes, never splitting a character), joined
     * by spaces, which readers drop between encoded words: a long shop name stays one readable name.
     */
    private static String encodedWords(String text) {
        StringBuilder words = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String character = new String(Character.toChars(text.codePointAt(i)));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > 45) {
                appendEncodedWord(words, chunk.toString());
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(character);
            chunkBytes += bytes;
        }
        appendEncodedWord(words, chunk.toString());
        return words.toString();
    }

    private static void appendEncodedWord(StringBuilder words, String chunk) {
        if (words.length() > 0) {
            words.append(' ');
        }
        words.append("=?UTF-8?B?")
                .append(Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8))).append("?=");
    }

    private static Content utf8(String data) {
        return Content.builder().data(data == null ? "" : data).charset("UTF-8").build();
    }
}
