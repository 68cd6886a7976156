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
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;

/** The thank-you email of an order, rendered from the {@code affirmation} templates. */
@Singleton
public class AffirmationEmail {

    /** A thank-you lists this many lines at most, then says how many more the order has. */
    static final int MAX_LINES_SHOWN = 20;

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

        // What the customer paid and saw on the shop's own receipt: their currency where it was not the shop's.
        Order.Presentment shown = order.presentment();
        List<TemplateModels.Line> lines = new ArrayList<>();
        List<LineItem> items = order.lineItems();
        for (int i = 0; i < Math.min(items.size(), MAX_LINES_SHOWN); i++) {
            LineItem item = items.get(i);
            Money unit = shown != null && i < shown.linePrices().size() ? shown.linePrices().get(i) : item.price();
            lines.add(new TemplateModels.Line(
                    item.title() == null ? "" : item.title(),
                    item.quantity(),
                    unit == null ? "" : MoneyFormat.format(unit.times(item.quantity()), locale)));
        }
        int more = items.size() - lines.size() + order.omittedLineItems();
        Money total = shown != null ? shown.total() : order.total();

        TemplateModels.Affirmation model = new TemplateModels.Affirmation(
                locale.tag(),
                subject,
                first ? t.named("affirmation.welcome.heading", name, shopName)
                        : t.named("affirmation.repeat.heading", name, nth),
                t.text(first ? "affirmation.welcome.intro" : "affirmation.repeat.intro", orderName),
                t.text("affirmation.summary.heading", orderName),
                lines,
                t.text("affirmation.total.label"),
                total == null ? null : MoneyFormat.format(total, locale),
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
                EmailLinks.linkUrl(view.unsubscribeUrl()),
                more > 0 ? t.text("affirmation.moreItems", more) : null);

        return new RenderedEmail(subject, templates.renderText("affirmation.jte", model), templates.renderHtml("affirmation.jte", model,
                BrandHeader.of(shop)));
    }
}
