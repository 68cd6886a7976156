package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/** The SES v2 adapter against the moto server, which keeps what it accepted (subject, body, source). */
@MotoTest
class SesEmailSenderTest {

    private static SesV2Client ses;
    private static SesEmailSender sender;
    private static loyaltyloop.dynamodb.DynamoSuppressionList suppressionList;

    @BeforeAll
    static void client() {
        ses = TestAws.ses();
        suppressionList = new loyaltyloop.dynamodb.DynamoSuppressionList(TestAws.dynamo(), TestAws.createTable(),
                java.time.Clock.systemUTC());
        sender = new SesEmailSender(ses, new loyaltyloop.testing.RecordingLoopMetrics(),
                new loyaltyloop.deliverability.Suppressions(suppressionList), "");
    }

    @Test
    void nothingGoesToAnAddressThatBouncedForGoodAndMarketingStopsAfterAComplaint() {
        String from = address("shop");
        String bounced = address("gone");
        String complained = address("angry");
        TestAws.verifySender(from);
        java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
        assertThat(suppressionList.saveIfUnchanged("demo.myshopify.com", bounced,
                loyaltyloop.deliverability.Suppression.NONE.withPermanentBounce(at))).isTrue();
        assertThat(suppressionList.saveIfUnchanged("demo.myshopify.com", complained,
                loyaltyloop.deliverability.Suppression.NONE.withComplaint(at))).isTrue();

        sender.send(message(from, "Demo Shop", bounced, "Thank you"));
        sender.send(new EmailMessage(EmailKind.FOLLOW_UP, from, "Demo Shop", complained, null, "How is it going?",
                "text", "<p>html</p>", Map.of(), "demo.myshopify.com"));
        sender.send(message(from, "Demo Shop", complained, "Thank you for your order"));

        assertThat(TestAws.sentEmailsTo(bounced)).isEmpty();
        assertThat(TestAws.sentEmailsTo(complained)).extracting(e -> e.path("subject").asText())
                .containsExactly("Thank you for your order");
    }

