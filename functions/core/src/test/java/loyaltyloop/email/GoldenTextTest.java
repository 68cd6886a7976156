package loyaltyloop.email;

import loyaltyloop.owner.OwnerDigestEmail;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.affirmation.AffirmationEmail;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.Customers;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import loyaltyloop.affirmation.AffirmationView;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.owner.OwnerDigestView;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.privacy.CustomerExport;
import loyaltyloop.privacy.DataExportEmail;
import loyaltyloop.survey.SurveyEmails;

/**
 * Every email kind and every page, in every language, rendered from fixed sample data and compared byte for byte
 * with its golden file under {@code src/test/resources/golden/} (one file per kind and language). The files are the
 * texts customers and owners read today: a change to any sentence, layout or escaping shows up here as a diff.
 *
 * <p>After an intended change, rewrite the files with {@code -Dgolden.update=true} and review their diff.
 */
@UnitTest
class GoldenTextTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SURVEY_URL = "https://links.example.com/s/eyJzdXJ2ZXki.c2ln";
    private static final String STATEMENT_URL = "https://links.example.com/p/eyJwb2ludHMi.c2ln";
    private static final String FORM_ACTION = "https://links.example.com/p/eyJwb2ludHMi.c2ln/redeem";

    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private static final SurveyEmails SURVEY_EMAILS = new SurveyEmails(TEMPLATES);
    private static final PointsEmails POINTS_EMAILS = new PointsEmails(TEMPLATES);

    /** The three languages, by the name their golden files carry and the locale tag a customer would have. */
    enum Lang {
        EN("en", "en"), ZH_HANT("zh-Hant", "zh-TW"), ZH_HANS("zh-Hans", "zh-CN");

        final String fileName;
        final String tag;

        Lang(String fileName, String tag) {
            this.fileName = fileName;
            this.tag = tag;
        }

        EmailLocale locale() {
            return EmailLocale.resolve(tag, null);
        }
    }

    private static final Map<String, Function<Lang, String>> KINDS = Map.ofEntries(
            Map.entry("affirmation", GoldenTextTest::affirmation),
            Map.entry("follow-up", GoldenTextTest::followUp),
            Map.entry("survey", GoldenTextTest::survey),
            Map.entry("coupon", GoldenTextTest::coupon),
            Map.entry("service-recovery", GoldenTextTest::serviceRecovery),
            Map.entry("owner-alert", GoldenTextTest::ownerAlert),
            Map.entry("points", GoldenTextTest::points),
            Map.entry("owner-digest", GoldenTextTest::ownerDigest),
            Map.entry("data-export", GoldenTextTest::dataExport),
            Map.entry("unsubscribe-page", GoldenTextTest::unsubscribePages),
            Map.entry("link-problem-page", GoldenTextTest::linkProblemPages),
            Map.entry("survey-page", GoldenTextTest::surveyPages),
            Map.entry("points-page", GoldenTextTest::pointsPages));

    static Stream<Arguments> kindsAndLanguages() {
        return KINDS.keySet().stream().sorted()
                .flatMap(kind -> Stream.of(Lang.values()).map(lang -> Arguments.of(kind, lang)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("kindsAndLanguages")
    void rendersExactlyAsItsGoldenFile(String kind, Lang lang) throws IOException {
        String actual = KINDS.get(kind).apply(lang);
        Path file = GOLDEN.resolve(kind + "." + lang.fileName + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; write it with -Dgolden.update=true");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(file + " differs from what renders now (rewrite with -Dgolden.update=true if intended):\n"
                    + LineDiff.of(expected, actual));
        }
    }

    // --- emails ---

    private static String affirmation(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        Order usd = order(lang.tag, "Ana", "#1001", "USD", List.of(
                item("Ceramic Mug", 2, "19.95", "USD"), item("Pour-over Kettle", 1, "79.90", "USD")));
        Order twdUnnamed = order("", null, "1002", "TWD", List.of(item("手沖壺", 1, "1200", "TWD")));
        Order scriptName = order(lang.tag, SCRIPT, "#1003", "USD", List.of(item(SCRIPT + " Mug", 1, "9.50", "USD")));
        Order noName = order(lang.tag, " ", null, "JPY", List.of(item("Tea", 3, "500", "JPY")));
        return new Golden()
                .email("welcome, named", new AffirmationEmail(TEMPLATES).render(new AffirmationView(demo, usd, 1,
                        EmailFixtures.REFERRAL_URL, EmailFixtures.UNSUBSCRIBE_URL)))
                .email("welcome, no name, shop language, Chinese shop name, bare order number",
                        new AffirmationEmail(TEMPLATES).render(new AffirmationView(shop("台北小舖", lang.tag, "TWD"), twdUnnamed, 1,
                                EmailFixtures.REFERRAL_URL, EmailFixtures.UNSUBSCRIBE_URL)))
                .email("repeat 2nd order, script name", new AffirmationEmail(TEMPLATES).render(new AffirmationView(demo, scriptName, 2,
                        EmailFixtures.REFERRAL_URL, EmailFixtures.UNSUBSCRIBE_URL)))
                .email("repeat 11th order, no name, no order name, no links",
                        new AffirmationEmail(TEMPLATES).render(new AffirmationView(shop(" ", "en", "JPY"), noName, 11, null, null)))
                .email("repeat 23rd order", new AffirmationEmail(TEMPLATES).render(new AffirmationView(demo, usd, 23,
                        EmailFixtures.REFERRAL_URL, EmailFixtures.UNSUBSCRIBE_URL)))
                .email("a huge order paid in Kuwaiti dinars at a US shop: the first lines, how many more, what was paid",
                        new AffirmationEmail(TEMPLATES).render(new AffirmationView(demo, hugeInDinars(lang), 1,
                                EmailFixtures.REFERRAL_URL, EmailFixtures.UNSUBSCRIBE_URL)))
                .text();
    }

    /** 10,000 lines sent, 50 kept, 20 shown; paid in KWD (three decimals, a letter symbol in every language). */
    private static Order hugeInDinars(Lang lang) {
        List<LineItem> items = new java.util.ArrayList<>();
        List<loyaltyloop.orders.Money> paid = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            items.add(item("Sticker " + i, 1, "1.00", "USD"));
            paid.add(new loyaltyloop.orders.Money(308, "KWD"));
        }
        Order order = order(lang.tag, "Ana", "#1005", "USD", items);
        return loyaltyloop.orders.Orders.anOrderLike(order).total(new loyaltyloop.orders.Money(1_000_000, "USD"))
                .omittedLineItems(9_950)
                .presentment(new Order.Presentment("KWD", new loyaltyloop.orders.Money(3_080_000, "KWD"),
                        new loyaltyloop.orders.Money(3_080_000, "KWD"), paid))
                .build();
    }

    private static String followUp(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        Shop taipei = shop("台北小舖", "en", "TWD");
        FollowUpView.Item mug = new FollowUpView.Item("Ceramic Mug", "Warm it with hot water before you pour.");
        FollowUpView.Item kettle = new FollowUpView.Item("Pour-over Kettle", "Descale it once a month.");
        FollowUpView.Item beans = new FollowUpView.Item("Coffee Beans", null);
        FollowUpView.Item filter = new FollowUpView.Item("Paper Filters", " ");
        FollowUpView.Item scale = new FollowUpView.Item("Scale", null);
        String unsubscribe = EmailFixtures.UNSUBSCRIBE_URL;
        return new Golden()
                .email("regular, one product with a tip, one order, survey link", new FollowUpEmail(TEMPLATES).render(new FollowUpView(
                        demo, "Ana", lang.tag, false, 45, 1, "#1001", 45, List.of(mug), unsubscribe, SURVEY_URL)))
                .email("regular, three products without tips, returning, over a year, no name",
                        new FollowUpEmail(TEMPLATES).render(new FollowUpView(demo, null, lang.tag, false, 400, 2, "#1004", 100,
                                List.of(beans, filter, beans, scale), unsubscribe, null)))
                .email("regular, five products, one order, tenure differs", new FollowUpEmail(TEMPLATES).render(new FollowUpView(demo,
                        "Ana", lang.tag, false, 70, 1, "#1001", 20,
                        List.of(mug, kettle, beans, filter, scale), unsubscribe, null)))
                .email("regular, no products, order name, returning", new FollowUpEmail(TEMPLATES).render(new FollowUpView(taipei,
                        "Ana", lang.tag, false, 200, 3, "1007", 200, List.of(), unsubscribe, SURVEY_URL)))
                .email("regular, no products, no order name, same day", new FollowUpEmail(TEMPLATES).render(new FollowUpView(demo, "",
                        lang.tag, false, 0, 1, null, 0, List.of(), unsubscribe, null)))
                .email("vip, products with tips, two years, script name", new FollowUpEmail(TEMPLATES).render(new FollowUpView(demo,
                        SCRIPT, lang.tag, true, 730, 6, "#1010", 50, List.of(mug, kettle), unsubscribe, SURVEY_URL)))
                .email("vip, one product, over a year", new FollowUpEmail(TEMPLATES).render(new FollowUpView(taipei, "Ana", lang.tag,
                        true, 366, 4, "#1011", 90, List.of(beans), unsubscribe, null)))
                .email("vip, no products, tenure same as since order, no name", new FollowUpEmail(TEMPLATES).render(new FollowUpView(
                        taipei, null, lang.tag, true, 365, 1, "#1012", 365, List.of(), unsubscribe, null)))
                .text();
    }

    private static String survey(Lang lang) {
        return new Golden()
                .email("named, percent off", SURVEY_EMAILS.survey(shop("Demo Shop", "en", "USD"), lang.tag, "Ana",
                        "#1001", 14, SURVEY_URL, EmailFixtures.UNSUBSCRIBE_URL))
                .email("script name, fixed amount, Chinese shop, a day", SURVEY_EMAILS.survey(
                        fixedShop("台北小舖", "en"), lang.tag, SCRIPT, "1002", 0, SURVEY_URL,
                        EmailFixtures.UNSUBSCRIBE_URL))
                .email("no name, one day", SURVEY_EMAILS.survey(shop("Demo Shop", "en", "USD"), lang.tag, null,
                        "#1003", 1, SURVEY_URL, EmailFixtures.UNSUBSCRIBE_URL))
                .text();
    }

    private static String coupon(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        return new Golden()
                .email("named, percent off", SURVEY_EMAILS.coupon(demo, lang.tag, "Ana",
                        coupon(CouponTerms.percentOff(20), Coupon.State.ISSUED)))
                .email("no name, fixed amount with minimum", SURVEY_EMAILS.coupon(fixedShop("台北小舖", "en"), lang.tag,
                        null,
                        coupon(new CouponTerms(CouponTerms.Kind.FIXED, 500, 5_000, 60), Coupon.State.ISSUED)))
                .email("script name, 15% off", SURVEY_EMAILS.coupon(demo, lang.tag, SCRIPT,
                        coupon(CouponTerms.percentOff(15), Coupon.State.ISSUED)))
                .text();
    }

    private static String serviceRecovery(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        return new Golden()
                .email("named, with coupon", SURVEY_EMAILS.serviceRecovery(demo, lang.tag, "Ana", "#1001",
                        coupon(CouponTerms.percentOff(20), Coupon.State.ISSUED)))
                .email("script name, without coupon, Chinese shop", SURVEY_EMAILS.serviceRecovery(
                        shop("台北小舖", "en", "TWD"), lang.tag, SCRIPT, "1002", null))
                .text();
    }

    private static String ownerAlert(Lang lang) {
        Shop demo = shop("Demo Shop", lang.tag, "USD");
        return new Golden()
                .email("named, script comment, total, coupon", SURVEY_EMAILS.ownerAlert(demo, "Ana Lee",
                        "ana@example.com", 1, "Broken on arrival " + SCRIPT, "#1001", new Money(11_980, "USD"),
                        coupon(CouponTerms.percentOff(20), Coupon.State.ISSUED)))
                .email("email only, no comment, no total, no coupon", SURVEY_EMAILS.ownerAlert(demo, " ",
                        "bo@example.com", 2, "  ", "1002", null, null))
                .email("script name, fixed coupon", SURVEY_EMAILS.ownerAlert(fixedShop("台北小舖", lang.tag), SCRIPT,
                        "cy@example.com", 2, "Too slow.\nSecond line.", "#1003", new Money(150_000, "TWD"),
                        coupon(new CouponTerms(CouponTerms.Kind.FIXED, 500, 0, 30), Coupon.State.ISSUED)))
                .text();
    }

    private static String dataExport(Lang lang) {
        DataExportEmail email = new DataExportEmail(TEMPLATES);
        CustomerExport.Summary summary = new CustomerExport.Summary(List.of("820982911946154508", "1002"), 1, 2,
                1500, 3, 7, false);
        CustomerExport.Summary nothing = new CustomerExport.Summary(List.of(), 0, 0, 0, 0, 0, true);
        return new Golden()
                .email("everything, two orders", email.render(shop("Demo Shop", lang.tag, "USD"), "ana@example.com",
                        "customer-data-9999.json", summary))
                .email("nothing stored, script shop name", email.render(shop(SCRIPT, lang.tag, "USD"),
                        "bo@example.com", "customer-data-7.json", nothing))
                .text();
    }

    private static String points(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        Customer ana = customer("Ana", lang.tag);
        Instant at = NOW.minus(Duration.ofHours(1));
        return new Golden()
                .message("friend named, no bonus", POINTS_EMAILS.creditedEmail(demo, ana,
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-1", 500, at, "Bo", 0, null, null), 1_500,
                        STATEMENT_URL))
                .message("friend unnamed, tenure bonus", POINTS_EMAILS.creditedEmail(demo, ana,
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-2", 750, at, null, 0, null, "tenure"), 750,
                        STATEMENT_URL))
                .message("script friend, top bonus, Chinese shop", POINTS_EMAILS.creditedEmail(
                        shop("台北小舖", "en", "TWD"), customer(SCRIPT, lang.tag),
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-3", 1_000, at, SCRIPT, 0, null, "top"),
                        12_345, STATEMENT_URL))
                .message("both bonuses", POINTS_EMAILS.creditedEmail(demo, ana,
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-4", 1_500, at, "Cy", 0, null, "tenure+top"),
                        3_000, STATEMENT_URL))
                .message("branded, logo, script shop name", POINTS_EMAILS.creditedEmail(branded(SCRIPT, "en",
                        "https://cdn.example.com/logo.png?a=1&b=2"), ana,
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-5", 500, at, "Di", 0, null, null), 500,
                        STATEMENT_URL))
                .text();
    }

    private static String ownerDigest(Lang lang) {
        Shop demo = shop("Demo Shop", lang.tag, "USD");
        Instant firstOrder = Instant.parse("2025-01-15T10:00:00Z");
        Instant lastContact = Instant.parse("2026-01-20T18:30:00Z");
        OwnerDigestView.Pick vipInThreeDays = new OwnerDigestView.Pick(OwnerDigestView.Reason.VIP_DUE_SOON, "Ana Lee",
                "ana@example.com", 7, new Money(54_000, "USD"), firstOrder, lastContact,
                NOW.plus(Duration.ofDays(3)), "#1001", null);
        OwnerDigestView.Pick lowRating = new OwnerDigestView.Pick(OwnerDigestView.Reason.LOW_RATING, SCRIPT,
                "bo+shop@example.com", 1, new Money(2_500, "USD"), firstOrder, null, null, "1002", null);
        OwnerDigestView.Pick bigFirst = new OwnerDigestView.Pick(OwnerDigestView.Reason.BIG_FIRST_ORDER, null,
                "cy@example.com?bcc=x@example.com", 1, new Money(99_900, "USD"), NOW.minus(Duration.ofDays(1)),
                null, null, "#1003", new Money(99_900, "USD"));
        OwnerDigestView.Pick nobody = new OwnerDigestView.Pick(OwnerDigestView.Reason.VIP_DUE_SOON, null, null, 3,
                null, null, null, null, null, null);
        OwnerDigestView.Pick vipToday = new OwnerDigestView.Pick(OwnerDigestView.Reason.VIP_DUE_SOON, "Dee",
                "dee@example.com", 4, new Money(30_000, "USD"), firstOrder, lastContact,
                NOW.minus(Duration.ofDays(2)), null, null);
        OwnerDigestView.Pick vipTomorrow = new OwnerDigestView.Pick(OwnerDigestView.Reason.VIP_DUE_SOON, "Eve",
                "eve@example.com", 5, null, null, null, NOW.plus(Duration.ofDays(1)), null, null);
        OwnerDigestView.Pick bigUnknown = new OwnerDigestView.Pick(OwnerDigestView.Reason.BIG_FIRST_ORDER, "Fay",
                "fay@example.com", 1, null, null, null, null, null, null);
        OwnerDigestView.Pick bigNoName = new OwnerDigestView.Pick(OwnerDigestView.Reason.BIG_FIRST_ORDER, "Gus",
                "gus@example.com", 1, null, null, null, null, null, new Money(80_000, "USD"));
        OwnerDigestView.Pick lowNoOrder = new OwnerDigestView.Pick(OwnerDigestView.Reason.LOW_RATING, "Hal",
                "hal@example.com", 2, null, null, null, null, null, null);
        OwnerDigestView.Health health = new OwnerDigestView.Health(1_250, 42, 17, 380, 55, 12);
        return new Golden()
                .email("three picks, full health", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(demo, TODAY,
                        List.of(vipInThreeDays, lowRating, bigFirst), health)))
                .email("no picks, four health figures", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(demo, TODAY,
                        List.of(), new OwnerDigestView.Health(3, 0, 1, 2))))
                .email("branded, colour only, no picks", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(
                        branded("Demo Shop", lang.tag, null), TODAY, List.of(), new OwnerDigestView.Health(3, 0, 1, 2))))
                .email("one pick with neither name nor email, no health", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(
                        shop("台北小舖", lang.tag, "TWD"), TODAY, List.of(nobody), null)))
                .email("two picks", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(demo, TODAY,
                        List.of(vipToday, vipTomorrow), health)))
                .email("five picks, partial facts, no day", new OwnerDigestEmail(TEMPLATES).render(new OwnerDigestView(demo, null,
                        List.of(bigUnknown, bigNoName, lowNoOrder, vipInThreeDays, nobody), health)))
                .text();
    }

    // --- pages ---

    private static String unsubscribePages(Lang lang) {
        EmailLocale locale = lang.locale();
        return new Golden()
                .page("unsubscribe", TEMPLATES.unsubscribePage(locale, "Demo Shop", "/u/eyJ0.c2ln?a=1&b=2"))
                .page("unsubscribe, Chinese shop name, absolute action",
                        TEMPLATES.unsubscribePage(locale, "台北小舖", EmailFixtures.UNSUBSCRIBE_URL))
                .page("unsubscribe, script shop name", TEMPLATES.unsubscribePage(locale, SCRIPT, "/u/t"))
                .page("unsubscribed", TEMPLATES.unsubscribedPage(locale, "Demo Shop"))
                .page("unsubscribed, Chinese shop name", TEMPLATES.unsubscribedPage(locale, "台北小舖"))
                .page("unsubscribed, no shop name", TEMPLATES.unsubscribedPage(locale, (String) null))
                .text();
    }

    private static String linkProblemPages(Lang lang) {
        EmailLocale locale = lang.locale();
        return new Golden()
                .page("expired (410)", TEMPLATES.linkProblemPage(locale, 410))
                .page("invalid (400)", TEMPLATES.linkProblemPage(locale, 400))
                .page("invalid (404)", TEMPLATES.linkProblemPage(locale, 404))
                .page("try later (500)", TEMPLATES.linkProblemPage(locale, 500))
                .page("try later (503)", TEMPLATES.linkProblemPage(locale, 503))
                .text();
    }

    private static String surveyPages(Lang lang) {
        Shop demo = shop("Demo Shop", "en", "USD");
        String action = "/s/eyJzdXJ2ZXki.c2ln";
        return new Golden()
                .page("form", SURVEY_EMAILS.surveyForm(demo, lang.tag, "#1001", action, null, null, null))
                .page("form, rating missing, comment kept", SURVEY_EMAILS.surveyForm(demo, lang.tag, "1001", action,
                        null, "Great " + SCRIPT, SurveyEmails.Problem.RATING_MISSING))
                .page("form, comment too long, rating kept", SURVEY_EMAILS.surveyForm(fixedShop("台北小舖", "en"),
                        lang.tag, "#1002", SURVEY_URL, 4, "x".repeat(40), SurveyEmails.Problem.COMMENT_TOO_LONG))
                .page("form, no shop name", SURVEY_EMAILS.surveyForm(shop(" ", "en", "USD"), lang.tag, null, action, 1,
                        "", null))
                .page("thank-you with coupon", SURVEY_EMAILS.surveyThanks(demo, lang.tag,
                        coupon(CouponTerms.percentOff(20), Coupon.State.ISSUED)))
                .page("thank-you with fixed coupon and minimum", SURVEY_EMAILS.surveyThanks(
                        fixedShop("台北小舖", "en"), lang.tag,
                        coupon(new CouponTerms(CouponTerms.Kind.FIXED, 500, 5_000, 60), Coupon.State.REDEEMED)))
                .page("thank-you, coupon pending", SURVEY_EMAILS.surveyThanks(demo, lang.tag,
                        coupon(CouponTerms.percentOff(20), Coupon.State.PENDING)))
                .page("thank-you, no coupon yet", SURVEY_EMAILS.surveyThanks(demo, lang.tag, null))
                .text();
    }

    private static String pointsPages(Lang lang) {
        EmailLocale locale = lang.locale();
        Shop demo = shop("Demo Shop", "en", "USD");
        Shop fixedTiers = shop("台北小舖", "en", "TWD").withSettings(new LoyaltySettings(null, null,
                new LoyaltySettings.ReferralSettings(500, 365, 1.5, 2.0, 60, List.of(
                        new LoyaltySettings.RedeemTier(300, new CouponTerms(CouponTerms.Kind.FIXED, 15_000, 0, 30)),
                        new LoyaltySettings.RedeemTier(2_000, CouponTerms.percentOff(25)))))
                .withPostalAddress(POSTAL_ADDRESS));
        List<LedgerEntry> ledger = List.of(
                new LedgerEntry(LedgerEntry.Reason.REDEEM, "r-1", -500, NOW.minus(Duration.ofDays(1)), null, 0,
                        "K7QH2MZPXW3A", null),
                new LedgerEntry(LedgerEntry.Reason.CLAWBACK, "o-3:cancel", -250, NOW.minus(Duration.ofDays(5)), null,
                        0, null, "cancel"),
                new LedgerEntry(LedgerEntry.Reason.CLAWBACK, "o-2:r-9", -750, NOW.minus(Duration.ofDays(9)), null,
                        1_250, null, null),
                new LedgerEntry(LedgerEntry.Reason.ADJUSTMENT, "adj-1", 100, NOW.minus(Duration.ofDays(20)), null, 0,
                        null, null),
                new LedgerEntry(LedgerEntry.Reason.REDEEM, "r-0", -1_000, NOW.minus(Duration.ofDays(30)), null, 0,
                        null, null),
                new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-2", 1_500, NOW.minus(Duration.ofDays(40)), SCRIPT, 0,
                        null, "tenure+top"),
                new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-1", 500, NOW.minus(Duration.ofDays(400)), null, 0,
                        null, null));
        Coupon percent = pointsCoupon(CouponTerms.percentOff(10), "USD");
        Coupon fixed = pointsCoupon(new CouponTerms(CouponTerms.Kind.FIXED, 15_000, 0, 30), "TWD");
        return new Golden()
                .page("statement, one tier affordable", POINTS_EMAILS.statementPage(locale, demo, 750, ledger,
                        FORM_ACTION, "rid-7Q2"))
                .page("statement, empty, fixed tier", POINTS_EMAILS.statementPage(locale, fixedTiers, 0, List.of(),
                        FORM_ACTION, "rid-8R3"))
                .page("statement, every tier affordable", POINTS_EMAILS.statementPage(locale, fixedTiers, 12_345,
                        ledger.subList(5, 7), FORM_ACTION, "rid-9S4"))
                .page("coupon, percent off", POINTS_EMAILS.couponPage(locale, demo, percent, 250, STATEMENT_URL))
                .page("coupon, fixed amount", POINTS_EMAILS.couponPage(locale, fixedTiers, fixed, 0, STATEMENT_URL))
                .page("preparing", POINTS_EMAILS.preparingPage(locale, 500, FORM_ACTION, "rid-7Q2"))
                .page("not enough points", POINTS_EMAILS.notEnoughPointsPage(locale, 1_000, 750, STATEMENT_URL))
                .page("unknown tier", POINTS_EMAILS.unknownTierPage(locale, STATEMENT_URL))
                .page("unavailable", POINTS_EMAILS.unavailablePage(locale, STATEMENT_URL))
                .page("unknown referral code", POINTS_EMAILS.unknownReferralPage(locale))
                .text();
    }

    // --- sample data ---

    /** The sample shop, with the postal address marketing and points emails show in their footer. */
    private static Shop shop(String senderName, String defaultLocale, String currency) {
        Shop shop = EmailFixtures.shop(senderName, defaultLocale, currency);
        return shop.withSettings(shop.settings().withPostalAddress(POSTAL_ADDRESS));
    }

    /** A shop with its brand set: colour {@code #0F766E} and the logo (or none). */
    private static Shop branded(String senderName, String defaultLocale, String logoUrl) {
        Shop shop = shop(senderName, defaultLocale, "USD");
        LoyaltySettings s = shop.settings();
        return shop.withSettings(new LoyaltySettings(s.survey(), s.coupons(), s.referrals(), s.ladder(), s.messages(),
                new LoyaltySettings.Brand("#0F766E", logoUrl), s.mail(), s.history(), s.retention()));
    }

    private static final String POSTAL_ADDRESS = "Demo Shop, 1 Example Street, Springfield, IL 62701, USA";

    /** A TWD shop whose survey earns NT$5.00 off an order of NT$50.00 or more. */
    private static Shop fixedShop(String senderName, String defaultLocale) {
        Shop shop = shop(senderName, defaultLocale, "TWD");
        return shop.withSettings(new LoyaltySettings(null, new LoyaltySettings.CouponSettings(
                new CouponTerms(CouponTerms.Kind.FIXED, 500, 5_000, 60), null, null, null), null)
                .withPostalAddress(POSTAL_ADDRESS));
    }

    private static Order order(String locale, String firstName, String orderName, String currency,
            List<LineItem> items) {
        return EmailFixtures.order(locale, firstName, orderName, currency, items);
    }

    private static LineItem item(String title, int quantity, String price, String currency) {
        return EmailFixtures.item(title, quantity, price, currency);
    }

    private static Coupon coupon(CouponTerms terms, Coupon.State state) {
        return new Coupon("demo.myshopify.com", "K7QH2MZPXW3A", "ana@example.com", terms, "USD", Coupon.Origin.SURVEY,
                "1001", state, NOW, NOW.plus(Duration.ofDays(terms.validDays())), null, null);
    }

    private static Coupon pointsCoupon(CouponTerms terms, String currency) {
        return new Coupon("demo.myshopify.com", "PTS-4HJ8KQ", "ana@example.com", terms, currency, Coupon.Origin.POINTS,
                "rid-7Q2", Coupon.State.ISSUED, NOW, NOW.plus(Duration.ofDays(terms.validDays())), null, null);
    }

    private static Customer customer(String firstName, String locale) {
        return Customers.aCustomer().email("ana@example.com").named(firstName, firstName + " Lee")
                .firstOrderAt(Instant.parse("2025-01-15T10:00:00Z")).orderCount(3).netSpend(new Money(54_000, "USD"))
                .locale(locale).lastContactAt(NOW).marketingConsent(MarketingConsent.GRANTED).referralCode("K7QX4MZP")
                .version(1).build();
    }

    /** One golden file: each variant's parts under a header line, each part followed by one line break. */
    private static final class Golden {
        private final StringBuilder out = new StringBuilder();

        Golden email(String variant, RenderedEmail email) {
            return part(variant, "subject", email.subject()).part(variant, "text", email.text())
                    .part(variant, "html", email.html());
        }

        Golden message(String variant, EmailMessage email) {
            return part(variant, "subject", email.subject()).part(variant, "text", email.text())
                    .part(variant, "html", email.html());
        }

        Golden page(String variant, String html) {
            return part(variant, "html", html);
        }

        private Golden part(String variant, String part, String content) {
            out.append("======== ").append(variant).append(" · ").append(part).append('\n')
                    .append(content).append('\n');
            return this;
        }

        String text() {
            return out.toString();
        }
    }

    /**
     * A line diff for the failure message: the lines only one side has, with their line numbers, two lines of
     * context, and the header of the variant they belong to.
     */
    static final class LineDiff {

        private static final int CONTEXT = 2;

        static String of(String expected, String actual) {
            String[] a = expected.split("\n", -1);
            String[] b = actual.split("\n", -1);
            // Longest common subsequence of the tails, so the walk below goes forwards.
            int[][] lcs = new int[a.length + 1][b.length + 1];
            for (int i = a.length - 1; i >= 0; i--) {
                for (int j = b.length - 1; j >= 0; j--) {
                    lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            List<String> lines = new ArrayList<>();
            List<Boolean> changed = new ArrayList<>();
            List<String> headers = new ArrayList<>();
            String header = null;
            int i = 0;
            int j = 0;
            while (i < a.length || j < b.length) {
                if (i < a.length && j < b.length && a[i].equals(b[j])) {
                    header = a[i].startsWith("======== ") ? a[i] : header;
                    lines.add(String.format("  %5d %s", i + 1, a[i]));
                    changed.add(false);
                    i++;
                    j++;
                } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    lines.add(String.format("- %5d %s", i + 1, a[i]));
                    changed.add(true);
                    i++;
                } else {
                    lines.add(String.format("+ %5d %s", j + 1, b[j]));
                    changed.add(true);
                    j++;
                }
                headers.add(header);
            }
            StringBuilder diff = new StringBuilder("--- golden file (its line numbers)\n"
                    + "+++ rendered now (its line numbers)\n");
            int lastShown = -2;
            for (int k = 0; k < lines.size(); k++) {
                boolean near = false;
                for (int d = -CONTEXT; d <= CONTEXT && !near; d++) {
                    near = k + d >= 0 && k + d < lines.size() && changed.get(k + d);
                }
                if (!near) {
                    continue;
                }
                if (k > lastShown + 1) {
                    diff.append("@@ ").append(headers.get(k) == null ? "(start of file)" : headers.get(k))
                            .append('\n');
                }
                diff.append(lines.get(k)).append('\n');
                lastShown = k;
            }
            return diff.toString();
        }
    }
}
