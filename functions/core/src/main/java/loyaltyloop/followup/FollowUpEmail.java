package loyaltyloop.followup;

import static loyaltyloop.email.EmailTemplates.shopName;
import static loyaltyloop.email.EmailTemplates.orderLabel;
import static loyaltyloop.email.EmailTemplates.blankToNull;
import static loyaltyloop.email.EmailTemplates.oneLineOrNull;
import static loyaltyloop.email.EmailTemplates.oneLine;

import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import loyaltyloop.email.CommonWording;
import loyaltyloop.email.EmailLinks;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.TemplateModels;
import loyaltyloop.email.Translation;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.shops.Shop;

/** The 90-45 follow-up email, rendered from the {@code followup} templates. */
@Singleton
public class FollowUpEmail {

    private final EmailTemplates templates;

    public FollowUpEmail(EmailTemplates templates) {
        this.templates = templates;
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
    public RenderedEmail render(FollowUpView view) {
        Shop shop = view.shop();
        EmailLocale locale = EmailLocale.resolve(view.locale(), shop.defaultLocale());
        Translation t = Translation.of(locale, shop);
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
                t.text("common.gap"),
                shop.settings().mail().postalAddress());

        return new RenderedEmail(subject, templates.renderText("followup.jte", model), templates.renderHtml("followup.jte", model,
                BrandHeader.of(shop)));
    }
}