    @Test
    void sesSayingNotNowIsADeferralAndABadAddressIsNot() {
        assertThat(SesEmailSender.deferrable(software.amazon.awssdk.services.sesv2.model.TooManyRequestsException
                .builder().statusCode(429).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails
                        .builder().errorCode("TooManyRequestsException").errorMessage("Maximum sending rate exceeded.")
                        .build()).build())).isTrue();
        assertThat(SesEmailSender.deferrable(software.amazon.awssdk.services.sesv2.model.LimitExceededException
                .builder().statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails
                        .builder().errorCode("LimitExceededException").errorMessage("Daily message quota exceeded.")
                        .build()).build())).isTrue();
        assertThat(SesEmailSender.deferrable(software.amazon.awssdk.services.sesv2.model.SendingPausedException
                .builder().statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails
                        .builder().errorCode("SendingPausedException").errorMessage("Sending is paused for this account.")
                        .build()).build())).isTrue();
        assertThat(SesEmailSender.deferrable(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("MessageRejected").errorMessage("Email address is not verified.").build())
                .build())).isFalse();
    }

    @AfterAll
    static void close() {
        ses.close();
    }

    private static String address(String who) {
        return TestAws.unique(who) + "@example.com";
    }

    private static EmailMessage message(String fromAddress, String fromName, String to, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://links.example.com/u/token>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new EmailMessage(EmailKind.AFFIRMATION, fromAddress, fromName, to, "owner@example.com", subject,
                "Thank you for your order.", "<p>Thank you for your order.</p>", headers, "demo.myshopify.com");
    }

    @Test
    void anEmailFromAVerifiedSenderReachesSesOnce() {
        String from = address("shop");
        String to = address("jane");
        TestAws.verifySender(from);

        sender.send(message(from, "Demo Shop", to, "Welcome, Jane — thank you for your order #1001"));

        List<JsonNode> sent = TestAws.sentEmailsTo(to);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("subject").asText()).isEqualTo("Welcome, Jane — thank you for your order #1001");
        assertThat(sent.get(0).path("source").asText()).isEqualTo("\"Demo Shop\" <" + from + ">");
    }

    @Test
    void aSenderWithANonAsciiNameIsAccepted() {
        String from = address("tea");
        String to = address("mei");
        TestAws.verifySender(from);

        sender.send(message(from, "茶舖 Tea House", to, "感謝您的訂單 #1001"));

        List<JsonNode> sent = TestAws.sentEmailsTo(to);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("subject").asText()).isEqualTo("感謝您的訂單 #1001");
        assertThat(sent.get(0).path("source").asText()).startsWith("=?UTF-8?B?").endsWith("?= <" + from + ">");
    }

    @Test
    void anUnverifiedSenderIsRefusedAndTheErrorReachesTheCaller() {
        String to = address("jane");

        assertThatThrownBy(() -> sender.send(message(address("unverified"), "Nobody", to, "Hello")))
                .isInstanceOf(MessageRejectedException.class);

        assertThat(TestAws.sentEmailsTo(to)).isEmpty();
    }

    // --- the From header ---

    @Test
    void anAsciiNameIsQuotedBeforeTheAddress() {
        assertThat(SesEmailSender.fromHeader("Demo Shop", "shop@example.com"))
                .isEqualTo("\"Demo Shop\" <shop@example.com>");
    }

    @Test
    void quotesAndBackslashesInANameAreEscaped() {
        assertThat(SesEmailSender.fromHeader("Tea \"House\" \\ Co", "shop@example.com"))
                .isEqualTo("\"Tea \\\"House\\\" \\\\ Co\" <shop@example.com>");
    }

    @Test
    void aNonAsciiNameIsAnRfc2047EncodedWord() {
        String header = SesEmailSender.fromHeader("茶舖 Tea House", "shop@example.com");

        assertThat(header).matches("=\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?= <shop@example\\.com>");
        String encoded = header.substring("=?UTF-8?B?".length(), header.indexOf("?= <"));
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("茶舖 Tea House");
        assertThat(header.chars().allMatch(c -> c < 128)).as("plain ASCII").isTrue();
    }

    @Test
    void aLongNonAsciiNameIsSplitIntoEncodedWordsOfAtMost75Characters() {
        String name = "台北大稻埕百年老茶行 Taipei Dadaocheng Century Tea House 🍵";

        String header = SesEmailSender.fromHeader(name, "shop@example.com");

        String display = header.substring(0, header.indexOf(" <shop@example.com>"));
        String[] words = display.split(" ");
        assertThat(words).hasSizeGreaterThan(1).allSatisfy(word -> assertThat(word)
                .hasSizeLessThanOrEqualTo(75).startsWith("=?UTF-8?B?").endsWith("?="));
        StringBuilder decoded = new StringBuilder();
        for (String word : words) {
            String encoded = word.substring("=?UTF-8?B?".length(), word.length() - 2);
            decoded.append(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        }
        assertThat(decoded.toString()).as("no character is cut in two").isEqualTo(name);
    }

    @Test
    void aSenderWithALongNonAsciiNameIsAccepted() {
        String from = address("tea");
        String to = address("mei");
        TestAws.verifySender(from);

        sender.send(message(from, "台北大稻埕百年老茶行 Taipei Dadaocheng Century Tea House", to, "感謝您的訂單"));

        assertThat(TestAws.sentEmailsTo(to)).hasSize(1);
    }

    @Test
    void lineBreaksInANameCannotAddHeaders() {
        String header = SesEmailSender.fromHeader("Shop\r\nBcc: victim@example.com", "shop@example.com");

        assertThat(header).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void withoutANameTheHeaderIsTheBareAddress() {
        assertThat(SesEmailSender.fromHeader(null, "shop@example.com")).isEqualTo("shop@example.com");
        assertThat(SesEmailSender.fromHeader("  ", "shop@example.com")).isEqualTo("shop@example.com");
    }
}
