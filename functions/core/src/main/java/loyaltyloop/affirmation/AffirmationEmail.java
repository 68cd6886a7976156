package loyaltyloop.affirmation;

import static loyaltyloop.email.EmailTemplates.shopName;
import static loyaltyloop.email.EmailTemplates.orderName;
import static loyaltyloop.email.EmailTemplates.blankToNull;
import static loyaltyloop.email.EmailTemplates.oneLine;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.email.CommonWording;
import loyaltyloop.email.EmailLinks;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.TemplateModels;
import loyaltyloop.email.Translation;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/** The thank-you email of an order, rendered from the {@code affirmation} templates. */
@Singleton
public class AffirmationEmail {

    private final EmailTemplates templates;

    public AffirmationEmail(EmailTemplates templates) {
        this.templates = templates;
    }

    /**
     * The thank-you email for an order, in the order's language (falling back to the shop's default): a welcome on
     * the first order, thanks for the Nth order on a repeat one, the order summary, what happens next, the referral
     * link and a visible unsubscribe link.
     */
    public RenderedEmail render(AffirmationView view) {
        Shop shop = view.shop();
        Order order = view.order();
        EmailLocale locale = EmailLocale.resolve(order.locale(), shop.defaultLocale());
        Translation t = Translation.of(locale, shop);
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

        return new RenderedEmail(subject, templates.renderText("affirmation.jte", model), templates.renderHtml("affirmation.jte", model,
                BrandHeader.of(shop)));
    }
}
