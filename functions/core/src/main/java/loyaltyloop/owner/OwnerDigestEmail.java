package loyaltyloop.owner;

import static loyaltyloop.email.EmailTemplates.shopName;
import static loyaltyloop.email.EmailTemplates.oneLineOrNull;
import static loyaltyloop.email.EmailTemplates.oneLine;

import jakarta.inject.Singleton;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.deliverability.MailHealth;
import loyaltyloop.email.BrandHeader;
import loyaltyloop.email.EmailLinks;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.TemplateModels;
import loyaltyloop.email.Translation;
import loyaltyloop.shops.Shop;

/** The owner's daily digest email, rendered from the {@code ownerdigest} templates. */
@Singleton
public class OwnerDigestEmail {

    private final EmailTemplates templates;

    public OwnerDigestEmail(EmailTemplates templates) {
        this.templates = templates;
    }

    /**
     * The owner's daily "pick three", in the shop's default language: each pick with why they are worth a personal
     * note, their address as a {@code mailto:} link and their order history, then the loop's health. Dates are shown
     * as UTC calendar days in the locale's medium style.
     */
    public RenderedEmail render(OwnerDigestView view) {
        Shop shop = view.shop();
        EmailLocale locale = EmailLocale.resolve(shop.defaultLocale(), null);
        Translation t = Translation.of(locale, shop);
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
        List<TemplateModels.Fact> healthFacts = new ArrayList<>(health == null ? List.of() : List.of(
                new TemplateModels.Fact(t.text("digest.health.customers"), numbers.format(health.customers())),
                new TemplateModels.Fact(t.text("digest.health.dueThisWeek"), numbers.format(health.dueThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.unreachable"), numbers.format(health.unreachable())),
                new TemplateModels.Fact(t.text("digest.health.sentThisWeek"),
                        numbers.format(health.followUpsSentThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.surveysAnswered"),
                        numbers.format(health.surveysAnsweredThisWeek())),
                new TemplateModels.Fact(t.text("digest.health.couponsRedeemed"),
                        numbers.format(health.couponsRedeemedThisWeek()))));
        MailHealth mail = view.mail();
        if (mail != null && mail.anything()) {
            // Beside SES's review thresholds: an account above them is reviewed or paused, and every shop stops.
            healthFacts.add(new TemplateModels.Fact(t.text("digest.mail.delivered"), numbers.format(mail.delivered())));
            healthFacts.add(new TemplateModels.Fact(t.text("digest.mail.bounceRate"),
                    rate(t, mail.bounceRate(), mail.bounced(), mail.bounceRateOverThreshold(), locale)));
            healthFacts.add(new TemplateModels.Fact(t.text("digest.mail.complaintRate"),
                    rate(t, mail.complaintRate(), mail.complained(), mail.complaintRateOverThreshold(), locale)));
        }

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
                t.text("common.colon"),
                view.ladder() == null ? null : t.text("digest.owner.summary", view.ladder().customers(),
                        numbers.format(view.ladder().stages().get(0)), numbers.format(view.ladder().stages().get(1)),
                        numbers.format(view.ladder().stages().get(2)), numbers.format(view.ladder().stages().get(3)),
                        numbers.format(view.ladder().stages().get(4))),
                view.ladder() == null ? null : t.text("digest.owner.promise", view.ladder().promiseKeptPercent(),
                        view.ladder().overdue()),
                view.ladder() == null ? null : t.text("digest.owner.link"),
                view.ladder() == null ? null : EmailLinks.linkUrl(view.ladder().ownerUrl()),
                words.warnings(view.connection()));

        return new RenderedEmail(subject, templates.renderText("ownerdigest.jte", model), templates.renderHtml("ownerdigest.jte", model,
                BrandHeader.of(shop)));
    }

    /** "2.0% (1)", and a warning when above SES's threshold. */
    private static String rate(Translation t, Double rate, long count, boolean over, EmailLocale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale.toLocale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(2);
        String figure = t.text("digest.mail.rate", rate == null ? "-" : percent.format(rate),
                NumberFormat.getIntegerInstance(locale.toLocale()).format(count));
        return over ? t.text("digest.mail.overThreshold", figure) : figure;
    }
}
