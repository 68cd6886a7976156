package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import loyaltyloop.deliverability.Suppressions;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.MessageTags;
import loyaltyloop.email.SendingDeferred;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.orders.CustomerEmails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * Sends through SES v2, with the stack's configuration set (whose event destination brings bounces, complaints and
 * deliveries back on EventBridge) and the message tags {@code kind} and {@code shop}. An address that bounced or
 * complained is not sent to ({@link Suppressions}); SES's "not now" answers (sending rate, daily quota, paused
 * sending) become {@link SendingDeferred}.
 */
@Singleton
@Requires(classes = SesV2Client.class)
public class SesEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);

    private final SesV2Client ses;
    private final LoopMetrics metrics;
    private final Suppressions suppressions;
    private final String configurationSet;

    public SesEmailSender(SesV2Client ses, LoopMetrics metrics, Suppressions suppressions,
            @Value("${loyalty.ses.configuration-set:}") String configurationSet) {
        this.ses = ses;
        this.metrics = metrics;
        this.suppressions = suppressions;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public void send(EmailMessage m) {
        if (suppressions.blocked(m)) {
            LOG.info("{} to {} of {} not sent: the address bounced or complained", m.kind().wireName(),
                    CustomerEmails.mask(m.to()), m.shop());
            return;
        }
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
        List<MessageTag> tags = MessageTags.of(m).entrySet().stream()
                .map(t -> MessageTag.builder().name(t.getKey()).value(t.getValue()).build()).toList();
        try {
            ses.sendEmail(b -> {
                b.fromEmailAddress(fromHeader(m.fromName(), m.fromAddress()))
                        .destination(d -> d.toAddresses(m.to()))
                        .content(c -> c.simple(message.build()))
                        .emailTags(tags);
                if (configurationSet != null) {
                    b.configurationSetName(configurationSet);
                }
                if (m.replyTo() != null) {
                    b.replyToAddresses(List.of(m.replyTo()));
                }
            });
        } catch (AwsServiceException e) {
            if (deferrable(e)) {
                throw new SendingDeferred("SES refused for now: " + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        }
        metrics.emailSent(m.kind().wireName());
    }

    /**
     * SES's answers that mean "later, not never": the account's sending rate ("Maximum sending rate exceeded") or
     * daily quota ("Daily message quota exceeded") is used up, or sending is paused for the account or the
     * configuration set. The SDK's own retries have already been tried by the time these reach us.
     */
    static boolean deferrable(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (code != null && java.util.Set.of("TooManyRequestsException", "LimitExceededException",
                "SendingPausedException", "Throttling", "ThrottlingException").contains(code)) {
            return true;
        }
        if (e.statusCode() == 429) {
            return true;
        }
        return message != null && (message.contains("Maximum sending rate exceeded")
                || message.contains("Daily message quota exceeded") || message.contains("Sending paused"));
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
