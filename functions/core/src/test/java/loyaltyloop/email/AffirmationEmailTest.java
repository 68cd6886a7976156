package loyaltyloop.email;

import loyaltyloop.affirmation.AffirmationEmail;
import static loyaltyloop.email.EmailFixtures.REFERRAL_URL;
import static loyaltyloop.email.EmailFixtures.UNSUBSCRIBE_URL;
import static loyaltyloop.email.EmailFixtures.item;
import static loyaltyloop.email.EmailFixtures.order;
import static loyaltyloop.email.EmailFixtures.shop;
import static loyaltyloop.email.EmailFixtures.usdView;
import static loyaltyloop.email.EmailFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loyaltyloop.orders.Order;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import loyaltyloop.affirmation.AffirmationView;

@UnitTest
class AffirmationEmailTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    private final EmailTemplates templates = new EmailTemplates();

    /** The HTML part with the basic entities decoded, to check what a reader sees. */
    private static String visible(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&times;", "×").replace("&amp;", "&");
    }

    // --- English ---

    @Test
    void firstOrderWelcomesTheCustomerByNameInEnglish() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en-US", "Jane", 1));

        assertThat(email.subject()).isEqualTo("Welcome, Jane — thank you for your order #1001");
        assertThat(email.text()).startsWith("Welcome to Demo Shop, Jane!\n\nThank you for your first order");
        assertThat(email.html()).contains("<html lang=\"en\">");
        assertThat(visible(email.html())).contains("Welcome to Demo Shop, Jane!", "Thank you for your first order");
    }

    @Test
    void repeatOrderThanksTheCustomerForTheirNthOrder() {
        Order order = order("en", "Jane", "#1042", "USD", List.of(item("Ceramic Mug", 1, "19.95", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "en", "USD"), order, 3));

        assertThat(email.subject()).isEqualTo("Thank you for your 3rd order, Jane (#1042)");
        assertThat(email.text()).startsWith("Thank you for your 3rd order, Jane!")
                .contains("It's wonderful to have you back")
                .doesNotContain("Welcome");
        assertThat(visible(email.html())).contains("Thank you for your 3rd order, Jane!", "wonderful to have you back");
    }

    @ParameterizedTest
    @CsvSource({"1,1st", "2,2nd", "3,3rd", "4,4th", "10,10th", "11,11th", "12,12th", "13,13th", "21,21st", "22,22nd",
            "23,23rd", "101,101st", "111,111th", "112,112th", "1001,1001st"})
    void englishOrdinalsFollowTheUsualRules(int n, String ordinal) {
        assertThat(CommonWording.of(EmailLocale.EN).ordinal(n)).isEqualTo(ordinal);
    }

    @ParameterizedTest
    @CsvSource({"2,2nd", "11,11th", "21,21st", "22,22nd", "111,111th"})
    void repeatOrderSubjectUsesTheEnglishOrdinal(int n, String ordinal) {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane", n));

        assertThat(email.subject()).isEqualTo("Thank you for your " + ordinal + " order, Jane (#1001)");
    }

    @Test
    void emailSummarisesTheOrderWithEveryLineAndTheTotal() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane", 1));

        assertThat(email.text()).contains("Your order #1001\n"
                + "- Ceramic Mug × 2 — $39.90\n"
                + "- Pour-over Kettle × 1 — $79.90\n"
                + "Total: $119.80\n"
                + "\nWhat happens next\n");
        assertThat(visible(email.html())).contains("Your order #1001", "Ceramic Mug × 2", "$39.90",
                "Pour-over Kettle × 1", "$79.90", "Total", "$119.80");
    }

    @Test
    void emailSaysWhatHappensNext() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane", 1));

        assertThat(email.text()).contains("What happens next", "email you as soon as it ships",
                "check in to see how you're enjoying it");
        assertThat(visible(email.html())).contains("email you as soon as it ships");
    }

    @Test
    void emailSignsOffWithTheShopsSenderName() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane", 1));

        assertThat(email.text()).contains("With thanks,\nDemo Shop\n");
        assertThat(email.html()).contains("With thanks,<br>Demo Shop");
    }

    @Test
    void shopDomainStandsInForAMissingSenderName() {
        Order order = order("en", "Jane", "#1001", "USD", List.of(item("Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop(" ", "en", "USD"), order, 1));

        assertThat(email.text()).contains("Welcome to demo.myshopify.com, Jane!");
    }

    @Test
    void referralAndUnsubscribeLinksAppearInBothParts() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane", 1));

        assertThat(email.text()).contains("Share your personal link with your friends:\n" + REFERRAL_URL + "\n");
        assertThat(email.text()).contains("Don't want our follow-up emails? Unsubscribe: " + UNSUBSCRIBE_URL);
        assertThat(email.text()).contains("This email is about your order #1001 at Demo Shop.");

        assertThat(email.html()).contains("href=\"" + REFERRAL_URL + "\"");
        // The & in the query string is escaped inside the attribute, as HTML requires.
        assertThat(email.html()).contains("href=\"https://links.example.com/u/eyJ0.c2ln-_x?a=1&amp;b=2\"");
        assertThat(visible(email.html())).contains("Don't want our follow-up emails?", ">Unsubscribe</a>",
                "This email is about your order #1001 at Demo Shop.");
    }

    @Test
    void htmlPartIsACompleteMobileFriendlyDocumentWithoutExternalAssets() {
        String html = new AffirmationEmail(templates).render(usdView("en", "Jane", 1)).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<title>Welcome, Jane — thank you for your order #1001</title>")
                .contains("max-width:560px")
                .doesNotContain("<img", "<link", "src=", "<script");
    }

    // --- blank names ---

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankFirstNameGetsANeutralGreeting(String firstName) {
        RenderedEmail first = new AffirmationEmail(templates).render(usdView("en", firstName, 1));
        RenderedEmail repeat = new AffirmationEmail(templates).render(usdView("en", firstName, 2));

        assertThat(first.subject()).isEqualTo("Welcome — thank you for your order #1001");
        assertThat(first.text()).startsWith("Welcome to Demo Shop!\n");
        assertThat(repeat.subject()).isEqualTo("Thank you for your 2nd order (#1001)");
        assertThat(repeat.text()).startsWith("Thank you for your 2nd order!\n");
        for (RenderedEmail email : List.of(first, repeat)) {
            assertThat(email.subject() + email.text() + email.html()).doesNotContain("null").doesNotContain(" ,");
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankFirstNameReadsNaturallyInChinese(String firstName) {
        RenderedEmail hant = new AffirmationEmail(templates).render(usdView("zh-TW", firstName, 1));
        RenderedEmail hans = new AffirmationEmail(templates).render(usdView("zh-CN", firstName, 4));

        assertThat(hant.subject()).isEqualTo("感謝您的訂購！您的訂單 #1001 已收到");
        assertThat(hant.text()).startsWith("歡迎來到 Demo Shop！\n");
        assertThat(hans.subject()).isEqualTo("感谢您的第4笔订单（#1001）");
        assertThat(hans.text()).startsWith("感谢您的第4笔订单！\n");
        assertThat(hant.text() + hans.text() + hant.html() + hans.html()).doesNotContain("null").doesNotContain("，，");
    }

    // --- Chinese ---

    @Test
    void firstOrderWelcomesTheCustomerInTraditionalChinese() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("zh-TW", "小美", 1));

        assertThat(email.subject()).isEqualTo("感謝您的訂購，小美！您的訂單 #1001 已收到");
        assertThat(email.text()).startsWith("歡迎來到 Demo Shop，小美！\n\n感謝您第一次向我們訂購")
                .contains("您的訂單 #1001\n- Ceramic Mug × 2 — US$39.90\n", "總計：US$119.80", "接下來", "出貨時會再寄信通知您",
                        "專屬推薦連結", "再次感謝您的支持！\nDemo Shop 敬上", "這封信是關於您在 Demo Shop 的訂單 #1001。",
                        "不想再收到我們的後續郵件嗎？取消訂閱：" + UNSUBSCRIBE_URL);
        assertThat(email.html()).contains("<html lang=\"zh-TW\">", "歡迎來到 Demo Shop，小美！", ">取消訂閱</a>");
        assertThat(email.text() + email.html()).doesNotContain("订单", "感谢", "链接", "邮件");
    }

    @Test
    void repeatOrderThanksTheCustomerForTheirNthOrderInTraditionalChinese() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("zh-Hant", "小美", 3));

        assertThat(email.subject()).isEqualTo("感謝您的第3筆訂單，小美（#1001）");
        assertThat(email.text()).startsWith("感謝您的第3筆訂單，小美！\n\n很高興再次見到您，謝謝您再度光臨！");
        assertThat(email.html()).contains("感謝您的第3筆訂單，小美！");
    }

    @Test
    void firstOrderWelcomesTheCustomerInSimplifiedChinese() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("zh-CN", "小明", 1));

        assertThat(email.subject()).isEqualTo("感谢您的订购，小明！您的订单 #1001 已收到");
        assertThat(email.text()).startsWith("欢迎来到 Demo Shop，小明！\n\n感谢您第一次在我们这里下单")
                .contains("您的订单 #1001\n- Ceramic Mug × 2 — US$39.90\n", "合计：US$119.80", "接下来", "发货时会再发邮件通知您",
                        "专属推荐链接", "再次感谢您的支持！\nDemo Shop 敬上", "这封邮件是关于您在 Demo Shop 的订单 #1001。",
                        "不想再收到我们的后续邮件吗？取消订阅：" + UNSUBSCRIBE_URL);
        assertThat(email.html()).contains("<html lang=\"zh-CN\">", "欢迎来到 Demo Shop，小明！", ">取消订阅</a>");
        assertThat(email.text() + email.html()).doesNotContain("訂單", "感謝", "連結", "郵件");
    }

    @Test
    void repeatOrderThanksTheCustomerForTheirNthOrderInSimplifiedChinese() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("zh-Hans", "小明", 12));

        assertThat(email.subject()).isEqualTo("感谢您的第12笔订单，小明（#1001）");
        assertThat(email.text()).startsWith("感谢您的第12笔订单，小明！\n\n很高兴再次见到您，谢谢您再次光临！");
    }

    @Test
    void unknownOrderLocaleFallsBackToTheShopsDefaultLanguage() {
        Order order = order("fr-FR", "Jane", "#1001", "USD", List.of(item("Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "zh-HK", "USD"), order, 1));

        assertThat(email.subject()).startsWith("感謝您的訂購");
    }

    @Test
    void missingOrderLocaleAndShopDefaultFallBackToEnglish() {
        Order order = order(null, "Jane", "#1001", "USD", List.of(item("Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", null, "USD"), order, 1));

        assertThat(email.subject()).startsWith("Welcome, Jane");
    }

    // --- money ---

    @Test
    void yenOrderShowsAmountsWithoutDecimals() {
        Order order = order("zh-CN", "小明", "#2001", "JPY", List.of(item("抹茶", 3, "1200", "JPY")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "en", "JPY"), order, 1));

        assertThat(email.text()).contains("- 抹茶 × 3 — JP¥3,600\n", "合计：JP¥3,600");
        assertThat(email.html()).contains("JP¥3,600").doesNotContain("3,600.00");
    }

    @Test
    void yenOrderInEnglish() {
        Order order = order("en", "Jane", "#2001", "JPY", List.of(item("Matcha", 1, "1200", "JPY")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "en", "JPY"), order, 1));

        assertThat(email.text()).contains("- Matcha × 1 — ¥1,200\n", "Total: ¥1,200");
    }

    @Test
    void taiwanDollarOrderShowsTwoDecimals() {
        Order order = order("zh-TW", "小美", "#3001", "TWD", List.of(item("茶具組", 2, "1280", "TWD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("台北小舖", "zh-TW", "TWD"), order, 1));

        assertThat(email.text()).contains("- 茶具組 × 2 — $2,560.00\n", "總計：$2,560.00", "歡迎來到台北小舖，小美！", "台北小舖敬上");
        assertThat(email.html()).contains("$2,560.00");
    }

    @Test
    void taiwanDollarOrderInEnglish() {
        Order order = order("en", "Mei", "#3001", "TWD", List.of(item("Tea set", 1, "1280", "TWD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Taipei Shop", "en", "TWD"), order, 1));

        assertThat(email.text()).contains("- Tea set × 1 — NT$1,280.00\n", "Total: NT$1,280.00");
    }

    // --- escaping ---

    @Test
    void scriptInTheCustomerNameIsEscapedInHtmlAndReadableInText() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", SCRIPT, 1));

        assertThat(email.html()).doesNotContainIgnoringCase("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(email.text()).startsWith("Welcome to Demo Shop, " + SCRIPT + "!");
        assertThat(email.subject()).isEqualTo("Welcome, " + SCRIPT + " — thank you for your order #1001");
    }

    @Test
    void scriptInALineItemTitleIsEscapedInHtmlAndReadableInText() {
        Order order = order("en", "Jane", "#1001", "USD", List.of(item(SCRIPT + " Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "en", "USD"), order, 1));

        assertThat(email.html()).doesNotContainIgnoringCase("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Mug &times; 1");
        assertThat(email.text()).contains("- " + SCRIPT + " Mug × 1 — $5.00");
    }

    @Test
    void markupInTheShopNameAndOrderNameIsEscaped() {
        Order order = order("zh-TW", "\"Jane\" <b>", "#1001<img src=x onerror=alert(1)>", "USD",
                List.of(item("Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Tom & Jerry's <i>Shop</i>", "en", "USD"), order, 2));

        assertThat(email.html()).doesNotContain("<i>", "<b>", "<img", "onerror=alert(1)>")
                .contains("Tom &amp; Jerry's &lt;i&gt;Shop&lt;/i&gt;", "\"Jane\" &lt;b&gt;")
                .contains("#1001&lt;img src=x onerror=alert(1)&gt;");
        assertThat(email.text()).contains("Tom & Jerry's <i>Shop</i> 敬上", "#1001<img src=x onerror=alert(1)>");
    }

    @Test
    void quotesInALinkCannotBreakOutOfTheHrefAttribute() {
        AffirmationView good = usdView("en", "Jane", 1);
        String url = "https://links.example.com/r/A\"onmouseover=\"alert(1)'x";
        RenderedEmail email = new AffirmationEmail(templates).render(new AffirmationView(good.shop(), good.order(), 1, url, UNSUBSCRIBE_URL));

        assertThat(email.html()).doesNotContain("href=\"https://links.example.com/r/A\"")
                .contains("href=\"https://links.example.com/r/A&#34;onmouseover=&#34;alert(1)&#39;x\"");
        assertThat(email.text()).contains(url);
    }

    @Test
    void subjectStaysOnOneLineWhateverTheNameContains() {
        RenderedEmail email = new AffirmationEmail(templates).render(usdView("en", "Jane\r\nBcc: victim@example.com", 1));

        assertThat(email.subject()).doesNotContain("\r", "\n")
                .isEqualTo("Welcome, Jane Bcc: victim@example.com — thank you for your order #1001");
    }

    @Test
    void linksWithAScriptSchemeAreRefused() {
        AffirmationView good = usdView("en", "Jane", 1);
        AffirmationView bad = new AffirmationView(good.shop(), good.order(), 1, "javascript:alert(1)", UNSUBSCRIBE_URL);
        AffirmationView sneaky = new AffirmationView(good.shop(), good.order(), 1, REFERRAL_URL, " java\tscript:alert(1)");

        assertThatThrownBy(() -> new AffirmationEmail(templates).render(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AffirmationEmail(templates).render(sneaky)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- order names ---

    @Test
    void bareOrderNumberGetsAHashSign() {
        Order order = order("en", "Jane", "1234", "USD", List.of(item("Mug", 1, "5.00", "USD")));
        RenderedEmail email = new AffirmationEmail(templates).render(view(shop("Demo Shop", "en", "USD"), order, 1));

        assertThat(email.subject()).isEqualTo("Welcome, Jane — thank you for your order #1234");
    }

    // --- reuse ---

    @Test
    void oneInstanceRendersConcurrentlyWithTheSameResult() throws Exception {
        AffirmationView view = usdView("zh-TW", "小美", 2);
        RenderedEmail expected = new AffirmationEmail(templates).render(view);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RenderedEmail>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> new AffirmationEmail(templates).render(view)));
            }
            for (Future<RenderedEmail> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
