package loyaltyloop.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/**
 * Renders the emails and pages in English, Traditional Chinese and Simplified Chinese from the JTE templates
 * precompiled at build time ({@code src/main/jte/html}: HTML with escaping on; {@code src/main/jte/text}: plain
 * text). One instance serves every caller (a singleton bean; tests may build their own): it is thread-safe and loads
 * nothing reflectively beyond the generated template classes.
 */
@Singleton
public final class EmailTemplates {

    private static final String HTML_PACKAGE = "loyaltyloop.email.templates.html";
    private static final String TEXT_PACKAGE = "loyaltyloop.email.templates.text";

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private final TemplateEngine html;
    private final TemplateEngine text;

    public EmailTemplates() {
        ClassLoader classLoader = EmailTemplates.class.getClassLoader();
        this.html = TemplateEngine.createPrecompiled(null, ContentType.Html, classLoader, HTML_PACKAGE);
        this.text = TemplateEngine.createPrecompiled(null, ContentType.Plain, classLoader, TEXT_PACKAGE);
    }

    /**
     * The thank-you email for an order, in the order's language (falling back to the shop's default): a welcome on
     * the first order, thanks for the Nth order on a repeat one, the order summary, what happens next, the referral
     * link and a visible unsubscribe link.
     */
    public RenderedEmail affirmation(AffirmationView view) {
        Shop shop = view.shop();
        Order order = view.order();
        EmailLocale locale = EmailLocale.resolve(order.locale(), shop.defaultLocale());
        Translation t = Translation.of(locale);
        Spaced shopName = new Spaced(shopName(shop));
        String name = blankToNull(order.firstName());
        String orderName = orderName(order);
        boolean first = view.customerOrderNumber() <= 1;
        String nth = new CommonWording(t).ordinal(view.customerOrderNumber());

        String subject = oneLine(first
                ? t.named("affirmation.welcome.subject", name, orderName)
                : t.named("affirmation.repeat.subject", name, orderName, nth));

        List<TemplateModels.Line> lines = new ArrayList<>();
        for (LineItem item : order.lineItems()) {
            lines.add(new TemplateModels.Line(
                    item.title() == null ? "" : item.title(),
                    item.quantity(),
                    item.price() == null ? "" : MoneyFormat.format(item.lineTotal(), locale)));
        }

        TemplateModels.Affirmation model = new TemplateModels.Affirmation(
                locale.tag(),
                subject,
                first ? t.named("affirmation.welcome.heading", name, shopName)
                        : t.named("affirmation.repeat.heading", name, nth),
                t.text(first ? "affirmation.welcome.intro" : "affirmation.repeat.intro", orderName),
                t.text("affirmation.summary.heading", orderName),
                lines,
                t.text("affirmation.total.label"),
                order.total() == null ? null : MoneyFormat.format(order.total(), locale),
                t.text("common.colon"),
                t.text("common.gap"),
                t.text("affirmation.next.heading"),
                t.text("affirmation.next.text"),
                t.text("affirmation.referral.heading"),
                t.text("affirmation.referral.text", shopName),
                EmailLinks.linkUrl(view.referralUrl()),
                t.text("common.signOff"),
                t.text("common.signature", shopName),
                t.text("affirmation.aboutOrder", shopName, orderName),
                t.text("common.unsubscribe.prompt"),
                t.text("common.unsubscribe.link"),
                EmailLinks.linkUrl(view.unsubscribeUrl()));

        return new RenderedEmail(subject, render(text, "affirmation.jte", model), render(html, "affirmation.jte", model));
    }

