package loyaltyloop.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class ShopWordingTest {

    private static LoyaltySettings settings(String language, String key, String pattern) {
        return new LoyaltySettings(null, null, null, null, Map.of(language, Map.of(key, pattern)), null);
    }

    @Test
    void aReplacementThatKeepsItsArgumentsIsKeptUnderItsLanguage() {
        LoyaltySettings s = settings("zh_tw", "followup.subject.product.named", "{0}，{1} 還喜歡嗎？");
        assertThat(s.messagesIn("zh-TW")).containsEntry("followup.subject.product.named", "{0}，{1} 還喜歡嗎？");
        assertThat(s.messagesIn("en")).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        assertThatThrownBy(() -> settings("en", "followUpSubject", "Hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages.en.followUpSubject").hasMessageContaining("no such sentence");
    }

    @Test
    void aPatternThatDoesNotParseIsRefusedByName() {
        assertThatThrownBy(() -> settings("en", "followup.subject.product", "How is your {1?"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages.en.followup.subject.product").hasMessageContaining("not a valid pattern");
    }

    @Test
    void aPatternThatDropsARequiredArgumentIsRefusedByName() {
        assertThatThrownBy(() -> settings("zh-CN", "followup.subject.product.named", "您的{1}用得还好吗？"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages.zh-CN.followup.subject.product.named").hasMessageContaining("drops {0}");
    }

    @Test
    void aPatternThatUsesAnArgumentTheSentenceIsNotGivenIsRefused() {
        assertThatThrownBy(() -> settings("en", "followup.subject.product", "How''s your {1} from {7}?"))
                .hasMessageContaining("messages.en.followup.subject.product").hasMessageContaining("uses {7}");
    }

    @Test
    void aLanguageWeDoNotShipIsRefused() {
        assertThatThrownBy(() -> settings("fr", "followup.subject.product", "Et votre {1} ?"))
                .hasMessageContaining("messages.fr").hasMessageContaining("no such language");
    }

    @Test
    void brandColourAndLogoAreCheckedToo() {
        assertThat(new LoyaltySettings.Brand("#1D4ED8", "https://cdn.example.com/logo.png").colour()).isEqualTo("#1d4ed8");
        assertThatThrownBy(() -> new LoyaltySettings.Brand("red", null)).hasMessageContaining("brand.colour");
        assertThatThrownBy(() -> new LoyaltySettings.Brand(null, "http://example.com/logo.png"))
                .hasMessageContaining("brand.logoUrl");
        assertThatThrownBy(() -> new LoyaltySettings.Brand(null, "https://example.com/\"onerror=\"x.png"))
                .hasMessageContaining("brand.logoUrl");
    }
}
