package loyaltyloop.email;

import loyaltyloop.owner.OwnerDigestEmail;
import static loyaltyloop.email.EmailFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import loyaltyloop.owner.OwnerDigestView.Health;
import loyaltyloop.owner.OwnerDigestView.Pick;
import loyaltyloop.owner.OwnerDigestView.Reason;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import loyaltyloop.owner.OwnerDigestView;

@UnitTest
class OwnerDigestEmailTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final LocalDate DAY = LocalDate.parse("2025-06-02");
    private static final Health HEALTH = new Health(1234, 12, 5, 30, 7, 3);

    private final EmailTemplates templates = new EmailTemplates();

    /** A top-10% customer whose follow-up is due at {@code dueAt}. */
    private static Pick vip(String name, String email, Instant dueAt) {
        return new Pick(Reason.VIP_DUE_SOON, name, email, 7, new Money(54000, "USD"),
                Instant.parse("2024-01-05T23:30:00Z"), Instant.parse("2025-04-20T01:00:00Z"), dueAt, "#1040", null);
    }

    private static Pick vip(String name) {
        return vip(name, name.toLowerCase() + "@example.com", Instant.parse("2025-06-06T09:00:00Z"));
    }

    /** A big first order yesterday. */
    private static Pick bigFirstOrder(String name, String email, String orderName, Money total) {
        return new Pick(Reason.BIG_FIRST_ORDER, name, email, 1, total, Instant.parse("2025-06-01T10:00:00Z"),
                Instant.parse("2025-06-01T10:00:00Z"), Instant.parse("2025-07-16T10:00:00Z"), orderName, total);
    }

    private static OwnerDigestView digest(String locale, List<Pick> picks) {
        return new OwnerDigestView(shop("Demo Shop", locale, "USD"), DAY, picks, HEALTH);
    }

    private static List<Pick> picks(int n) {
        List<Pick> all = List.of(vip("Jane"), vip("Wei"), vip("Ana"));
        return new ArrayList<>(all.subList(0, n));
    }

    /** The HTML part with the basic entities decoded, to check what a reader sees. */
    private static String visible(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    // --- subjects and headings ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 0 | Your loyalty loop today — Demo Shop",
            "en    | 1 | Today's pick: Jane — Demo Shop",
            "en    | 2 | Today's two: Jane and Wei — Demo Shop",
            "en    | 3 | Today's three: Jane, Wei and Ana — Demo Shop",
            "zh-TW | 0 | 今日回訪概況 — Demo Shop",
            "zh-TW | 1 | 今天值得聯繫的一位：Jane — Demo Shop",
            "zh-TW | 3 | 今天值得聯繫的三位：Jane、Wei、Ana — Demo Shop",
            "zh-CN | 0 | 今日回访概况 — Demo Shop",
            "zh-CN | 1 | 今天值得联系的一位：Jane — Demo Shop",
            "zh-CN | 2 | 今天值得联系的两位：Jane、Wei — Demo Shop",
            "zh-CN | 3 | 今天值得联系的三位：Jane、Wei、Ana — Demo Shop"})
    void subjectNamesTodaysPicks(String locale, int count, String subject) {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest(locale, picks(count)));

        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.html()).contains("<html lang=\"" + locale + "\">");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | 0 | Nothing needs your personal touch today",
            "en    | 1 | One customer worth a personal note today",
            "en    | 3 | Three customers worth a personal note today",
            "zh-TW | 0 | 今天沒有需要您親自聯繫的顧客",
            "zh-TW | 1 | 今天值得您親自聯繫的一位顧客",
            "zh-TW | 3 | 今天值得您親自聯繫的三位顧客",
            "zh-CN | 0 | 今天没有需要您亲自联系的顾客",
            "zh-CN | 1 | 今天值得您亲自联系的一位顾客",
            "zh-CN | 3 | 今天值得您亲自联系的三位顾客"})
    void headingSaysHowManyAreWorthAPersonalNote(String locale, int count, String heading) {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest(locale, picks(count)));

        assertThat(email.text()).startsWith(heading + "\n");
        assertThat(email.html()).contains(">" + heading + "</h1>");
    }

    @Test
    void threePicksAreListedInOrderWithTheirAddresses() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", picks(3)));

        assertThat(email.text()).contains("1. Jane <jane@example.com>\n", "2. Wei <wei@example.com>\n",
                "3. Ana <ana@example.com>\n");
        assertThat(email.text().indexOf("1. Jane")).isLessThan(email.text().indexOf("2. Wei"));
        assertThat(email.text().indexOf("2. Wei")).isLessThan(email.text().indexOf("3. Ana"));
        assertThat(email.html()).contains("href=\"mailto:jane@example.com\"", "href=\"mailto:wei@example.com\"",
                "href=\"mailto:ana@example.com\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void digestWithoutPicksStillShowsTheLoopsHealth(String locale) {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest(locale, List.of()));

        assertThat(email.text()).contains("1,234", "12", "30").doesNotContain("1. ", "mailto");
        assertThat(email.html()).contains(">1,234</td>").doesNotContain("mailto:");
    }

    @Test
    void digestDayIsShownForTheLocale() {
        assertThat(new OwnerDigestEmail(templates).render(digest("en", picks(1))).text()).startsWith(
                "One customer worth a personal note today\nJun 2, 2025\n\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-TW", picks(1))).text()).contains("\n2025年6月2日\n");
    }

    @Test
    void digestIsWrittenInTheShopsDefaultLanguage() {
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-HK", picks(1))).subject()).startsWith("今天值得聯繫的");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh", picks(1))).subject()).startsWith("今天值得联系的");
        assertThat(new OwnerDigestEmail(templates).render(digest(null, picks(1))).subject()).startsWith("Today's pick");
        assertThat(new OwnerDigestEmail(templates).render(digest("fr", picks(1))).subject()).startsWith("Today's pick");
    }

    // --- why ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-06-06T09:00:00Z | their follow-up goes out in 4 days; a personal note from you beats it.",
            "2025-06-06T23:59:00Z | their follow-up goes out in 4 days;",
            "2025-06-03T00:00:00Z | their follow-up goes out tomorrow;",
            "2025-06-02T18:00:00Z | their follow-up goes out today;",
            "2025-05-30T18:00:00Z | their follow-up goes out today;"})
    void vipDueSoonSaysWhenTheirFollowUpGoesOut(String dueAt, String wording) {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(vip("Jane", "jane@example.com",
                Instant.parse(dueAt)))));

        assertThat(email.text()).contains("   Why: One of your top 10% — " + wording);
        assertThat(visible(email.html())).contains("<strong>Why: </strong>One of your top 10% — " + wording);
    }

    @Test
    void vipDueSoonWithoutADueTimeStillExplainsWhy() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(vip("Jane", "jane@example.com", null))));

        assertThat(email.text()).contains(
                "Why: One of your top 10% and due for a follow-up soon; a personal note from you beats it.");
    }

    @Test
    void vipDueSoonInChinese() {
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-TW", picks(1))).text())
                .contains("   原因：消費前 10% 的顧客之一——自動回訪信將在 4 天後寄出；您親自寫幾句話，效果更好。\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-CN", picks(1))).text())
                .contains("   原因：消费前 10% 的顾客之一——自动回访邮件将在 4 天后发出；您亲自写几句话，效果更好。\n");
    }

    @Test
    void bigFirstOrderNamesTheOrderAndItsTotal() {
        Pick pick = bigFirstOrder("Ana Lima", "ana@example.com", "#1001", new Money(24000, "USD"));

        assertThat(new OwnerDigestEmail(templates).render(digest("en", List.of(pick))).text())
                .contains("   Why: Big first order yesterday: #1001, $240.00 — welcome them personally.\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-TW", List.of(pick))).text())
                .contains("   原因：昨天下了一筆大額首單：#1001，US$240.00——請親自歡迎這位新顧客。\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-CN", List.of(pick))).text())
                .contains("   原因：昨天下了一笔大额首单：#1001，US$240.00——请亲自欢迎这位新顾客。\n");
    }

    @Test
    void bigFirstOrderWithABareOrderNumberOrNoDetailsStillReadsWell() {
        Pick bare = bigFirstOrder("Ana", "ana@example.com", "1001", new Money(24000, "USD"));
        Pick none = new Pick(Reason.BIG_FIRST_ORDER, "Ana", "ana@example.com", 1, null, null, null, null, null, null);

        assertThat(new OwnerDigestEmail(templates).render(digest("en", List.of(bare))).text())
                .contains("Big first order yesterday: #1001, $240.00");
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(none)));
        assertThat(email.text()).contains("Why: Big first order yesterday — welcome them personally.\n   Orders: 1\n\n")
                .doesNotContain("null", "Lifetime spend", "Customer since", "Last contact");
    }

    // --- history ---

    @Test
    void eachPickShowsTheirOrderHistory() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", picks(1)));

        assertThat(email.text()).contains("1. Jane <jane@example.com>\n"
                + "   Why: One of your top 10% — their follow-up goes out in 4 days; a personal note from you beats it.\n"
                + "   Orders: 7\n"
                + "   Lifetime spend: $540.00\n"
                + "   Customer since: Jan 5, 2024\n"
                + "   Last contact: Apr 20, 2025\n");
        assertThat(visible(email.html())).contains(">Orders</td>", ">7</td>", ">Lifetime spend</td>", ">$540.00</td>",
                ">Customer since</td>", ">Jan 5, 2024</td>", ">Last contact</td>", ">Apr 20, 2025</td>");
    }

    @Test
    void historyDatesAreUtcDaysInTheLocalesStyle() {
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-TW", picks(1))).text())
                .contains("   訂單數：7\n   累計消費：US$540.00\n   首次購買：2024年1月5日\n   上次聯繫：2025年4月20日\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-CN", picks(1))).text())
                .contains("   订单数：7\n   累计消费：US$540.00\n   首次购买：2024年1月5日\n   上次联系：2025年4月20日\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | USD | 54000   | $540.00",
            "en    | JPY | 54000   | ¥54,000",
            "en    | TWD | 2400000 | NT$24,000.00",
            "zh-TW | USD | 54000   | US$540.00",
            "zh-TW | JPY | 54000   | ¥54,000",
            "zh-TW | TWD | 2400000 | $24,000.00",
            "zh-CN | JPY | 54000   | JP¥54,000",
            "zh-CN | TWD | 2400000 | NT$24,000.00"})
    void moneyIsFormattedForTheCurrencyAndLocale(String locale, String currency, long minor, String formatted) {
        Money money = new Money(minor, currency);
        Pick pick = bigFirstOrder("Ana", "ana@example.com", "#1001", money);
        Shop shop = shop("Demo Shop", locale, currency);
        RenderedEmail email = new OwnerDigestEmail(templates).render(new OwnerDigestView(shop, DAY, List.of(pick), HEALTH));

        assertThat(email.text()).contains("#1001" + (locale.equals("en") ? ", " : "，") + formatted);
        assertThat(email.html()).contains(">" + formatted + "</td>");
        if (currency.equals("JPY")) {
            assertThat(email.text() + email.html()).doesNotContain("54,000.00");
        }
    }

    // --- addresses ---

    @Test
    void pickWithoutANameIsHeadedByTheirAddressAsAMailtoLink() {
        Pick pick = bigFirstOrder(null, "wei@example.com", "#1001", new Money(24000, "USD"));
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(pick)));

        assertThat(email.subject()).isEqualTo("Today's pick: wei@example.com — Demo Shop");
        assertThat(email.text()).contains("1. wei@example.com\n   Why:");
        assertThat(email.html()).contains("1. <a href=\"mailto:wei@example.com\"");
    }

    @Test
    void pickWithNeitherNameNorAddressIsStillListed() {
        Pick pick = bigFirstOrder(" ", null, "#1001", new Money(24000, "USD"));
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(pick)));

        assertThat(email.subject()).isEqualTo("Today's pick: A customer — Demo Shop");
        assertThat(email.text()).contains("1. A customer\n");
        assertThat(email.html()).doesNotContain("mailto:", "null");
    }

    @Test
    void addressCannotAddHeadersOrMarkupToTheMailtoLink() {
        String email = "jane@example.com?bcc=evil@example.com&body=" + SCRIPT + "\"onclick=\"x";
        RenderedEmail rendered = new OwnerDigestEmail(templates).render(digest("en", List.of(vip("Jane", email, null))));

        assertThat(rendered.html()).doesNotContainIgnoringCase("<script")
                .contains("href=\"mailto:jane@example.com%3Fbcc%3Devil@example.com%26body%3D%3Cscript%3Ealert%281%29"
                        + "%3C%2Fscript%3E%22onclick%3D%22x\"")
                .contains(">jane@example.com?bcc=evil@example.com&amp;body=&lt;script&gt;alert(1)&lt;/script&gt;\"onclick=\"x</a>");
        assertThat(rendered.text()).contains("1. Jane <" + email + ">");
    }

    @Test
    void mailtoLinksAreMadeOnlyFromUsableAddresses() {
        assertThat(EmailLinks.mailtoUrl("jane.doe+shop@example.com")).isEqualTo("mailto:jane.doe+shop@example.com");
        assertThat(EmailLinks.mailtoUrl("小美@例子.台灣")).isEqualTo(
                "mailto:%E5%B0%8F%E7%BE%8E@%E4%BE%8B%E5%AD%90.%E5%8F%B0%E7%81%A3");
        List<String> unusable = Arrays.asList(null, " ", "no-at-sign", "@example.com", "jane@",
                "jane@example.com\r\nBcc: x@example.com", "jane doe@example.com");
        assertThat(unusable).allSatisfy(address -> assertThat(EmailLinks.mailtoUrl(address)).as(address).isNull());
    }

    @Test
    void unusableAddressIsShownAsTextWithoutALink() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(vip("Jane", "not an address", null))));

        assertThat(email.html()).contains(">not an address</p>").doesNotContain("mailto:");
    }

    // --- health and footer ---

    @Test
    void loopHealthShowsEveryFigure() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", picks(2)));

        assertThat(email.text()).contains("Loop health\n"
                + "- Customers: 1,234\n"
                + "- Follow-ups due in the next 7 days: 12\n"
                + "- Unreachable (unsubscribed, no consent or bounced): 5\n"
                + "- Follow-ups sent in the last 7 days: 30\n"
                + "- Surveys answered in the last 7 days: 7\n"
                + "- Loop coupons used on orders in the last 7 days: 3\n");
        assertThat(email.html()).contains(">Loop health</h2>", ">Customers</td>", ">1,234</td>",
                ">Follow-ups due in the next 7 days</td>", ">12</td>",
                ">Unreachable (unsubscribed, no consent or bounced)</td>", ">5</td>",
                ">Follow-ups sent in the last 7 days</td>", ">30</td>",
                ">Surveys answered in the last 7 days</td>", ">7</td>",
                ">Loop coupons used on orders in the last 7 days</td>", ">3</td>");
    }

    @Test
    void loopHealthInChinese() {
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-TW", picks(1))).text()).contains("回訪循環概況\n- 顧客總數：1,234\n"
                + "- 未來 7 天到期的回訪：12\n- 無法聯繫（已取消訂閱、未同意行銷或退信）：5\n- 過去 7 天寄出的回訪信：30\n");
        assertThat(new OwnerDigestEmail(templates).render(digest("zh-CN", picks(1))).text()).contains("回访循环概况\n- 顾客总数：1,234\n"
                + "- 未来 7 天到期的回访：12\n- 无法联系（已退订、未同意营销或退信）：5\n- 过去 7 天发出的回访邮件：30\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en    | Sent by loyalty-loop every morning when there is something to say.",
            "zh-TW | loyalty-loop 會在每天早上有事值得告訴您時寄出這封信。",
            "zh-CN | loyalty-loop 会在每天早上有事值得告诉您时发送这封邮件。"})
    void footerSaysWhyTheOwnerGetsThisAndOffersNoUnsubscribe(String locale, String footer) {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest(locale, picks(3)));

        assertThat(email.text()).endsWith("--\n" + footer + "\n");
        assertThat(email.html()).contains(">" + footer + "</p>")
                .doesNotContain("/u/", ">Unsubscribe</a>", ">取消訂閱</a>", ">取消订阅</a>");
        assertThat(email.text()).doesNotContain("/u/", "Unsubscribe:", "取消訂閱：", "取消订阅：");
    }

    // --- escaping ---

    @Test
    void scriptInPickNameShopNameAndOrderNameIsEscapedInHtmlAndReadableInText() {
        Pick pick = bigFirstOrder(SCRIPT, "ana@example.com", "#1001" + SCRIPT, new Money(24000, "USD"));
        Shop shop = shop(SCRIPT + " Shop", "en", "USD");
        RenderedEmail email = new OwnerDigestEmail(templates).render(new OwnerDigestView(shop, DAY, List.of(pick), HEALTH));

        assertThat(email.html()).doesNotContainIgnoringCase("<script")
                .contains("1. &lt;script&gt;alert(1)&lt;/script&gt;</h2>",
                        "#1001&lt;script&gt;alert(1)&lt;/script&gt;, $240.00",
                        "<title>Today's pick: &lt;script&gt;alert(1)&lt;/script&gt; — &lt;script&gt;alert(1)&lt;/script&gt; Shop</title>");
        assertThat(email.subject()).isEqualTo("Today's pick: " + SCRIPT + " — " + SCRIPT + " Shop");
        assertThat(email.text()).contains("1. " + SCRIPT + " <ana@example.com>", "#1001" + SCRIPT + ", $240.00");
    }

    @Test
    void subjectStaysOnOneLineWhateverTheNamesContain() {
        RenderedEmail email = new OwnerDigestEmail(templates).render(digest("en", List.of(vip("Jane\r\nBcc: victim@example.com",
                "jane@example.com", null))));

        assertThat(email.subject()).doesNotContain("\r", "\n")
                .isEqualTo("Today's pick: Jane Bcc: victim@example.com — Demo Shop");
    }
}
