package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@UnitTest
class EmailPagesTest {

    private static final String EVIL_SHOP = "<script>alert(1)</script> & Co";
    private static final String ESCAPED_SHOP = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co";
    private static final String ACTION = "https://links.example.com/u/eyJ0.c2ln";

    private final EmailTemplates templates = new EmailTemplates();

    private static void assertCompletePage(String html, EmailLocale locale) {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + locale.tag() + "\">")
                .contains("<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<title>")
                .contains("</html>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("<link", "src=");
    }

    @Test
    void unsubscribePageAsksToConfirmWithAPostButton() {
        String html = templates.unsubscribePage(EmailLocale.EN, "Demo Shop", ACTION);

        assertCompletePage(html, EmailLocale.EN);
        assertThat(html).contains("<title>Unsubscribe from Demo Shop</title>")
                .contains("<h1>Unsubscribe from Demo Shop emails?</h1>")
                .contains("<form method=\"post\" action=\"" + ACTION + "\">")
                .contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                .contains("<button type=\"submit\">Unsubscribe</button>")
                .contains("You will still receive emails about your orders");
    }

    @Test
    void unsubscribePageSpeaksTraditionalChinese() {
        String html = templates.unsubscribePage(EmailLocale.ZH_HANT, "台北小舖", ACTION);

        assertCompletePage(html, EmailLocale.ZH_HANT);
        assertThat(html).contains("<h1>要取消訂閱台北小舖的郵件嗎？</h1>", "<button type=\"submit\">取消訂閱</button>",
                "與您訂單相關的通知");
    }

    @Test
    void unsubscribePageSpeaksSimplifiedChinese() {
        String html = templates.unsubscribePage(EmailLocale.ZH_HANS, "Demo Shop", ACTION);

        assertCompletePage(html, EmailLocale.ZH_HANS);
        assertThat(html).contains("<h1>要取消订阅 Demo Shop 的邮件吗？</h1>", "<button type=\"submit\">取消订阅</button>",
                "与您订单相关的通知");
    }

    @Test
    void unsubscribePageFormCanPostBackToTheSameAddress() {
        String html = templates.unsubscribePage(EmailLocale.EN, "Demo Shop", "/u/eyJ0.c2ln?x=1&y=2");

        assertThat(html).contains("action=\"/u/eyJ0.c2ln?x=1&amp;y=2\"");
    }

    @Test
    void unsubscribePageRefusesAScriptFormAction() {
        assertThatThrownBy(() -> templates.unsubscribePage(EmailLocale.EN, "Demo Shop", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsubscribedPageConfirmsAndSaysOrderEmailsStillCome() {
        String en = templates.unsubscribedPage(EmailLocale.EN, "Demo Shop");
        String hant = templates.unsubscribedPage(EmailLocale.ZH_HANT, "Demo Shop");
        String hans = templates.unsubscribedPage(EmailLocale.ZH_HANS, "Demo Shop");

        assertCompletePage(en, EmailLocale.EN);
        assertCompletePage(hant, EmailLocale.ZH_HANT);
        assertCompletePage(hans, EmailLocale.ZH_HANS);
        assertThat(en).contains("<h1>You're unsubscribed</h1>", "follow-up emails from Demo Shop",
                "You will still receive emails about your orders").doesNotContain("<form");
        assertThat(hant).contains("<h1>已取消訂閱</h1>", "您將不會再收到 Demo Shop 的後續郵件。", "仍會照常寄送");
        assertThat(hans).contains("<h1>已取消订阅</h1>", "您将不会再收到 Demo Shop 的后续邮件。", "仍会照常发送");
    }

    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void shopNameIsEscapedOnEveryPageInEveryLanguage(EmailLocale locale) {
        for (String html : new String[] {
                templates.unsubscribePage(locale, EVIL_SHOP, ACTION),
                templates.unsubscribedPage(locale, EVIL_SHOP)}) {
            assertCompletePage(html, locale);
            assertThat(html).contains(ESCAPED_SHOP);
        }
    }

    @Test
    void expiredLinkPageSaysTheLinkIsNoLongerValid() {
        String en = templates.linkProblemPage(EmailLocale.EN, 410);
        String hant = templates.linkProblemPage(EmailLocale.ZH_HANT, 410);
        String hans = templates.linkProblemPage(EmailLocale.ZH_HANS, 410);

        assertCompletePage(en, EmailLocale.EN);
        assertCompletePage(hant, EmailLocale.ZH_HANT);
        assertCompletePage(hans, EmailLocale.ZH_HANS);
        assertThat(en).contains("<h1>This link is no longer valid</h1>", "It has expired");
        assertThat(hant).contains("<h1>此連結已失效</h1>", "連結已過期");
        assertThat(hans).contains("<h1>此链接已失效</h1>", "链接已过期");
    }

    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void invalidLinkPageIsFriendlyAndHasNoTechnicalDetail(EmailLocale locale) {
        for (int status : new int[] {400, 404, 410, 403}) {
            String html = templates.linkProblemPage(locale, status);

            assertCompletePage(html, locale);
            assertThat(html).doesNotContain(Integer.toString(status))
                    .doesNotContainIgnoringCase("error")
                    .doesNotContainIgnoringCase("token")
                    .doesNotContainIgnoringCase("signature")
                    .doesNotContainIgnoringCase("exception");
        }
        assertThat(templates.linkProblemPage(EmailLocale.EN, 404)).contains("may be incomplete")
                .doesNotContain("expired");
    }
}
