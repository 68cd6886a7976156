package loyaltyloop.points;

import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.Customer;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.orders.Money;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings.RedeemTier;
import loyaltyloop.shops.Shop;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.Translation;

/**
 * The points email ({@code kind=points}) and the points pages ({@code /p/{token}}), in English, Traditional and
 * Simplified Chinese, from the precompiled JTE templates {@code points.jte} and {@code pointspage.jte} (HTML escaping
 * on by default). Thread-safe; a singleton bean.
 */
@Singleton
public final class PointsEmails {

    /** Most ledger lines a statement page shows (newest first). */
    public static final int MAX_ROWS = 200;

    private final EmailTemplates templates;

    public PointsEmails(EmailTemplates templates) {
        this.templates = templates;
    }

    /** The model of {@code points.jte}: every string already localized, escaped by the HTML template. */
    public record Credited(String lang, String subject, String heading, List<String> paragraphs, String balanceLine,
            String statementPrompt, String statementUrl, String signOff, String signature, String why,
            String postalAddress) {
    }

    /** The model of {@code pointspage.jte}. Null parts are left out. */
    public record Page(String lang, String title, String heading, List<String> paragraphs, String couponCode,
            String balanceLabel, String balance, String historyHeading, List<String> columns, List<Row> rows,
            String noEntries, String rewardsHeading, List<Tier> tiers, String formAction, String redemptionId,
            String backUrl, String backLabel) {
    }

    public record Row(String date, String what, String points) {
    }

    public record Tier(String label, long points, String button, boolean affordable) {
    }

    /** The email to a referrer whose friend's first order earned them points. */
    public EmailMessage creditedEmail(Shop shop, Customer referrer, LedgerEntry entry, long balance, String statementUrl) {
        EmailLocale locale = EmailLocale.resolve(referrer.locale(), shop.defaultLocale());
        Translation m = Translation.of(locale, shop);
        String shopName = shopName(shop);
        String points = number(entry.points(), locale);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(entry.friendName() == null ? m.text("points.someoneConverted")
                : m.text("points.friendConverted", oneLine(entry.friendName())));
        paragraphs.add(m.text("points.earned", points));
        if (entry.note() != null) {
            paragraphs.add(m.text("points.note." + entry.note()));
        }
        String subject = oneLine(m.text("points.subject", points, shopName));
        Credited model = new Credited(locale.tag(), subject, m.text("points.heading"), paragraphs,
                m.text("points.balance", number(balance, locale)), m.text("points.statementPrompt"),
                httpUrl(statementUrl), m.text("common.signOff"), m.text("common.signature", new Spaced(shopName)),
                m.text("points.why", shopName), shop.settings().mail().postalAddress());
        return new EmailMessage(EmailKind.POINTS, shop.senderAddress(), shop.senderName(), referrer.email(), null,
                subject, templates.renderText("points.jte", model), templates.renderHtml("points.jte", model, BrandHeader.of(shop)),
                java.util.Map.of(), shop.domain());
    }

