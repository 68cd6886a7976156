package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;
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

    public SesEmailSender(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public void send(EmailMessage m) {
        Message.Builder message = Message.builder()
                .subject(utf8(m.subject()))
                .body(Body.builder().text(utf8(m.text())).html(utf8(m.html())).build());
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
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(cleaned.getBytes(StandardCharsets.UTF_8)) + "?=";
        return display + " <" + address + ">";
    }

    private static Content utf8(String data) {
        return Content.builder().data(data == null ? "" : data).charset("UTF-8").build();
    }
}
