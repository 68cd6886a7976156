package loyaltyloop.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Shop;

/**
 * Renders the survey's emails and pages in the customer's language (the owner alert in the shop's): the survey
 * invitation, the coupon, the service-recovery apology, the owner alert, and the survey form and thank-you pages.
 * Thread-safe; construct once.
 */
public final class SurveyEmails {

    public static final int COMMENT_MAX = 2000;

    private final EmailTemplates templates = new EmailTemplates();

    /** The survey invitation (a marketing email: its unsubscribe link is required). */
    public RenderedEmail survey(Shop shop, String locale, String firstName, String orderName, long daysSinceOrder,
            String surveyUrl, String unsubscribeUrl) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        SurveyMessages m = SurveyMessages.of(lang);
        Messages common = Messages.of(lang);
        String name = EmailTemplates.oneLineOrNull(firstName);
        String order = orderLabel(orderName);
        String url = EmailTemplates.linkUrl(surveyUrl);
        String unsubscribe = EmailTemplates.linkUrl(unsubscribeUrl);
        if (url == null || unsubscribe == null) {
            throw new IllegalArgumentException("a survey email needs its survey and unsubscribe links");
        }
        String offer = offer(m, lang, shop.settings().coupons().surveyReward(), shop.currency());
        String shopName = EmailTemplates.shopName(shop);
        String subject = EmailTemplates.oneLine(m.surveySubject(name, order));
        Letter letter = new Letter(lang.tag(), subject, m.surveyAsk(), m.greeting(name),
                List.of(m.surveyIntro(order, Math.max(1, daysSinceOrder)), m.surveyAsk(), m.surveyReward(offer)),
                List.of(), null, null, null, null, null, m.surveyButton(), url, List.of(), m.signOff(),
                common.signature(shopName), m.surveyWhy(shopName), common.unsubscribePrompt(),
                common.unsubscribeLink(), unsubscribe, common.colon(), common.gap());
        return render(subject, letter);
    }

    /** The coupon a completed survey earned. */
    public RenderedEmail coupon(Shop shop, String locale, String firstName, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        SurveyMessages m = SurveyMessages.of(lang);
        Messages common = Messages.of(lang);
        String shopName = EmailTemplates.shopName(shop);
        String offer = offer(m, lang, coupon.terms(), coupon.currency());
        String subject = EmailTemplates.oneLine(m.couponSubject(offer, shopName));
        Letter letter = new Letter(lang.tag(), subject, m.couponThanks(),
                m.greeting(EmailTemplates.oneLineOrNull(firstName)), List.of(m.couponThanks()), List.of(), null, null,
                m.codeLabel(), coupon.code(), terms(m, lang, coupon), null, null, List.of(m.couponHowTo()),
                m.signOff(), common.signature(shopName), m.couponWhy(shopName), null, null, null, common.colon(),
                common.gap());
        return render(subject, letter);
    }

    /** The apology after a rating of 1 or 2: a person will be in touch, and the coupon. */
    public RenderedEmail serviceRecovery(Shop shop, String locale, String firstName, String orderName, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        SurveyMessages m = SurveyMessages.of(lang);
        Messages common = Messages.of(lang);
        String shopName = EmailTemplates.shopName(shop);
        String order = orderLabel(orderName);
        String offer = coupon == null ? null : offer(m, lang, coupon.terms(), coupon.currency());
        String subject = EmailTemplates.oneLine(m.recoverySubject(order));
        List<String> paragraphs = new ArrayList<>(List.of(m.recoveryApology(order), m.recoveryPerson(shopName)));
        if (coupon != null) {
            paragraphs.add(m.recoveryCoupon(offer));
        }
        Letter letter = new Letter(lang.tag(), subject, m.recoveryApology(order),
                m.greeting(EmailTemplates.oneLineOrNull(firstName)), paragraphs, List.of(), null, null,
                coupon == null ? null : m.codeLabel(), coupon == null ? null : coupon.code(),
                coupon == null ? null : terms(m, lang, coupon), null, null, List.of(), m.signOff(),
                common.signature(shopName), null, null, null, null, common.colon(), common.gap());
        return render(subject, letter);
    }

    /** The owner's alert about a low rating, in the shop's language, with everything needed to reply today. */
    public RenderedEmail ownerAlert(Shop shop, String customerName, String customerEmail, int rating, String comment,
            String orderName, Money orderTotal, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(shop.defaultLocale(), null);
        SurveyMessages m = SurveyMessages.of(lang);
        Messages common = Messages.of(lang);
        String email = EmailTemplates.oneLineOrNull(customerEmail);
        String name = EmailTemplates.oneLineOrNull(customerName);
        String who = name != null ? name : email;
        String order = orderLabel(orderName);
        String subject = EmailTemplates.oneLine(m.alertSubject(who, rating, order));
        List<TemplateModels.Fact> facts = new ArrayList<>();
        facts.add(new TemplateModels.Fact(m.customerLabel(), name == null ? email : name + " <" + email + ">"));
        facts.add(new TemplateModels.Fact(m.ratingLabel(), rating + "/5"));
        facts.add(new TemplateModels.Fact(m.orderLabel(),
                orderTotal == null ? order : order + " · " + MoneyFormat.format(orderTotal, lang)));
        String text = comment == null || comment.isBlank() ? m.noComment() : comment.strip();
        List<String> closing = new ArrayList<>(List.of(m.alertReply(who)));
        if (coupon != null) {
            closing.add(m.alertCustomerGot(offer(m, lang, coupon.terms(), coupon.currency()), coupon.code()));
        }
        Letter letter = new Letter(lang.tag(), subject, m.alertIntro(who, rating), m.greeting(null),
                List.of(m.alertIntro(who, rating)), facts, m.commentLabel(), text, null, null, null, null, null,
                closing, "", "loyalty-loop", null, null, null, null, common.colon(), common.gap());
        return render(subject, letter);
    }

    /** The survey form; {@code rating}/{@code comment} refill it after a refused answer, {@code error} says why. */
    public String surveyForm(Shop shop, String locale, String orderName, String formActionUrl, Integer rating,
            String comment, Problem error) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        SurveyMessages m = SurveyMessages.of(lang);
        String offer = offer(m, lang, shop.settings().coupons().surveyReward(), shop.currency());
        List<SurveyPageModel.RatingChoice> ratings = new ArrayList<>();
        for (int value = 5; value >= 1; value--) {
            ratings.add(new SurveyPageModel.RatingChoice(value, m.ratingLabel(value),
                    rating != null && rating == value));
        }
        String message = error == null ? null : switch (error) {
            case RATING_MISSING -> m.ratingMissing();
            case COMMENT_TOO_LONG -> m.commentTooLong(COMMENT_MAX);
        };
        String shopName = EmailTemplates.shopName(shop);
        return templates.renderHtml("surveypage.jte", new SurveyPageModel(lang.tag(), m.pageTitle(shopName),
                m.pageHeading(orderLabel(orderName)), List.of(m.pageIntro(offer)), message,
                EmailTemplates.formActionUrl(formActionUrl), m.ratingQuestion(), ratings, m.openQuestion(),
                comment == null ? "" : comment, COMMENT_MAX, m.submit(), null, null, null));
    }

    /** Why an answer was refused. */
    public enum Problem { RATING_MISSING, COMMENT_TOO_LONG }

    /** After the survey: the code, or (while the shop is still being given it) that it is on its way. */
    public String surveyThanks(Shop shop, String locale, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        SurveyMessages m = SurveyMessages.of(lang);
        String shopName = EmailTemplates.shopName(shop);
        boolean ready = coupon != null && coupon.usable();
        return templates.renderHtml("surveypage.jte", new SurveyPageModel(lang.tag(), m.pageTitle(shopName),
                m.thanksHeading(), List.of(ready ? m.thanksText() : m.pendingText()), null, null, null, List.of(),
                null, null, COMMENT_MAX, null, ready ? m.codeLabel() : null, ready ? coupon.code() : null,
                ready ? terms(m, lang, coupon) + " " + m.couponHowTo() + " " + m.emailedToo() : null));
    }

    private RenderedEmail render(String subject, Letter letter) {
        return new RenderedEmail(subject, templates.renderText("letter.jte", letter),
                templates.renderHtml("letter.jte", letter));
    }

    private static String orderLabel(String orderName) {
        String label = EmailTemplates.orderLabel(orderName);
        return label == null ? "" : label;
    }

    private static String offer(SurveyMessages m, EmailLocale lang, CouponTerms terms, String currency) {
        return terms.kind() == CouponTerms.Kind.PERCENT
                ? m.percentOff(terms.value())
                : m.amountOff(MoneyFormat.format(new Money(terms.value(), currency), lang));
    }

    private static String terms(SurveyMessages m, EmailLocale lang, Coupon coupon) {
        String minimum = coupon.terms().minimumOrderMinor() > 0
                ? MoneyFormat.format(new Money(coupon.terms().minimumOrderMinor(), coupon.currency()), lang) : null;
        return m.couponTerms(offer(m, lang, coupon.terms(), coupon.currency()), minimum, date(lang, coupon.expiresAt()));
    }

    private static String date(EmailLocale lang, Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.toLocale())
                .format(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
