package loyaltyloop.email;

import static loyaltyloop.email.EmailFixtures.UNSUBSCRIBE_URL;
import static loyaltyloop.email.EmailFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loyaltyloop.affirmation.AffirmationEmail;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** A shop's own sentence is said wherever that sentence is, in that language only, and only for that shop. */
@UnitTest
class ShopWordingEmailsTest {

    private static final String OWN = "{0}, still loving your {1}? We would love to hear";
    private final EmailTemplates templates = new EmailTemplates();

    private static Shop worded() {
        Shop plain = shop("Demo Shop", "en", "USD");
        return plain.withSettings(new LoyaltySettings(null, null, null, null,
                Map.of("en", Map.of("followup.subject.product.named", OWN)), null));
    }

    private RenderedEmail followUp(Shop shop, String locale) {
        return new FollowUpEmail(templates).render(new FollowUpView(shop, "Jane", locale, false, 400, 3, "#1001", 45,
                List.of(new FollowUpView.Item("Ceramic Mug", null)), UNSUBSCRIBE_URL, null));
    }

    @Test
    void aShopsReplacedSubjectIsInItsFollowUpsInThatLanguageAndNowhereElse() {
        assertThat(followUp(worded(), "en").subject())
                .isEqualTo("Jane, still loving your Ceramic Mug? We would love to hear");
        assertThat(followUp(worded(), "zh-TW").subject()).isEqualTo("Jane，您的 Ceramic Mug 用得還好嗎？");
        assertThat(followUp(shop("Demo Shop", "en", "USD"), "en").subject()).isEqualTo("How's your Ceramic Mug, Jane?");
        RenderedEmail thanks = new AffirmationEmail(templates).render(EmailFixtures.view(worded(),
                EmailFixtures.order("en", "Jane", "#1001", "USD",
                        List.of(EmailFixtures.item("Ceramic Mug", 1, "12.00", "USD"))), 1));
        assertThat(thanks.subject() + thanks.text() + thanks.html()).doesNotContain("still loving");
    }

    @Test
    void aShopsBrandColourAndLogoHeadItsEmailsEscaped() {
        Shop branded = shop("<script>x()</script> Shop", "en", "USD").withSettings(new LoyaltySettings(null, null,
                null, null, null, new LoyaltySettings.Brand("#1D4ED8", "https://cdn.example.com/logo.png?a=1&b=2")));
        String html = followUp(branded, "en").html();
        assertThat(html).contains("background-color:#1d4ed8", "<img src=\"https://cdn.example.com/logo.png?a=1&amp;b=2\"",
                "alt=\"&lt;script").doesNotContain("<script>x()");
        assertThat(followUp(shop("Demo Shop", "en", "USD"), "en").html()).doesNotContain("<img");
    }
}
