package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class MessageTagsTest {

    @Test
    void everyEmailCarriesItsKindAndShop() {
        EmailMessage message = new EmailMessage(EmailKind.FOLLOW_UP, "shop@demo.example", "Demo", "jane@example.com",
                null, "Hi", "text", "<p>html</p>", Map.of(), "demo.myshopify.com");
        assertThat(MessageTags.of(message)).containsExactly(Map.entry("kind", "follow-up"),
                Map.entry("shop", "demo.myshopify.com"));
    }

    @Test
    void tagValuesKeepToWhatSesAllows() {
        assertThat(MessageTags.value("woo.demo.local")).isEqualTo("woo.demo.local");
        assertThat(MessageTags.value("茶舖.example")).startsWith("xn--").endsWith(".example").matches("[A-Za-z0-9_.@-]+");
        assertThat(MessageTags.value("shop.example:8080/store")).isEqualTo("shop.example_8080_store");
        assertThat(MessageTags.value("x".repeat(300))).hasSize(256);
        for (EmailKind kind : EmailKind.values()) {
            assertThat(MessageTags.value(kind.wireName())).matches("[A-Za-z0-9_.@-]+");
        }
    }
}
