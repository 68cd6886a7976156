package loyaltyloop.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class EmailPreviewsTest {

    private static final EmailTemplates TEMPLATES = new EmailTemplates();

    private static Shop shop() {
        return new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com", "hello@demo.example",
                "Demo Shop", "owner@demo.example", "en", "USD", "/x").withSettings(new LoyaltySettings(null, null,
                null, null, Map.of("en", Map.of("followup.subject.product.named", "{0}, still loving your {1}?")),
                new LoyaltySettings.Brand("#1d4ed8", null)));
    }

    @Test
    void everyKindInEveryLanguageRendersInTheShopsWordingAndBrand() {
        List<EmailPreviews.Preview> all = new EmailPreviews(TEMPLATES).all(shop());
        assertThat(all).hasSize(EmailPreviews.KINDS.size() * 3);
        assertThat(all).allSatisfy(p -> assertThat(p.html()).startsWith("<!DOCTYPE html>").isNotBlank());
        assertThat(all).filteredOn(p -> p.kind().equals("follow-up")).extracting(EmailPreviews.Preview::subject)
                .containsExactly("Jane, still loving your Ceramic Mug?", "Jane，您的 Ceramic Mug 用得還好嗎？",
                        "Jane，您的 Ceramic Mug 用得还好吗？");
        assertThat(all).filteredOn(p -> p.kind().equals("affirmation"))
                .allSatisfy(p -> assertThat(p.html()).contains("background-color:#1d4ed8"));
        String page = new EmailPreviewPage(TEMPLATES).render("Demo Shop", all);
        assertThat(page).contains("id=\"follow-up-zh-TW\"", "sandbox=\"\"").doesNotContain("<script");
        // Each frame holds its email, escaped as the attribute's value: the frame shows exactly the email's HTML.
        assertThat(page).doesNotContain("srcdoc=\"\"");
        assertThat(page.split(" srcdoc=\"&lt;!DOCTYPE html>", -1)).hasSize(all.size() + 1);
        assertThat(EmailPreviewPage.attributeValue("<p title=\"a\">O'Neil & co</p>"))
                .isEqualTo("&lt;p title=&#34;a&#34;>O&#39;Neil &amp; co&lt;/p>");
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> new EmailPreviews(TEMPLATES).render(shop(), "newsletter", "en"))
                .hasMessageContaining("newsletter");
    }
}
