package loyaltyloop.email;

import static loyaltyloop.email.EmailFixtures.UNSUBSCRIBE_URL;
import static loyaltyloop.email.EmailFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import loyaltyloop.affirmation.AffirmationEmail;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.preview.EmailPreviews;
import loyaltyloop.privacy.CustomerExport;
import loyaltyloop.privacy.DataExportEmail;
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

    /** The issue's own example: one line for every follow-up subject (VIP or not, a product or not, a name or not). */
    @Test
    void theIssuesFollowUpSubjectHeadsEveryFollowUpInThatLanguageAndNothingElse() {
        String own = "A note from us at Demo Shop";
        Shop worded = shop("Demo Shop", "en", "USD").withSettings(new LoyaltySettings(null, null, null, null,
                Map.of("en", Map.of("followUpSubject", own)), null));
        List<FollowUpView.Item> mug = List.of(new FollowUpView.Item("Ceramic Mug", null));
        for (boolean vip : new boolean[] {false, true}) {
            for (List<FollowUpView.Item> items : List.of(mug, List.<FollowUpView.Item>of())) {
                for (String name : new String[] {"Jane", null}) {
                    FollowUpEmail email = new FollowUpEmail(templates);
                    assertThat(email.render(new FollowUpView(worded, name, "en", vip, 400, 3, "#1001", 45, items,
                            UNSUBSCRIBE_URL, null)).subject()).as("vip %s, items %s, name %s", vip, items, name)
                            .isEqualTo(own);
                    assertThat(email.render(new FollowUpView(worded, name, "zh-TW", vip, 400, 3, "#1001", 45, items,
                            UNSUBSCRIBE_URL, null)).subject()).isNotEqualTo(own);
                }
            }
        }
        List<EmailPreviews.Preview> all = new EmailPreviews(templates).all(worded);
        assertThat(all).filteredOn(p -> p.html().contains(own))
                .extracting(p -> p.kind() + " " + p.language()).containsExactly("follow-up en");
    }

    @Test
    void everyEmailKindCarriesTheShopsBrandInEveryLanguage() {
        Shop branded = shop("Demo <b>Shop</b>", "en", "USD").withSettings(new LoyaltySettings(null, null, null, null,
                null, new LoyaltySettings.Brand("#1D4ED8", "https://cdn.example.com/logo.png?a=1&b=2")));
        List<EmailPreviews.Preview> all = new EmailPreviews(templates).all(branded);
        assertThat(all.stream().map(EmailPreviews.Preview::kind).distinct()).containsExactlyInAnyOrderElementsOf(
                EmailPreviews.KINDS);
        assertThat(all).allSatisfy(p -> assertThat(p.html()).as(p.kind() + " " + p.language())
                .contains("background-color:#1d4ed8",
                        "<img src=\"https://cdn.example.com/logo.png?a=1&amp;b=2\" alt=\"Demo &lt;b>Shop&lt;/b>\"")
                .doesNotContain("<b>Shop"));
        assertThat(new DataExportEmail(templates).render(branded, "jane@example.com", "export.json",
                new CustomerExport.Summary(List.of(), 0, 0, 0, 0, 0, true)).html()).contains("background-color:#1d4ed8");
        assertThat(new EmailPreviews(templates).all(shop("Demo Shop", "en", "USD")))
                .allSatisfy(p -> assertThat(p.html()).doesNotContain("<img", "#1d4ed8"));
    }

    @Test
    void theUnsubscribePagesSpeakTheShopsWordingToo() {
        Shop worded = shop("Demo Shop", "en", "USD").withSettings(new LoyaltySettings(null, null, null, null,
                Map.of("en", Map.of("unsubscribePageQuestion", "Had enough of {0}?",
                        "unsubscribePageDoneTitle", "Done: no more follow-ups")), null));
        assertThat(templates.unsubscribePage(EmailLocale.EN, worded, "https://links.example.com/u/t"))
                .contains("Had enough of Demo Shop?");
        assertThat(templates.unsubscribedPage(EmailLocale.EN, worded)).contains("Done: no more follow-ups");
        assertThat(templates.unsubscribePage(EmailLocale.ZH_HANT, worded, "https://links.example.com/u/t"))
                .doesNotContain("Had enough");
    }
}
