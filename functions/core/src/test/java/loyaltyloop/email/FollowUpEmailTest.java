package loyaltyloop.email;

import loyaltyloop.followup.FollowUpEmail;
import static loyaltyloop.email.EmailFixtures.UNSUBSCRIBE_URL;
import static loyaltyloop.email.EmailFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import loyaltyloop.followup.FollowUpView;

@UnitTest
class FollowUpEmailTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SURVEY_URL = "https://links.example.com/s/eyJz.c2ln?x=1&y=2";
    private static final String MUG_TIP = "Warm it with hot water first and your coffee stays hot longer.";

    private final EmailTemplates templates = new EmailTemplates();

    private static final List<FollowUpView.Item> MUG = List.of(new FollowUpView.Item("Ceramic Mug", MUG_TIP));

    /** Jane at Demo Shop: customer for 400 days, 3 orders, had her last order (#1001) for 45 days. */
    private static FollowUpView view(String locale, String firstName, boolean vip, List<FollowUpView.Item> items,
            String surveyUrl) {
        return new FollowUpView(shop("Demo Shop", "en", "USD"), firstName, locale, vip, 400, 3, "#1001", 45, items,
                UNSUBSCRIBE_URL, surveyUrl);
    }

    private static FollowUpView view(String locale, boolean vip) {
        return view(locale, "Jane", vip, MUG, null);
    }

    private static FollowUpView withTenure(String locale, long daysAsCustomer) {
        return new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", locale, false, daysAsCustomer, 3, "#1001", 10,
                MUG, UNSUBSCRIBE_URL, null);
    }

    /** The HTML part with the basic entities decoded, to check what a reader sees. */
    private static String visible(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    // --- English ---

    @Test
    void regularFollowUpAsksAboutWhatTheyBoughtAndHowLongTheyHaveHadIt() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en-US", false));

        assertThat(email.subject()).isEqualTo("How's your Ceramic Mug, Jane?");
        assertThat(email.text()).startsWith("Hi Jane,\n\n"
                + "You've had your Ceramic Mug for 45 days now — we hope you're enjoying it.\n\n"
                + "You've been shopping with Demo Shop for over a year now — 3 orders so far. Thank you for coming back.\n");
        assertThat(email.html()).contains("<html lang=\"en\">", "<title>How's your Ceramic Mug, Jane?</title>");
        assertThat(visible(email.html())).contains("Hi Jane,",
                "You've had your Ceramic Mug for 45 days now — we hope you're enjoying it.",
                "You've been shopping with Demo Shop for over a year now");
    }

    @Test
    void vipFollowUpThanksThemForBeingOneOfTheBestCustomers() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", true));

        assertThat(email.subject()).isEqualTo("Jane, a thank-you from Demo Shop — how's your Ceramic Mug?");
        assertThat(email.text()).contains("you're one of our very best customers", "thank you",
                "With heartfelt thanks,\nDemo Shop\n")
                .doesNotContain("orders so far");
        assertThat(visible(email.html())).contains("you're one of our very best customers",
                "With heartfelt thanks,<br>Demo Shop");
    }

    @Test
    void vipFollowUpWithoutProductsIsAPlainThankYou() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane", true, List.of(), null));

        assertThat(email.subject()).isEqualTo("Jane, a thank-you from Demo Shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void vipAndRegularFollowUpsDifferInSubjectAndWording(String locale) {
        RenderedEmail regular = new FollowUpEmail(templates).render(view(locale, false));
        RenderedEmail vip = new FollowUpEmail(templates).render(view(locale, true));

        assertThat(vip.subject()).isNotEqualTo(regular.subject());
        String[] vipOnly = {"very best customers", "最珍惜的顧客", "最珍惜的顾客"};
        assertThat(vip.text()).containsAnyOf(vipOnly);
        for (String phrase : vipOnly) {
            assertThat(regular.text()).doesNotContain(phrase);
            assertThat(regular.html()).doesNotContain(phrase);
        }
    }

    @Test
    void regularFollowUpSignsOffWarmlyWithTheShopsSenderName() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", false));

        assertThat(email.text()).contains("If there's anything we can help with, just reply to this email.\n\n"
                + "Warm regards,\nDemo Shop\n");
        assertThat(email.html()).contains("Warm regards,<br>Demo Shop");
    }

    @Test
    void shopDomainStandsInForAMissingSenderName() {
        Shop noSender = shop(null, "en", "USD");
        RenderedEmail email = new FollowUpEmail(templates).render(new FollowUpView(noSender, "Jane", "en", false, 400, 3, "#1001", 45,
                List.of(), UNSUBSCRIBE_URL, null));

        assertThat(email.subject()).isEqualTo("Jane, a quick hello from demo.myshopify.com");
        assertThat(email.text()).contains("Warm regards,\ndemo.myshopify.com\n");
    }

    // --- Chinese ---

    @Test
    void followUpInTraditionalChinese() {
        RenderedEmail regular = new FollowUpEmail(templates).render(view("zh-TW", "小美", false, MUG, SURVEY_URL));
        RenderedEmail vip = new FollowUpEmail(templates).render(view("zh-Hant", "小美", true, MUG, null));

        assertThat(regular.subject()).isEqualTo("小美，您的 Ceramic Mug 用得還好嗎？");
        assertThat(regular.text()).startsWith("小美，您好！\n\n您的 Ceramic Mug 已經陪伴您 45 天了，希望您用得開心。\n\n"
                + "您在 Demo Shop 購物已經一年多了，至今共 3 筆訂單，謝謝您一再回來。\n")
                .contains("使用小訣竅\n- Ceramic Mug：" + MUG_TIP + "\n", "告訴我們您的體驗（約 2 分鐘）：" + SURVEY_URL,
                        "祝您一切順心！\nDemo Shop 敬上\n", "您收到這封信，是因為您曾在 Demo Shop 購物。",
                        "不想再收到我們的後續郵件嗎？取消訂閱：" + UNSUBSCRIBE_URL);
        assertThat(regular.html()).contains("<html lang=\"zh-TW\">", "小美，您好！", ">取消訂閱</a>",
                ">告訴我們您的體驗（約 2 分鐘）</a>");
        assertThat(vip.subject()).isEqualTo("小美，Demo Shop 想對您說聲謝謝——您的 Ceramic Mug 用得還好嗎？");
        assertThat(vip.text()).contains("是我們最珍惜的顧客之一", "由衷感謝您！\nDemo Shop 敬上");
        assertThat(regular.text() + regular.html() + vip.text() + vip.html())
                .doesNotContain("订单", "感谢", "链接", "邮件", "顾客", "诀窍");
    }

    @Test
    void followUpInSimplifiedChinese() {
        RenderedEmail regular = new FollowUpEmail(templates).render(view("zh-CN", "小明", false, MUG, SURVEY_URL));
        RenderedEmail vip = new FollowUpEmail(templates).render(view("zh-Hans", "小明", true, MUG, null));

        assertThat(regular.subject()).isEqualTo("小明，您的 Ceramic Mug 用得还好吗？");
        assertThat(regular.text()).startsWith("小明，您好！\n\n您的 Ceramic Mug 已经陪伴您 45 天了，希望您用得开心。\n\n"
                + "您在 Demo Shop 购物已经一年多了，至今共 3 笔订单，谢谢您一再回来。\n")
                .contains("使用小诀窍\n- Ceramic Mug：" + MUG_TIP + "\n", "告诉我们您的体验（约 2 分钟）：" + SURVEY_URL,
                        "祝您一切顺心！\nDemo Shop 敬上\n", "您收到这封邮件，是因为您曾在 Demo Shop 购物。",
                        "不想再收到我们的后续邮件吗？取消订阅：" + UNSUBSCRIBE_URL);
        assertThat(regular.html()).contains("<html lang=\"zh-CN\">", "小明，您好！", ">取消订阅</a>");
        assertThat(vip.subject()).isEqualTo("小明，Demo Shop 想对您说声谢谢——您的 Ceramic Mug 用得还好吗？");
        assertThat(vip.text()).contains("是我们最珍惜的顾客之一", "由衷感谢您！\nDemo Shop 敬上");
        assertThat(regular.text() + regular.html() + vip.text() + vip.html())
                .doesNotContain("訂單", "感謝", "連結", "郵件", "顧客", "訣竅");
    }

    @Test
    void chineseShopNameSitsInTheSentenceWithoutSpaces() {
        Shop taipei = shop("台北小舖", "zh-TW", "TWD");
        RenderedEmail email = new FollowUpEmail(templates).render(new FollowUpView(taipei, "小美", null, true, 45, 1, "#3001", 45,
                List.of(new FollowUpView.Item("茶具組", null)), UNSUBSCRIBE_URL, null));

        assertThat(email.subject()).isEqualTo("小美，台北小舖想對您說聲謝謝——您的茶具組用得還好嗎？");
        assertThat(email.text()).contains("您的茶具組已經陪伴您 45 天了", "您是台北小舖最珍惜的顧客之一。", "台北小舖敬上");
    }

    @Test
    void unknownCustomerLocaleFallsBackToTheShopsDefaultLanguage() {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "zh-HK", "USD"), "Jane", "fr-FR", false, 400, 3,
                "#1001", 45, MUG, UNSUBSCRIBE_URL, null);

        assertThat(new FollowUpEmail(templates).render(view).subject()).isEqualTo("Jane，您的 Ceramic Mug 用得還好嗎？");
    }

    // --- items and tips ---

    @Test
    void ownersTipsAreListedUnderGettingTheMostFromIt() {
        List<FollowUpView.Item> items = List.of(
                new FollowUpView.Item("Ceramic Mug", MUG_TIP),
                new FollowUpView.Item("Paper Filters", null),
                new FollowUpView.Item("Pour-over Kettle", "Pour slowly in circles, starting from the middle."));
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane", false, items, null));

        assertThat(email.text()).contains(
                "You've had your Ceramic Mug, Paper Filters and Pour-over Kettle for 45 days now — we hope you're enjoying them.",
                "Getting the most from them\n"
                        + "- Ceramic Mug: " + MUG_TIP + "\n"
                        + "- Pour-over Kettle: Pour slowly in circles, starting from the middle.\n\n")
                .doesNotContain("- Paper Filters");
        assertThat(visible(email.html())).contains(">Getting the most from them</h2>",
                "<strong>Ceramic Mug</strong>: " + MUG_TIP,
                "<strong>Pour-over Kettle</strong>: Pour slowly in circles")
                .doesNotContain("<strong>Paper Filters</strong>");
    }

    @Test
    void oneTipIsHeadedGettingTheMostFromIt() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", false));

        assertThat(email.text()).contains("Getting the most from it\n- Ceramic Mug: " + MUG_TIP + "\n");
    }

    @Test
    void itemsWithoutTipsLeaveTheTipsSectionOut() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane", false,
                List.of(new FollowUpView.Item("Ceramic Mug", null), new FollowUpView.Item("Saucer", "  ")), null));

        assertThat(email.text()).contains("You've had your Ceramic Mug and Saucer for 45 days now")
                .doesNotContain("Getting the most");
        assertThat(email.html()).doesNotContain("Getting the most", "<ul");
    }

    @Test
    void manyProductsAreSummarisedAfterTheFirstTwo() {
        List<FollowUpView.Item> items = List.of(new FollowUpView.Item("Mug", null), new FollowUpView.Item("Kettle", null),
                new FollowUpView.Item("Filters", null), new FollowUpView.Item("Beans", null));

        assertThat(new FollowUpEmail(templates).render(view("en", "Jane", false, items, null)).text())
                .contains("You've had your Mug, Kettle and 2 other items for 45 days now");
        assertThat(new FollowUpEmail(templates).render(view("zh-TW", "Jane", false, items, null)).text())
                .contains("您的 Mug、Kettle 等 4 件商品已經陪伴您 45 天了");
    }

    @Test
    void productsAreJoinedNaturallyInChinese() {
        List<FollowUpView.Item> items = List.of(new FollowUpView.Item("Mug", null), new FollowUpView.Item("茶壺", null),
                new FollowUpView.Item("Filters", null));

        assertThat(new FollowUpEmail(templates).render(view("zh-TW", "Jane", false, items, null)).text())
                .contains("您的 Mug、茶壺和 Filters 已經陪伴您 45 天了");
    }

    @Test
    void theSameProductTwiceIsNamedOnce() {
        List<FollowUpView.Item> items = List.of(new FollowUpView.Item("Mug", MUG_TIP), new FollowUpView.Item(" Mug ", MUG_TIP));
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane", false, items, null));

        assertThat(email.text()).contains("You've had your Mug for 45 days now — we hope you're enjoying it.")
                .containsOnlyOnce("- Mug: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void followUpWithoutItemsStillReadsWell(String locale) {
        RenderedEmail email = new FollowUpEmail(templates).render(view(locale, "Jane", false, List.of(), null));

        assertThat(email.subject()).isIn("Jane, a quick hello from Demo Shop", "Jane，來自 Demo Shop 的問候",
                "Jane，来自 Demo Shop 的问候");
        assertThat(email.text()).containsAnyOf("It's been 45 days since your order #1001, and we wanted to check in",
                "距離您的訂單 #1001 已經 45 天了", "距离您的订单 #1001 已经 45 天了");
        assertThat(email.subject() + email.text() + email.html()).doesNotContain("null", "Getting the most", "使用小");
        assertThat(email.subject() + email.text()).doesNotContain("  ", " ,", "，，");
    }

    @Test
    void followUpWithoutItemsOrOrderNameSpeaksOfTheLastOrder() {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", false, 400, 3, " ", 100,
                List.of(), UNSUBSCRIBE_URL, null);

        assertThat(new FollowUpEmail(templates).render(view).text())
                .contains("It's been 3 months since your last order, and we wanted to check in and see how everything is going.");
    }

    @Test
    void itemsWithBlankTitlesAreLeftOut() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane", false,
                List.of(new FollowUpView.Item(" ", "A tip for nothing"), new FollowUpView.Item(null, null)), null));

        assertThat(email.subject()).isEqualTo("Jane, a quick hello from Demo Shop");
        assertThat(email.text()).doesNotContain("A tip for nothing", "You've had your");
    }

    // --- tenure ---

    @ParameterizedTest
    @CsvSource({
            "1, 1 day",
            "30, 30 days",
            "59, 59 days",
            "60, 2 months",
            "100, 3 months",
            "364, 12 months",
            "365, a year",
            "400, over a year",
            "730, 2 years",
            "1000, over 2 years"})
    void tenureIsPhrasedInDaysThenMonthsThenYears(long days, String phrase) {
        RenderedEmail email = new FollowUpEmail(templates).render(withTenure("en", days));

        assertThat(email.text()).contains("You've been shopping with Demo Shop for " + phrase + " now — 3 orders so far.");
    }

    @ParameterizedTest
    @CsvSource({
            "zh-TW, 30, 您在 Demo Shop 購物已經 30 天了",
            "zh-TW, 100, 您在 Demo Shop 購物已經 3 個月了",
            "zh-TW, 365, 您在 Demo Shop 購物已經一年了",
            "zh-TW, 400, 您在 Demo Shop 購物已經一年多了",
            "zh-TW, 800, 您在 Demo Shop 購物已經 2 年多了",
            "zh-CN, 30, 您在 Demo Shop 购物已经 30 天了",
            "zh-CN, 100, 您在 Demo Shop 购物已经 3 个月了",
            "zh-CN, 400, 您在 Demo Shop 购物已经一年多了"})
    void tenureIsPhrasedNaturallyInChinese(String locale, long days, String phrase) {
        assertThat(new FollowUpEmail(templates).render(withTenure(locale, days)).text()).contains(phrase);
    }

    @Test
    void aLessThanOneDayDurationCountsAsOneDay() {
        assertThat(CommonWording.of(EmailLocale.EN).duration(0)).isEqualTo("1 day");
        assertThat(CommonWording.of(EmailLocale.EN).duration(-5)).isEqualTo("1 day");
    }

    @Test
    void oneOrderCustomerIsNotToldTheSameDurationTwice() {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", false, 45, 1, "#1001", 45,
                MUG, UNSUBSCRIBE_URL, null);
        RenderedEmail email = new FollowUpEmail(templates).render(view);

        assertThat(email.text()).containsOnlyOnce("45 days")
                .contains("Thank you again for choosing Demo Shop — we're so glad you found us.");
    }

    @Test
    void oneOrderCustomerWithADifferentTenureHearsBoth() {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", false, 100, 1, "#1001", 45,
                MUG, UNSUBSCRIBE_URL, null);

        assertThat(new FollowUpEmail(templates).render(view).text())
                .contains("You've been shopping with Demo Shop for 3 months now, and we're so glad you found us.");
    }

    @Test
    void newVipCustomerIsThankedWithoutRepeatingTheDuration() {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", true, 45, 1, "#1001", 45,
                MUG, UNSUBSCRIBE_URL, null);

        assertThat(new FollowUpEmail(templates).render(view).text()).containsOnlyOnce("45 days")
                .contains("You're one of our very best customers here at Demo Shop.");
    }

    // --- names ---

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankFirstNameGetsANeutralGreeting(String firstName) {
        RenderedEmail regular = new FollowUpEmail(templates).render(view("en", firstName, false, MUG, null));
        RenderedEmail vip = new FollowUpEmail(templates).render(view("en", firstName, true, List.of(), null));
        RenderedEmail hant = new FollowUpEmail(templates).render(view("zh-TW", firstName, false, MUG, null));
        RenderedEmail hans = new FollowUpEmail(templates).render(view("zh-CN", firstName, true, MUG, null));

        assertThat(regular.subject()).isEqualTo("How's your Ceramic Mug?");
        assertThat(regular.text()).startsWith("Hello,\n\n");
        assertThat(vip.subject()).isEqualTo("A thank-you from Demo Shop");
        assertThat(hant.subject()).isEqualTo("您的 Ceramic Mug 用得還好嗎？");
        assertThat(hant.text()).startsWith("您好！\n\n");
        assertThat(hans.subject()).isEqualTo("Demo Shop 想对您说声谢谢——您的 Ceramic Mug 用得还好吗？");
        for (RenderedEmail email : List.of(regular, vip, hant, hans)) {
            assertThat(email.subject() + email.text() + email.html()).doesNotContain("null", " ,", "，，", "Hi ,");
            assertThat(email.subject()).doesNotStartWith("，").doesNotStartWith(",");
        }
    }

    @Test
    void subjectStaysOnOneLineWhateverTheNameAndProductContain() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", "Jane\r\nBcc: victim@example.com", false,
                List.of(new FollowUpView.Item("Mug\nX-Header: 1", null)), null));

        assertThat(email.subject()).doesNotContain("\r", "\n")
                .isEqualTo("How's your Mug X-Header: 1, Jane Bcc: victim@example.com?");
    }

    // --- links ---

    @Test
    void surveyLinkAppearsOnlyWhenThereIsOne() {
        RenderedEmail with = new FollowUpEmail(templates).render(view("en", "Jane", false, MUG, SURVEY_URL));
        RenderedEmail without = new FollowUpEmail(templates).render(view("en", "Jane", false, MUG, null));

        assertThat(with.text()).contains("Tell us how it went (2 minutes): " + SURVEY_URL + "\n");
        assertThat(with.html()).contains("href=\"https://links.example.com/s/eyJz.c2ln?x=1&amp;y=2\"",
                ">Tell us how it went (2 minutes)</a>");
        assertThat(without.text() + without.html()).doesNotContain("Tell us how it went", "/s/", "honest words");
    }

    @Test
    void unsubscribeLinkIsVisibleInBothParts() {
        RenderedEmail email = new FollowUpEmail(templates).render(view("en", false));

        assertThat(email.text()).endsWith("--\nYou're receiving this because you shopped at Demo Shop.\n"
                + "Don't want our follow-up emails? Unsubscribe: " + UNSUBSCRIBE_URL + "\n");
        assertThat(email.html()).contains("href=\"https://links.example.com/u/eyJ0.c2ln-_x?a=1&amp;b=2\"");
        assertThat(visible(email.html())).contains("Don't want our follow-up emails? <a href=", ">Unsubscribe</a>");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void followUpWithoutAnUnsubscribeLinkIsRefused(String unsubscribeUrl) {
        FollowUpView view = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", false, 400, 3, "#1001", 45,
                MUG, unsubscribeUrl, null);

        assertThatThrownBy(() -> new FollowUpEmail(templates).render(view)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksWithAScriptSchemeAreRefused() {
        FollowUpView badSurvey = view("en", "Jane", false, MUG, "javascript:alert(1)");
        FollowUpView badUnsubscribe = new FollowUpView(shop("Demo Shop", "en", "USD"), "Jane", "en", false, 400, 3,
                "#1001", 45, MUG, " java\tscript:alert(1)", null);

        assertThatThrownBy(() -> new FollowUpEmail(templates).render(badSurvey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpEmail(templates).render(badUnsubscribe)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- escaping ---

    @Test
    void scriptInNameProductTipAndShopNameIsEscapedInHtmlAndReadableInText() {
        Shop shop = shop(SCRIPT + " Shop", "en", "USD");
        FollowUpView view = new FollowUpView(shop, SCRIPT, "en", true, 400, 3, "#1001", 45,
                List.of(new FollowUpView.Item(SCRIPT + " Mug", "Try " + SCRIPT + " daily")), UNSUBSCRIBE_URL, SURVEY_URL);
        RenderedEmail email = new FollowUpEmail(templates).render(view);

        assertThat(email.html()).doesNotContainIgnoringCase("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Mug", "Try &lt;script&gt;alert(1)&lt;/script&gt; daily",
                        "&lt;script&gt;alert(1)&lt;/script&gt; Shop");
        assertThat(email.text()).startsWith("Hi " + SCRIPT + ",\n")
                .contains("You've had your " + SCRIPT + " Mug for 45 days", "- " + SCRIPT + " Mug: Try " + SCRIPT + " daily",
                        "shopping with " + SCRIPT + " Shop", "\n" + SCRIPT + " Shop\n");
        assertThat(email.subject()).isEqualTo(SCRIPT + ", a thank-you from " + SCRIPT + " Shop — how's your " + SCRIPT + " Mug?");
    }

    @Test
    void markupAndQuotesInCustomerTextCannotOpenTagsOrAttributes() {
        FollowUpView view = view("zh-TW", "\"Jane\" <b>", false,
                List.of(new FollowUpView.Item("Mug <img src=x onerror=alert(1)>", "Tom & Jerry's \"tip\"")), null);
        String html = new FollowUpEmail(templates).render(view).html();

        assertThat(html).doesNotContain("<b>", "<img", "onerror=alert(1)>")
                .contains("\"Jane\" &lt;b&gt;", "Mug &lt;img src=x onerror=alert(1)&gt;", "Tom &amp; Jerry's \"tip\"");
    }

    @Test
    void htmlPartIsACompleteMobileFriendlyDocumentWithoutExternalAssets() {
        String html = new FollowUpEmail(templates).render(view("en", "Jane", true, MUG, SURVEY_URL)).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("max-width:560px")
                .doesNotContain("<img", "<link", "src=", "<script");
    }
}