    /** The statement: balance, ledger (newest first), and a form per reward tier. */
    public String statementPage(EmailLocale locale, Shop shop, long balance, List<LedgerEntry> entries,
            String formAction, String redemptionId) {
        Translation m = Translation.of(locale, shop);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.toLocale());
        List<Row> rows = new ArrayList<>();
        for (LedgerEntry e : entries.subList(0, Math.min(entries.size(), MAX_ROWS))) {
            rows.add(new Row(dates.format(LocalDate.ofInstant(e.at(), ZoneOffset.UTC)), what(m, e, locale),
                    (e.points() > 0 ? "+" : "") + number(e.points(), locale)));
        }
        List<Tier> tiers = new ArrayList<>();
        for (RedeemTier tier : shop.settings().referrals().tiers()) {
            String points = number(tier.points(), locale);
            tiers.add(new Tier(m.text("points.tier", points, terms(m, tier.terms(), shop, locale)), tier.points(),
                    m.text("points.redeemButton", points), balance >= tier.points()));
        }
        String title = m.text("points.pageTitle", shopName(shop));
        return templates.renderHtml("pointspage.jte", new Page(locale.tag(), title, title, List.of(), null,
                m.text("points.balanceLabel"), m.text("points.pointsUnit", number(balance, locale)),
                m.text("points.historyHeading"),
                List.of(m.text("points.dateLabel"), m.text("points.whatLabel"), m.text("points.pointsLabel")), rows,
                rows.isEmpty() ? m.text("points.noEntries") : null, m.text("points.rewardsHeading"), tiers, formAction,
                redemptionId, null, null));
    }

    /** After a redemption: the coupon's code and terms, and the balance left. */
    public String couponPage(EmailLocale locale, Shop shop, Coupon coupon, long balance, String backUrl) {
        Translation m = Translation.of(locale, shop);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale.toLocale());
        return message(locale, m.text("points.couponTitle"), List.of(
                m.text("points.couponText", terms(m, coupon.terms(), shop, locale),
                        dates.format(LocalDate.ofInstant(coupon.expiresAt(), ZoneOffset.UTC))),
                m.text("points.balanceNow", number(balance, locale))), coupon.code(), List.of(), null, null, backUrl);
    }

    /** Points are debited but the shop has not confirmed the code yet: a button that tries again. */
    public String preparingPage(EmailLocale locale, long points, String formAction, String redemptionId) {
        Translation m = Translation.of(locale);
        return message(locale, m.text("points.preparing.title"), List.of(m.text("points.preparing.text")), null,
                List.of(new Tier(null, points, m.text("points.preparing.button"), true)), formAction, redemptionId,
                null);
    }

    public String notEnoughPointsPage(EmailLocale locale, long needed, long balance, String backUrl) {
        Translation m = Translation.of(locale);
        return message(locale, m.text("points.notEnough.title"), List.of(m.text("points.notEnough.text",
                number(needed, locale), number(balance, locale))), null, List.of(), null, null, backUrl);
    }

    public String unknownTierPage(EmailLocale locale, String backUrl) {
        return simplePage(locale, "points.unknownTier", backUrl);
    }

    public String unavailablePage(EmailLocale locale, String backUrl) {
        return simplePage(locale, "points.unavailable", backUrl);
    }

    /** A referral link whose code no shop knows, when there is no single storefront to send the visitor to. */
    public String unknownReferralPage(EmailLocale locale) {
        return simplePage(locale, "referral.unknownCode", null);
    }

    private String simplePage(EmailLocale locale, String key, String backUrl) {
        Translation m = Translation.of(locale);
        return message(locale, m.text(key + ".title"), List.of(m.text(key + ".text")), null, List.of(), null, null,
                backUrl);
    }

    private String message(EmailLocale locale, String title, List<String> paragraphs, String code, List<Tier> tiers,
            String formAction, String redemptionId, String backUrl) {
        Translation m = Translation.of(locale);
        return templates.renderHtml("pointspage.jte", new Page(locale.tag(), title, title, paragraphs, code, null, null, null,
                List.of(), List.of(), null, null, tiers, formAction, redemptionId, backUrl,
                backUrl == null ? null : m.text("points.backLink")));
    }

    private static String what(Translation m, LedgerEntry e, EmailLocale locale) {
        switch (e.reason()) {
            case REFERRAL:
                return e.friendName() == null ? m.text("points.reason.referral")
                        : m.text("points.reason.referralNamed", oneLine(e.friendName()));
            case CLAWBACK:
                String what = m.text("cancel".equals(e.note())
                        ? "points.reason.clawbackCancel" : "points.reason.clawback");
                return e.shortfall() > 0
                        ? what + " " + m.text("points.reason.shortfall", number(e.shortfall(), locale)) : what;
            case REDEEM:
                return m.text("points.reason.redeem", e.couponCode() == null ? "" : e.couponCode());
            default:
                return m.text("points.reason.adjustment");
        }
    }

    private static String terms(Translation m, CouponTerms terms, Shop shop, EmailLocale locale) {
        return terms.kind() == CouponTerms.Kind.PERCENT
                ? m.text("points.percentOff", terms.value())
                : m.text("points.amountOff", MoneyFormat.format(new Money(terms.value(), shop.currency()), locale));
    }

    private static String number(long value, EmailLocale locale) {
        return NumberFormat.getIntegerInstance(locale.toLocale()).format(value);
    }

    private static String shopName(Shop shop) {
        String name = shop.senderName() == null || shop.senderName().isBlank() ? shop.domain() : shop.senderName();
        return oneLine(name);
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    private static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("email links must be absolute http(s) URLs");
        }
        return url;
    }

}
