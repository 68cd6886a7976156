package loyaltyloop.survey;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Shop;
import loyaltyloop.email.EmailLinks;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.Letter;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.TemplateModels;
import loyaltyloop.email.Translation;

/**
 * Renders the survey's emails and pages in the customer's language (the owner alert in the shop's): the survey
 * invitation, the coupon, the service-recovery apology, the owner alert, and the survey form and thank-you pages.
 * Thread-safe; a singleton bean.
 */
@Singleton
public final class SurveyEmails {

    public static final int COMMENT_MAX = 2000;

    private final EmailTemplates templates;

    public SurveyEmails(EmailTemplates templates) {
        this.templates = templates;
    }

    /** The survey invitation (a marketing email: its unsubscribe link is required). */
    public RenderedEmail survey(Shop shop, String locale, String firstName, String orderName, long daysSinceOrder,
            String surveyUrl, String unsubscribeUrl) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        Translation t = Translation.of(lang, shop);
        String name = EmailTemplates.oneLineOrNull(firstName);
        String order = orderLabel(orderName);
        String url = EmailLinks.linkUrl(surveyUrl);
        String unsubscribe = EmailLinks.linkUrl(unsubscribeUrl);
        if (url == null || unsubscribe == null) {
            throw new IllegalArgumentException("a survey email needs its survey and unsubscribe links");
        }
        String offer = offer(t, shop.settings().coupons().surveyReward(), shop.currency());
        Spaced shopName = new Spaced(EmailTemplates.shopName(shop));
        String subject = EmailTemplates.oneLine(t.named("survey.subject", name, order));
        String ask = t.text("survey.ask");
        Letter letter = new Letter(lang.tag(), subject, ask, t.named("survey.greeting", name),
                List.of(t.text("survey.intro", order, Math.max(1, daysSinceOrder)), ask,
                        t.text("survey.reward", offer)),
                List.of(), null, null, null, null, null, t.text("survey.button"), url, List.of(),
                t.text("survey.signOff"), t.text("common.signature", shopName), t.text("survey.why", shopName),
                t.text("common.unsubscribe.prompt"), t.text("common.unsubscribe.link"), unsubscribe,
                t.text("common.colon"), t.text("common.gap"), shop.settings().mail().postalAddress());
        return render(subject, letter, shop);
    }

    /** The coupon a completed survey earned. */
    public RenderedEmail coupon(Shop shop, String locale, String firstName, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        Translation t = Translation.of(lang, shop);
        Spaced shopName = new Spaced(EmailTemplates.shopName(shop));
        String offer = offer(t, coupon.terms(), coupon.currency());
        String subject = EmailTemplates.oneLine(t.text("coupon.subject", offer, shopName));
        String thanks = t.text("coupon.thanks");
        Letter letter = new Letter(lang.tag(), subject, thanks,
                t.named("survey.greeting", EmailTemplates.oneLineOrNull(firstName)), List.of(thanks), List.of(), null,
                null, t.text("coupon.code.label"), coupon.code(), terms(t, coupon), null, null,
                List.of(t.text("coupon.howTo")), t.text("survey.signOff"), t.text("common.signature", shopName),
                t.text("coupon.why", shopName), null, null, null, t.text("common.colon"), t.text("common.gap"), null);
        return render(subject, letter, shop);
    }

    /** The apology after a rating of 1 or 2: a person will be in touch, and the coupon. */
    public RenderedEmail serviceRecovery(Shop shop, String locale, String firstName, String orderName, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        Translation t = Translation.of(lang, shop);
        Spaced shopName = new Spaced(EmailTemplates.shopName(shop));
        String order = orderLabel(orderName);
        String subject = EmailTemplates.oneLine(t.text("survey.recovery.subject", order));
        String apology = t.text("survey.recovery.apology", order);
        List<String> paragraphs = new ArrayList<>(List.of(apology, t.text("survey.recovery.person", shopName)));
        if (coupon != null) {
            paragraphs.add(t.text("survey.recovery.coupon", offer(t, coupon.terms(), coupon.currency())));
        }
        Letter letter = new Letter(lang.tag(), subject, apology,
                t.named("survey.greeting", EmailTemplates.oneLineOrNull(firstName)), paragraphs, List.of(), null, null,
                coupon == null ? null : t.text("coupon.code.label"), coupon == null ? null : coupon.code(),
                coupon == null ? null : terms(t, coupon), null, null, List.of(), t.text("survey.signOff"),
                t.text("common.signature", shopName), null, null, null, null, t.text("common.colon"),
                t.text("common.gap"), null);
        return render(subject, letter, shop);
    }

    /** The owner's alert about a low rating, in the shop's language, with everything needed to reply today. */
    public RenderedEmail ownerAlert(Shop shop, String customerName, String customerEmail, int rating, String comment,
            String orderName, Money orderTotal, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(shop.defaultLocale(), null);
        Translation t = Translation.of(lang, shop);
        String email = EmailTemplates.oneLineOrNull(customerEmail);
        String name = EmailTemplates.oneLineOrNull(customerName);
        Spaced who = new Spaced(name != null ? name : email);
        String order = orderLabel(orderName);
        String subject = EmailTemplates.oneLine(t.text("survey.alert.subject", who, rating, order));
        List<TemplateModels.Fact> facts = new ArrayList<>();
        facts.add(new TemplateModels.Fact(t.text("survey.alert.customer.label"),
                name == null ? email : name + " <" + email + ">"));
        facts.add(new TemplateModels.Fact(t.text("survey.alert.rating.label"), rating + "/5"));
        facts.add(new TemplateModels.Fact(t.text("survey.alert.order.label"),
                orderTotal == null ? order : order + " · " + MoneyFormat.format(orderTotal, lang)));
        String text = comment == null || comment.isBlank() ? t.text("survey.alert.noComment") : comment.strip();
        List<String> closing = new ArrayList<>(List.of(t.text("survey.alert.reply", who)));
        if (coupon != null) {
            closing.add(t.text("survey.alert.customerGot", offer(t, coupon.terms(), coupon.currency()), coupon.code()));
        }
        String intro = t.text("survey.alert.intro", who, rating);
        Letter letter = new Letter(lang.tag(), subject, intro, t.named("survey.greeting", null), List.of(intro), facts,
                t.text("survey.alert.comment.label"), text, null, null, null, null, null, closing, "", "loyalty-loop",
                null, null, null, null, t.text("common.colon"), t.text("common.gap"), null);
        return render(subject, letter, shop);
    }

    /** The survey form; {@code rating}/{@code comment} refill it after a refused answer, {@code error} says why. */
    public String surveyForm(Shop shop, String locale, String orderName, String formActionUrl, Integer rating,
            String comment, Problem error) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        Translation t = Translation.of(lang, shop);
        String offer = offer(t, shop.settings().coupons().surveyReward(), shop.currency());
        List<SurveyPageModel.RatingChoice> ratings = new ArrayList<>();
        for (int value = 5; value >= 1; value--) {
            ratings.add(new SurveyPageModel.RatingChoice(value, t.text("survey.page.rating." + value),
                    rating != null && rating == value));
        }
        String message = error == null ? null : switch (error) {
            case RATING_MISSING -> t.text("survey.page.ratingMissing");
            case COMMENT_TOO_LONG -> t.text("survey.page.commentTooLong", COMMENT_MAX);
        };
        return templates.renderHtml("surveypage.jte", new SurveyPageModel(lang.tag(), pageTitle(t, shop),
                t.text("survey.page.heading", orderLabel(orderName)), List.of(t.text("survey.page.intro", offer)),
                message, EmailLinks.formActionUrl(formActionUrl), t.text("survey.page.ratingQuestion"), ratings,
                t.text("survey.page.openQuestion"), comment == null ? "" : comment, COMMENT_MAX,
                t.text("survey.page.submit"), null, null, null));
    }

    /** Why an answer was refused. */
    public enum Problem { RATING_MISSING, COMMENT_TOO_LONG }

    /** After the survey: the code, or (while the shop is still being given it) that it is on its way. */
    public String surveyThanks(Shop shop, String locale, Coupon coupon) {
        EmailLocale lang = EmailLocale.resolve(locale, shop.defaultLocale());
        Translation t = Translation.of(lang, shop);
        boolean ready = coupon != null && coupon.usable();
        return templates.renderHtml("surveypage.jte", new SurveyPageModel(lang.tag(), pageTitle(t, shop),
                t.text("survey.thanks.heading"),
                List.of(t.text(ready ? "survey.thanks.text" : "survey.thanks.pending")),
                null, null, null, List.of(), null, null, COMMENT_MAX, null, ready ? t.text("coupon.code.label") : null,
                ready ? coupon.code() : null, ready ? terms(t, coupon) + " " + t.text("coupon.howTo") + " "
                        + t.text("survey.thanks.emailedToo") : null));
    }

    private RenderedEmail render(String subject, Letter letter, Shop shop) {
        return new RenderedEmail(subject, templates.renderText("letter.jte", letter),
                templates.renderHtml("letter.jte", letter, BrandHeader.of(shop)));
    }

    private static String orderLabel(String orderName) {
        String label = EmailTemplates.orderLabel(orderName);
        return label == null ? "" : label;
    }

    private static String pageTitle(Translation t, Shop shop) {
        String shopName = EmailTemplates.shopName(shop);
        return shopName.isEmpty() ? t.text("survey.page.title")
                : t.text("survey.page.title.shop", new Spaced(shopName));
    }

    /**
     * "20% off" or "$5.00 off". A percentage comes also as the share paid in tenths, as Chinese says it (20% off:
     * 8 折; 15% off: 85 折).
     */
    private static String offer(Translation t, CouponTerms terms, String currency) {
        if (terms.kind() != CouponTerms.Kind.PERCENT) {
            return t.text("coupon.offer.amount", MoneyFormat.format(new Money(terms.value(), currency), t.locale()));
        }
        long paid = 100 - terms.value();
        return t.text("coupon.offer.percent", terms.value(), paid % 10 == 0 ? paid / 10 : paid);
    }

    private static String terms(Translation t, Coupon coupon) {
        String offer = offer(t, coupon.terms(), coupon.currency());
        String until = date(t.locale(), coupon.expiresAt());
        if (coupon.terms().minimumOrderMinor() <= 0) {
            return t.text("coupon.terms", offer, "", until);
        }
        String minimum = MoneyFormat.format(new Money(coupon.terms().minimumOrderMinor(), coupon.currency()),
                t.locale());
        return t.text("coupon.terms.minimum", offer, minimum, until);
    }

    private static String date(EmailLocale lang, Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.toLocale())
                .format(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