    /**
     * The 90-45 follow-up, in the customer's language (falling back to the shop's default): not a blast but a
     * reminder of what they bought last and how long they have had it, the owner's tips for those products, how long
     * they have been a customer, a thank-you variant for the shop's top 10%, the survey link when there is one and a
     * visible unsubscribe link.
     *
     * @throws IllegalArgumentException when the unsubscribe link is missing (a follow-up is a marketing email) or a
     *     link is not an absolute http(s) URL
     */
    public RenderedEmail followUp(FollowUpView view) {
        Shop shop = view.shop();
        EmailLocale locale = EmailLocale.resolve(view.locale(), shop.defaultLocale());
        Translation t = Translation.of(locale);
        FollowUpWording words = new FollowUpWording(t);
        CommonWording common = new CommonWording(t);
        String shopName = shopName(shop);
        String name = oneLineOrNull(view.firstName());
        boolean vip = view.vip();
        String unsubscribeUrl = EmailLinks.linkUrl(view.unsubscribeUrl());
        if (unsubscribeUrl == null) {
            throw new IllegalArgumentException("a follow-up needs its unsubscribe link");
        }

        // What they bought last, each product named once; the owner's tips where there are some.
        Set<String> titles = new LinkedHashSet<>();
        Set<TemplateModels.Tip> tips = new LinkedHashSet<>();
        for (FollowUpView.Item item : view.items()) {
            if (item == null) {
                continue;
            }
            String title = oneLineOrNull(item.title());
            if (title == null) {
                continue;
            }
            titles.add(title);
            String tip = blankToNull(item.tip());
            if (tip != null) {
                tips.add(new TemplateModels.Tip(title, tip));
            }
        }
        List<String> products = List.copyOf(titles);
        String firstProduct = products.isEmpty() ? null : products.get(0);

        String had = common.duration(view.daysSinceLastOrder());
        String tenure = common.duration(view.daysAsCustomer());
        // A one-order customer has been one exactly as long as they have had their order: say it once.
        String distinctTenure = tenure.equals(had) ? null : tenure;

        String intro = words.intro(products, orderLabel(view.lastOrderName()), had);
        String relationship = words.relationship(vip, view.orderCount(), shopName, tenure, distinctTenure);
        String subject = oneLine(words.subject(vip, name, firstProduct, shopName));
        TemplateModels.FollowUp model = new TemplateModels.FollowUp(
                locale.tag(),
                subject,
                intro,
                t.named("followup.greeting", name),
                List.of(intro, relationship),
                t.text("followup.tips.heading", tips.size()),
                List.copyOf(tips),
                t.text("followup.survey.prompt"),
                t.text("followup.survey.link"),
                EmailLinks.linkUrl(view.surveyUrl()),
                t.text(vip ? "followup.closing.vip" : "followup.closing"),
                t.text(vip ? "followup.signOff.vip" : "followup.signOff"),
                t.text("common.signature", new Spaced(shopName)),
                t.text("followup.whyYouGetThis", new Spaced(shopName)),
                t.text("common.unsubscribe.prompt"),
                t.text("common.unsubscribe.link"),
                unsubscribeUrl,
                t.text("common.colon"),
                t.text("common.gap"));

        return new RenderedEmail(subject, render(text, "followup.jte", model), render(html, "followup.jte", model));
    }

