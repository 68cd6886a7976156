package loyaltyloop.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/**
 * Renders the emails and pages in English, Traditional Chinese and Simplified Chinese from the JTE templates
 * precompiled at build time ({@code src/main/jte/html}: HTML with escaping on; {@code src/main/jte/text}: plain
 * text). Construct once and reuse: it is thread-safe and loads nothing reflectively beyond the generated template
 * classes.
 */
public final class EmailTemplates {

    static final String HTML_PACKAGE = "loyaltyloop.email.templates.html";
    static final String TEXT_PACKAGE = "loyaltyloop.email.templates.text";

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final Pattern URL_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
        Messages messages = Messages.of(locale);
        String shopName = shopName(shop);
        String name = blankToNull(order.firstName());
        String orderName = orderName(order);
        boolean first = view.customerOrderNumber() <= 1;
        int n = view.customerOrderNumber();

        String subject = oneLine(first
                ? messages.welcomeSubject(name, orderName)
                : messages.repeatSubject(n, name, orderName));

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
                first ? messages.welcomeHeading(shopName, name) : messages.repeatHeading(n, name),
                first ? messages.welcomeIntro(orderName) : messages.repeatIntro(orderName),
                messages.summaryHeading(orderName),
                lines,
                messages.totalLabel(),
                order.total() == null ? null : MoneyFormat.format(order.total(), locale),
                messages.colon(),
                messages.gap(),
                messages.nextHeading(),
                messages.nextText(),
                messages.referralHeading(),
                messages.referralText(shopName),
                linkUrl(view.referralUrl()),
                messages.signOff(),
                messages.signature(shopName),
                messages.aboutOrder(shopName, orderName),
                messages.unsubscribePrompt(),
                messages.unsubscribeLink(),
                linkUrl(view.unsubscribeUrl()));

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
        Messages messages = Messages.of(locale);
        String shopName = shopName(shop);
        String name = oneLineOrNull(view.firstName());
        boolean vip = view.vip();
        String unsubscribeUrl = linkUrl(view.unsubscribeUrl());
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

        String had = messages.duration(view.daysSinceLastOrder());
        String tenure = messages.duration(view.daysAsCustomer());
        // A one-order customer has been one exactly as long as they have had their order: say it once.
        String distinctTenure = tenure.equals(had) ? null : tenure;

        String intro = products.isEmpty()
                ? messages.followUpSinceOrder(orderLabel(view.lastOrderName()), had)
                : messages.followUpHadItFor(messages.productList(products), products.size(), had);
        String relationship;
        if (vip) {
            relationship = messages.followUpVipThanks(shopName, distinctTenure);
        } else if (view.orderCount() >= 2) {
            relationship = messages.followUpTenure(shopName, tenure, view.orderCount());
        } else {
            relationship = messages.followUpGladYouFoundUs(shopName, distinctTenure);
        }

        String subject = oneLine(messages.followUpSubject(vip, name, firstProduct, shopName));
        TemplateModels.FollowUp model = new TemplateModels.FollowUp(
                locale.tag(),
                subject,
                intro,
                messages.followUpGreeting(name),
                List.of(intro, relationship),
                messages.followUpTipsHeading(tips.size()),
                List.copyOf(tips),
                messages.followUpSurveyPrompt(),
                messages.followUpSurveyLink(),
                linkUrl(view.surveyUrl()),
                messages.followUpClosing(vip),
                messages.followUpSignOff(vip),
                messages.signature(shopName),
                messages.followUpWhyYouGetThis(shopName),
                messages.unsubscribePrompt(),
                messages.unsubscribeLink(),
                unsubscribeUrl,
                messages.colon(),
                messages.gap());

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
        Messages messages = Messages.of(locale);
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
                name = messages.someCustomer();
            }
            who.add(name != null ? name : email);

            List<TemplateModels.Fact> facts = new ArrayList<>();
            facts.add(new TemplateModels.Fact(messages.ordersLabel(), numbers.format(pick.orderCount())));
            if (pick.lifetimeSpend() != null) {
                facts.add(new TemplateModels.Fact(messages.lifetimeSpendLabel(), MoneyFormat.format(pick.lifetimeSpend(), locale)));
            }
            if (pick.firstOrderAt() != null) {
                facts.add(new TemplateModels.Fact(messages.customerSinceLabel(), dates.format(utcDay(pick.firstOrderAt()))));
            }
            if (pick.lastContactAt() != null) {
                facts.add(new TemplateModels.Fact(messages.lastContactLabel(), dates.format(utcDay(pick.lastContactAt()))));
            }
            picks.add(new TemplateModels.DigestPick(picks.size() + 1, name, email, mailtoUrl(email),
                    reason(messages, locale, day, pick), facts));
        }

        OwnerDigestView.Health health = view.health();
        List<TemplateModels.Fact> healthFacts = health == null ? List.of() : List.of(
                new TemplateModels.Fact(messages.healthCustomers(), numbers.format(health.customers())),
                new TemplateModels.Fact(messages.healthDueThisWeek(), numbers.format(health.dueThisWeek())),
                new TemplateModels.Fact(messages.healthUnreachable(), numbers.format(health.unreachable())),
                new TemplateModels.Fact(messages.healthSentThisWeek(), numbers.format(health.followUpsSentThisWeek())),
                new TemplateModels.Fact(messages.healthSurveysAnswered(), numbers.format(health.surveysAnsweredThisWeek())),
                new TemplateModels.Fact(messages.healthCouponsRedeemed(), numbers.format(health.couponsRedeemedThisWeek())));

        String subject = oneLine(messages.digestSubject(who, shopName));
        TemplateModels.OwnerDigest model = new TemplateModels.OwnerDigest(
                locale.tag(),
                subject,
                messages.digestHeading(picks.size()),
                day == null ? null : dates.format(day),
                messages.digestIntro(picks.size()),
                picks,
                messages.whyLabel(),
                messages.healthHeading(),
                healthFacts,
                messages.digestFooter(),
                messages.colon());

        return new RenderedEmail(subject, render(text, "ownerdigest.jte", model), render(html, "ownerdigest.jte", model));
    }

    private static String reason(Messages messages, EmailLocale locale, LocalDate day, OwnerDigestView.Pick pick) {
        if (pick.reason() == null) {
            return null;
        }
        switch (pick.reason()) {
            case VIP_DUE_SOON:
                Long days = pick.dueAt() == null || day == null
                        ? null
                        : ChronoUnit.DAYS.between(day, utcDay(pick.dueAt()));
                return messages.reasonVipDueSoon(days);
            case LOW_RATING:
                return messages.reasonLowRating(orderLabel(pick.orderName()));
            case BIG_FIRST_ORDER:
                return messages.reasonBigFirstOrder(orderLabel(pick.orderName()),
                        pick.orderTotal() == null ? null : MoneyFormat.format(pick.orderTotal(), locale));
            default:
                return null;
        }
    }

    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The confirm page behind the unsubscribe link: a POST form with one "Unsubscribe" button. */
    public String unsubscribePage(EmailLocale locale, String shopName, String formActionUrl) {
        Messages messages = Messages.of(locale);
        String shop = displayShop(shopName);
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                messages.unsubscribeTitle(shop),
                messages.unsubscribeQuestion(shop),
                List.of(messages.unsubscribeExplanation(shop), messages.orderEmailsContinue()),
                formActionUrl(formActionUrl),
                messages.unsubscribeButton()));
    }

    /** The page after unsubscribing: done, and order emails still come. */
    public String unsubscribedPage(EmailLocale locale, String shopName) {
        Messages messages = Messages.of(locale);
        String shop = displayShop(shopName);
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                messages.unsubscribedTitle(),
                messages.unsubscribedTitle(),
                List.of(messages.unsubscribedText(shop), messages.orderEmailsContinue()),
                null,
                null));
    }

    /**
     * A friendly page for a link that cannot be used: expired (410), a failure on our side (5xx: try again later) or
     * invalid (400, 404, anything else). Says nothing technical.
     */
    public String linkProblemPage(EmailLocale locale, int status) {
        Messages messages = Messages.of(locale);
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                messages.linkProblemTitle(),
                messages.linkProblemTitle(),
                List.of(status == 410 ? messages.linkExpiredText()
                        : status >= 500 ? messages.linkTryLaterText() : messages.linkInvalidText(), messages.linkHelp()),
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

    /** An absolute http(s) link for an email, or null when there is none. Anything else is a bug upstream. */
    static String linkUrl(String url) {
        String value = blankToNull(url);
        if (value == null) {
            return null;
        }
        String scheme = scheme(value);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("email links must be absolute http(s) URLs");
        }
        return value;
    }

    /**
     * A {@code mailto:} link for an address, or null when there is no usable address. Everything but letters,
     * digits, {@code @} and {@code -._~+} is percent-encoded, so an address cannot add headers ({@code ?bcc=},
     * {@code &body=}) or other parts to the link.
     */
    static String mailtoUrl(String email) {
        String value = blankToNull(email);
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return null;
        }
        StringBuilder url = new StringBuilder("mailto:");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "@-._~+".indexOf(c) >= 0) {
                url.append((char) c);
            } else {
                url.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        String link = url.toString();
        if (!"mailto".equals(scheme(link))) {
            throw new IllegalStateException("not a mailto link");
        }
        return link;
    }

    /** A form action: absolute http(s) or relative; never another scheme such as {@code javascript:}. */
    static String formActionUrl(String url) {
        String value = url == null ? "" : url.strip();
        String scheme = scheme(value);
        if (scheme != null && !"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("form action must be an http(s) or relative URL");
        }
        return value;
    }

    private static String scheme(String url) {
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        String compact = url.replaceAll("[\\p{Cntrl}\\s]", "");
        var matcher = URL_SCHEME.matcher(compact);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
