package loyaltyloop.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * A friendly page for a link that cannot be used: expired (410) or invalid (400, 404, anything else). Says
     * nothing technical.
     */
    public String linkProblemPage(EmailLocale locale, int status) {
        Messages messages = Messages.of(locale);
        return render(html, "page.jte", new TemplateModels.Page(
                locale.tag(),
                messages.linkProblemTitle(),
                messages.linkProblemTitle(),
                List.of(status == 410 ? messages.linkExpiredText() : messages.linkInvalidText(), messages.linkHelp()),
                null,
                null));
    }

    private static String render(TemplateEngine engine, String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }

    private static String shopName(Shop shop) {
        String sender = blankToNull(shop.senderName());
        if (sender != null) {
            return oneLine(sender);
        }
        return displayShop(shop.domain());
    }

    private static String displayShop(String shopName) {
        String name = blankToNull(shopName);
        return name == null ? "" : oneLine(name);
    }

    /** "#1001" for a Shopify name or a bare WooCommerce number; the order id when there is no name at all. */
    static String orderName(Order order) {
        String name = blankToNull(order.orderName());
        if (name == null) {
            name = blankToNull(order.orderId());
        }
        if (name == null) {
            return "";
        }
        name = oneLine(name);
        return Character.isDigit(name.charAt(0)) ? "#" + name : name;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Control characters (line breaks included) become single spaces: safe in a subject line. */
    private static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }

    /** An absolute http(s) link for an email, or null when there is none. Anything else is a bug upstream. */
    private static String linkUrl(String url) {
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

    /** A form action: absolute http(s) or relative; never another scheme such as {@code javascript:}. */
    private static String formActionUrl(String url) {
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