    /**
     * The owner's daily "pick three", in the shop's default language: each pick with why they are worth a personal
     * note, their address as a {@code mailto:} link and their order history, then the loop's health. Dates are shown
     * as UTC calendar days in the locale's medium style.
     */
    public RenderedEmail ownerDigest(OwnerDigestView view) {
        Shop shop = view.shop();
        EmailLocale locale = EmailLocale.resolve(shop.defaultLocale(), null);
        Translation t = Translation.of(locale);
        DigestWording words = new DigestWording(t);
        String shopName = shopName(shop);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale.toLocale());
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale.toLocale());
        LocalDate day = view.day();

        List<String> who = new ArrayList<>();
        List<TemplateModels.DigestPick> picks = new ArrayList<>();
        for (OwnerDigestView.Pick pick : view.picks()) {
            String name = oneLineOrNull(pick.name());
            String email = oneLineOrNull(pick.email());
            if (name == null && email == null) {
                name = t.text("digest.someCustomer");
            }
            who.add(name != null ? name : email);

            List<TemplateModels.Fact> facts = new ArrayList<>();
            facts.add(new TemplateModels.Fact(t.text("digest.orders.label"), numbers.format(pick.orderCount())));
            if (pick.lifetimeSpend() != null) {
                facts.add(new TemplateModels.Fact(t.text("digest.lifetimeSpend.label"),
                        MoneyFormat.format(pick.lifetimeSpend(), locale)));
            }
            if (pick.firstOrderAt() != null) {
                facts.add(new TemplateModels.Fact(t.text("digest.customerSince.label"),
                        dates.format(DigestWording.utcDay(pick.firstOrderAt()))));
            }
            if (pick.lastContactAt() != null) {
                facts.add(new TemplateModels.Fact(t.text("digest.lastContact.label"),
                        dates.format(DigestWording.utcDay(pick.lastContactAt()))));
            }
            picks.add(new TemplateModels.DigestPick(picks.size() + 1, name, email, EmailLinks.mailtoUrl(email),
                    words.reason(pick, day), facts));
        }

        OwnerDigestView.Health health = view.health();
        List<TemplateModels.Fact> healthFacts = health == null ? List.of() : List.of(
                new TemplateModels.Fact(t.text("digest.health.customers"), numbers.format(health.customers())),
                new TemplateModels.Fact(t.text("digest.health.dueThisWeek"), numbers.format(health.dueThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.unreachable"), numbers.format(health.unreachable())),
                new TemplateModels.Fact(t.text("digest.health.sentThisWeek"),
                        numbers.format(health.followUpsSentThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.surveysAnswered"),
                        numbers.format(health.surveysAnsweredThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.couponsRedeemed"),
                        numbers.format(health.couponsRedeemedThisWeek())));

        String subject = oneLine(words.subject(who, shopName));
        TemplateModels.OwnerDigest model = new TemplateModels.OwnerDigest(
                locale.tag(),
                subject,
                words.heading(picks.size()),
                day == null ? null : dates.format(day),
                words.intro(picks.size()),
                picks,
                t.text("digest.why.label"),
                t.text("digest.health.heading"),
                healthFacts,
                t.text("digest.footer"),
                t.text("common.colon"));

        return new RenderedEmail(subject, render(text, "ownerdigest.jte", model), render(html, "ownerdigest.jte", model));
    }

    /** The confirm page behind the unsubscribe link: a POST form with one "Unsubscribe" button. */
    public String unsubscribePage(EmailLocale locale, String shopName, String formActionUrl) {
        Translation t = Translation.of(locale);
        Spaced shop = new Spaced(displayShop(shopName));
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                t.text("unsubscribe.title", shop),
                t.text("unsubscribe.question", shop),
                List.of(t.text("unsubscribe.explanation", shop), t.text("unsubscribe.orderEmailsContinue")),
                EmailLinks.formActionUrl(formActionUrl),
                t.text("unsubscribe.button")));
    }

    /** The page after unsubscribing: done, and order emails still come. */
    public String unsubscribedPage(EmailLocale locale, String shopName) {
        Translation t = Translation.of(locale);
        String title = t.text("unsubscribe.done.title");
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                title,
                title,
                List.of(t.text("unsubscribe.done.text", new Spaced(displayShop(shopName))),
                        t.text("unsubscribe.orderEmailsContinue")),
                null,
                null));
    }

    /**
     * A friendly page for a link that cannot be used: expired (410), a failure on our side (5xx: try again later) or
     * invalid (400, 404, anything else). Says nothing technical.
     */
    public String linkProblemPage(EmailLocale locale, int status) {
        Translation t = Translation.of(locale);
        String title = t.text("link.problem.title");
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                title,
                title,
                List.of(t.text(status == 410 ? "link.expired" : status >= 500 ? "link.tryLater" : "link.invalid"),
                        t.text("link.help")),
                null,
                null));
    }

    String renderHtml(String template, Object model) {
        return render(html, template, model);
    }

    String renderText(String template, Object model) {
        return render(text, template, model);
    }

    private static String render(TemplateEngine engine, String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }

    static String shopName(Shop shop) {
        String sender = blankToNull(shop.senderName());
        if (sender != null) {
            return oneLine(sender);
        }
        return displayShop(shop.domain());
    }

    static String displayShop(String shopName) {
        String name = blankToNull(shopName);
        return name == null ? "" : oneLine(name);
    }

    /** "#1001" for a Shopify name or a bare WooCommerce number; the order id when there is no name at all. */
    static String orderName(Order order) {
        String name = orderLabel(order.orderName());
        if (name == null) {
            name = orderLabel(order.orderId());
        }
        return name == null ? "" : name;
    }

    /** "#1001" for "#1001" or a bare "1001"; null when blank. */
    static String orderLabel(String orderName) {
        String name = oneLineOrNull(orderName);
        if (name == null) {
            return null;
        }
        return Character.isDigit(name.charAt(0)) ? "#" + name : name;
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, on one line, or null when blank. */
    static String oneLineOrNull(String value) {
        String trimmed = blankToNull(value);
        return trimmed == null ? null : blankToNull(oneLine(trimmed));
    }

    /** Control characters (line breaks included) become single spaces: safe in a subject line. */
    static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }
}
