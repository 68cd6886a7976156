package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import loyaltyloop.survey.SurveyEmails;

/** The survey's emails and pages, rendered in each language, with customer text escaped. */
@UnitTest
class SurveyEmailsTest {

    private static final SurveyEmails EMAILS = new SurveyEmails(new EmailTemplates());
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SCRIPT = "<script>alert(1)</script>";

    private static Coupon coupon(CouponTerms terms) {
        return new Coupon("demo.myshopify.com", "K7QH2MZPXW3A", "ana@example.com", terms, "USD", Coupon.Origin.SURVEY,
                "1001", Coupon.State.ISSUED, NOW, NOW.plus(Duration.ofDays(60)), null, null);
    }

    @ParameterizedTest
    @CsvSource({
        "en, 'how did your order #1001 go?', '20% off', 'Tell us how it went'",
        "zh-TW, '您的訂單 #1001 還滿意嗎？', '8 折優惠', '告訴我們您的感受'",
        "zh-CN, '您的订单 #1001 还满意吗？', '8 折优惠', '告诉我们您的感受'"})
    void theSurveyEmailSpeaksTheCustomersLanguageAndEscapesTheirName(String locale, String subject, String offer,
            String button) {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        RenderedEmail email = EMAILS.survey(shop, locale, SCRIPT, "#1001", 14, "https://x.example/s/tok",
                "https://x.example/u/tok");
        assertThat(email.subject()).contains(subject);
        assertThat(email.text()).contains(offer, "https://x.example/s/tok", "https://x.example/u/tok");
        assertThat(email.html()).contains("lang=\"" + locale + "\"", button, "href=\"https://x.example/s/tok\"")
                .doesNotContain(SCRIPT).contains("&lt;script&gt;");
    }

    @ParameterizedTest
    @CsvSource({"en, Your code", "zh-TW, 您的優惠碼", "zh-CN, 您的优惠码"})
    void theCouponEmailAndThankYouPageShowTheCodeAndItsTerms(String locale, String label) {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        RenderedEmail email = EMAILS.coupon(shop, locale, "Ana", coupon(CouponTerms.percentOff(20)));
        assertThat(email.text()).contains(label, "K7QH2MZPXW3A");
        String page = EMAILS.surveyThanks(shop, locale, coupon(CouponTerms.percentOff(20)));
        assertThat(page).contains("lang=\"" + locale + "\"", "class=\"code\">K7QH2MZPXW3A<");
    }

    @Test
    void aFixedAmountWithAMinimumOrderIsSpelledOut() {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        RenderedEmail email = EMAILS.coupon(shop, "en", null,
                coupon(new CouponTerms(CouponTerms.Kind.FIXED, 500, 5_000, 60)));
        assertThat(email.subject()).isEqualTo("Your code for $5.00 off at Demo Shop");
        assertThat(email.text()).contains("$5.00 off one order of $50.00 or more, valid until May 1, 2026, single use.");
    }

    @Test
    void aPendingCouponIsNeverShownOnThePage() {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        Coupon pending = new Coupon("demo.myshopify.com", "K7QH2MZPXW3A", "ana@example.com",
                CouponTerms.percentOff(20), "USD", Coupon.Origin.SURVEY, "1001", Coupon.State.PENDING, NOW,
                NOW.plus(Duration.ofDays(60)), null, null);
        assertThat(EMAILS.surveyThanks(shop, "en", pending)).doesNotContain("K7QH2MZPXW3A").contains("being set up");
    }

    @Test
    void theOwnerAlertEscapesTheCommentAndTheNameAndIsInTheShopsLanguage() {
        Shop shop = EmailFixtures.shop("Demo Shop", "zh-TW", "TWD");
        RenderedEmail alert = EMAILS.ownerAlert(shop, SCRIPT, "ana@example.com", 1, "Broken " + SCRIPT, "#1001",
                new Money(150_000, "TWD"), coupon(CouponTerms.percentOff(20)));
        assertThat(alert.subject()).contains("1/5").doesNotContain("\n");
        assertThat(alert.html()).contains("lang=\"zh-TW\"").doesNotContain(SCRIPT).contains("Broken &lt;script&gt;");
        assertThat(alert.text()).contains("Broken " + SCRIPT, "ana@example.com", "K7QH2MZPXW3A");
    }

    @Test
    void theSurveyFormRefillsARefusedAnswerAndSaysWhy() {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD").withSettings(new LoyaltySettings(null,
                new LoyaltySettings.CouponSettings(new CouponTerms(CouponTerms.Kind.PERCENT, 15, 0, 30), null, null,
                        null), null));
        String form = EMAILS.surveyForm(shop, "en", "#1001", "/s/tok", 3, "so-so " + SCRIPT,
                SurveyEmails.Problem.COMMENT_TOO_LONG);
        assertThat(form).contains("15% off", "value=\"3\" required checked", "under 2000 characters",
                "so-so &lt;script&gt;", "action=\"/s/tok\"").doesNotContain(SCRIPT);
    }

    @Test
    void aSurveyEmailWithoutItsLinksIsABug() {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        assertThatThrownBy(() -> EMAILS.survey(shop, "en", "Ana", "#1", 14, "javascript:alert(1)", "https://x/u/1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EMAILS.survey(shop, "en", "Ana", "#1", 14, "https://x/s/1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
