package loyaltyloop.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/**
 * The JTE templates precompiled at build time ({@code src/main/jte/html}: HTML with escaping on; {@code
 * src/main/jte/text}: plain text), the unsubscribe and bad-link pages every function shares, and the small text rules
 * every email follows. Each feature's emails and pages ({@code AffirmationEmail}, {@code FollowUpEmail},
 * {@code SurveyEmails}, …) build their own model and render it here. One instance serves every caller (a singleton bean; tests may build their own): it is thread-safe and loads
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

    /** The confirm page behind the unsubscribe link: a POST form with one "Unsubscribe" button. */
    public String unsubscribePage(EmailLocale locale, String shopName, String formActionUrl) {
        return unsubscribePage(Translation.of(locale), shopName, formActionUrl);
    }

    /** The same in the shop's own wording. */
    public String unsubscribePage(EmailLocale locale, Shop shop, String formActionUrl) {
        return unsubscribePage(Translation.of(locale, shop), shop.senderName(), formActionUrl);
    }

    private String unsubscribePage(Translation t, String shopName, String formActionUrl) {
        EmailLocale locale = t.locale();
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
        return unsubscribedPage(Translation.of(locale), shopName);
    }

    /** The same in the shop's own wording. */
    public String unsubscribedPage(EmailLocale locale, Shop shop) {
        return unsubscribedPage(Translation.of(locale, shop), shop.senderName());
    }

    private String unsubscribedPage(Translation t, String shopName) {
        EmailLocale locale = t.locale();
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

    public String renderHtml(String template, Object model) {
        return render(html, template, model);
    }

    /** An email's HTML with the shop's brand row on top ({@code brand} null: none); the template names it {@code brand}. */
    public String renderHtml(String template, Object model, BrandHeader brand) {
        StringOutput output = new StringOutput(8192);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("m", model);
        params.put("brand", brand);
        html.render(template, params, output);
        return output.toString();
    }

    public String renderText(String template, Object model) {
        return render(text, template, model);
    }

    private static String render(TemplateEngine engine, String template, Object model) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }

    public static String shopName(Shop shop) {
        String sender = blankToNull(shop.senderName());
        if (sender != null) {
            return oneLine(sender);
        }
        return displayShop(shop.domain());
    }

    public static String displayShop(String shopName) {
        String name = blankToNull(shopName);
        return name == null ? "" : oneLine(name);
    }

    /** "#1001" for a Shopify name or a bare WooCommerce number; the order id when there is no name at all. */
    public static String orderName(Order order) {
        String name = orderLabel(order.orderName());
        if (name == null) {
            name = orderLabel(order.orderId());
        }
        return name == null ? "" : name;
    }

    /** "#1001" for "#1001" or a bare "1001"; null when blank. */
    public static String orderLabel(String orderName) {
        String name = oneLineOrNull(orderName);
        if (name == null) {
            return null;
        }
        return Character.isDigit(name.charAt(0)) ? "#" + name : name;
    }

    public static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Trimmed, on one line, or null when blank. */
    public static String oneLineOrNull(String value) {
        String trimmed = blankToNull(value);
        return trimmed == null ? null : blankToNull(oneLine(trimmed));
    }

    /** Control characters (line breaks included) become single spaces: safe in a subject line. */
    public static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }
}
