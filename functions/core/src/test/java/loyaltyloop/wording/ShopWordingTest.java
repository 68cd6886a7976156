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
    void anUnknownNameIsRefusedByName() {
        assertThatThrownBy(() -> settings("en", "followUpSubjekt", "Hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages.en.followUpSubjekt").hasMessageContaining("no such sentence")
                .hasMessageContaining("docs/wording.md");
    }

    @Test
    void theIssuesOwnExampleSetsEveryFollowUpSubjectInThatLanguageOnly() {
        LoyaltySettings s = settings("en", "followUpSubject", "A note from us at Demo Shop");
        assertThat(s.messages()).isEqualTo(Map.of("en", Map.of("followUpSubject", "A note from us at Demo Shop")));
        assertThat(s.messagesIn("en")).containsOnlyKeys("followup.subject.vip", "followup.subject.vip.named",
                "followup.subject.vipProduct", "followup.subject.vipProduct.named", "followup.subject.product",
                "followup.subject.product.named", "followup.subject.hello", "followup.subject.hello.named")
                .containsValue("A note from us at Demo Shop");
        assertThat(s.messagesIn("zh-TW")).isEmpty();
    }

    @Test
    void aNameForBothTheNeutralAndTheNamedSentenceSetsBoth() {
        LoyaltySettings s = settings("en", "surveyIntro", "Order {0}: {1,number,0} days on, how is it?");
        assertThat(s.messagesIn("en")).containsOnlyKeys("survey.intro");
        assertThat(settings("en", "surveySubject", "How was {1}?").messagesIn("en"))
                .containsOnlyKeys("survey.subject", "survey.subject.named");
    }

    @Test
    void theMostSpecificNameWinsWhateverTheOrder() {
        Map<String, String> written = new java.util.LinkedHashMap<>();
        written.put("followUpSubjectProductNamed", "{0}, and your {1}?");
        written.put("followUpSubject", "Hello again");
        written.put("followUpSubjectProduct", "And your {1}?");
        LoyaltySettings s = new LoyaltySettings(null, null, null, null, Map.of("en", written), null);
        assertThat(s.messagesIn("en")).containsEntry("followup.subject.product.named", "{0}, and your {1}?")
                .containsEntry("followup.subject.product", "And your {1}?")
                .containsEntry("followup.subject.vipProduct.named", "Hello again")
                .containsEntry("followup.subject.hello", "Hello again");
    }

    @Test
    void aNameThatSetsSeveralSentencesMayUseOnlyWhatEveryOneIsGiven() {
        assertThatThrownBy(() -> settings("en", "followUpSubject", "How is your {1}?"))
                .hasMessageContaining("messages.en.followUpSubject").hasMessageContaining("uses {1}")
                .hasMessageContaining("followUpSubjectProduct");
        assertThatThrownBy(() -> settings("en", "surveySubject", "{0}, how was {1}?"))
                .hasMessageContaining("messages.en.surveySubject").hasMessageContaining("uses {0}")
                .hasMessageContaining("surveySubjectNamed");
        assertThatThrownBy(() -> settings("en", "surveySubject", "How was it?"))
                .hasMessageContaining("messages.en.surveySubject").hasMessageContaining("drops {1}");
    }

    @Test
    void aNameAndTheKeyItStandsForCannotBothBeGiven() {
        assertThatThrownBy(() -> new LoyaltySettings(null, null, null, null, Map.of("en", Map.of(
                "followUpSubjectProductNamed", "{0}: {1}?", "followup.subject.product.named", "{0} - {1}?")), null))
                .hasMessageContaining("messages.en.followup.subject.product.named")
                .hasMessageContaining("same sentence as followUpSubjectProductNamed");
    }

    @Test
    void anArgumentAnotherLanguageUsesIsOneTheSentenceIsGiven() {
        // The code passes the item count to every language; only English says it.
        LoyaltySettings s = settings("zh-TW", "followUpHadItFor", "{0} 已經 {2} 了，共 {1,number,0} 件。");
        assertThat(s.messagesIn("zh-TW")).containsOnlyKeys("followup.hadItFor");
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
