package loyaltyloop.privacy;

import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.Letter;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.TemplateModels;
import loyaltyloop.email.Translation;
import loyaltyloop.email.Translation.Spaced;
import loyaltyloop.shops.Shop;

/** The data export's email to the shop owner: a summary in the shop's language; the JSON goes as an attachment. */
@Singleton
public class DataExportEmail {

    private final EmailTemplates templates;

    public DataExportEmail(EmailTemplates templates) {
        this.templates = templates;
    }

    /** @param summary what the attached document holds */
    public RenderedEmail render(Shop shop, String customerEmail, String fileName, CustomerExport.Summary summary) {
        EmailLocale lang = EmailLocale.resolve(shop.defaultLocale(), null);
        Translation t = Translation.of(lang, shop);
        NumberFormat numbers = NumberFormat.getIntegerInstance(lang.toLocale());
        Spaced shopName = new Spaced(EmailTemplates.shopName(shop));
        Spaced who = new Spaced(EmailTemplates.oneLine(customerEmail));
        String subject = EmailTemplates.oneLine(t.text("export.subject", who, shopName));
        String intro = t.text("export.intro", who, shopName, fileName);
        List<String> paragraphs = new ArrayList<>(List.of(intro));
        List<TemplateModels.Fact> facts = new ArrayList<>();
        if (summary.empty()) {
            paragraphs.add(t.text("export.none"));
        } else {
            facts.add(new TemplateModels.Fact(t.text("export.orders.label"), numbers.format(summary.orderIds().size())));
            if (!summary.orderIds().isEmpty()) {
                facts.add(new TemplateModels.Fact(t.text("export.orderIds.label"),
                        String.join(", ", summary.orderIds())));
            }
            facts.add(new TemplateModels.Fact(t.text("export.surveys.label"), numbers.format(summary.surveys())));
            facts.add(new TemplateModels.Fact(t.text("export.coupons.label"), numbers.format(summary.coupons())));
            facts.add(new TemplateModels.Fact(t.text("export.points.label"), numbers.format(summary.pointsBalance())));
            facts.add(new TemplateModels.Fact(t.text("export.referrals.label"), numbers.format(summary.referralsMade())));
            facts.add(new TemplateModels.Fact(t.text("export.emails.label"), numbers.format(summary.emailsSent())));
        }
        Letter letter = new Letter(lang.tag(), subject, intro, t.named("survey.greeting", null), paragraphs, facts,
                null, null, null, null, null, null, null, List.of(t.text("export.closing")), "", "loyalty-loop",
                t.text("export.footer"), null, null, null, t.text("common.colon"), t.text("common.gap"), null);
        return new RenderedEmail(subject, templates.renderText("letter.jte", letter),
                templates.renderHtml("letter.jte", letter, BrandHeader.of(shop)));
    }
}
