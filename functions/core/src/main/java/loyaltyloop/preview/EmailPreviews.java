package loyaltyloop.preview;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loyaltyloop.affirmation.AffirmationEmail;
import loyaltyloop.affirmation.AffirmationView;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.Customer;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.owner.OwnerDigestEmail;
import loyaltyloop.owner.OwnerDigestView;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.privacy.CustomerExport;
import loyaltyloop.privacy.DataExportEmail;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Shop;
import loyaltyloop.survey.SurveyEmails;

/**
 * Every email kind rendered for a shop with sample data (Jane, order #1001, a ceramic mug), in any language: what
 * the shop's own wording and brand look like before a customer sees them. The same renderers the loop sends with;
 * links point nowhere ({@code https://example.com/…}).
 */
@Singleton
public class EmailPreviews {

    /** The kinds of email a shop's customers and owner get, as in the {@code kind} tag. */
    public static final List<String> KINDS = List.of("affirmation", "follow-up", "survey", "coupon",
            "service-recovery", "owner-alert", "points", "owner-digest", "data-export");
    public static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");
    private static final String LINKS = "https://example.com/preview";
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final AffirmationEmail affirmation;
    private final FollowUpEmail followUp;
    private final SurveyEmails survey;
    private final PointsEmails points;
    private final OwnerDigestEmail digest;
    private final DataExportEmail export;

    public EmailPreviews(EmailTemplates templates) {
        this.affirmation = new AffirmationEmail(templates);
        this.followUp = new FollowUpEmail(templates);
        this.survey = new SurveyEmails(templates);
        this.points = new PointsEmails(templates);
        this.digest = new OwnerDigestEmail(templates);
        this.export = new DataExportEmail(templates);
    }

    /** One email: its kind, language, subject and HTML part. */
    public record Preview(String kind, String language, String subject, String html) {
    }

    /** Every kind in every language, kinds first. */
    public List<Preview> all(Shop shop) {
        List<Preview> all = new ArrayList<>();
        for (String kind : KINDS) {
            for (String language : LANGUAGES) {
                all.add(render(shop, kind, language));
            }
        }
        return all;
    }

    /**
     * One kind in one language. The owner's emails (alert, digest, data export) are written in the shop's language, so for them
     * {@code language} stands in for it.
     *
     * @throws IllegalArgumentException for a kind not in {@link #KINDS}
     */
    public Preview render(Shop shop, String kind, String language) {
        Money total = new Money(5990, shop.currency());
        Order order = new Order(shop.domain(), shop.platform(), "1001", "#1001", AT, "jane@example.com", "Jane Doe",
                "Jane", null, language, shop.currency(), total, total,
                List.of(new LineItem("Ceramic Mug", 2, new Money(2250, shop.currency()), "632910392")),
                List.of(), Map.of(), null, false, MarketingConsent.GRANTED);
        Coupon coupon = new Coupon(shop.domain(), "THANKS-7KQ2M9", "jane@example.com", CouponTerms.percentOff(20),
                shop.currency(), Coupon.Origin.SURVEY, "1001", Coupon.State.ISSUED, AT, AT.plus(Duration.ofDays(60)),
                null, null);
        Shop inLanguage = new Shop(shop.domain(), shop.platform(), shop.storefrontUrl(), shop.senderAddress(),
                shop.senderName(), shop.ownerEmail(), language, shop.currency(), shop.webhookSecretRef(),
                shop.consentMode(), shop.productTips(), shop.settings());
        RenderedEmail email = switch (kind) {
            case "affirmation" -> affirmation.render(new AffirmationView(shop, order, 2, LINKS + "/r/K7QX4MZP",
                    LINKS + "/u/token"));
            case "follow-up" -> followUp.render(new FollowUpView(shop, "Jane", language, false, 400, 3, "#1001", 45,
                    List.of(new FollowUpView.Item("Ceramic Mug",
                            shop.productTips().getOrDefault("632910392", null))), LINKS + "/u/token", null));
            case "survey" -> survey.survey(shop, language, "Jane", "#1001", 14, LINKS + "/s/token",
                    LINKS + "/u/token");
            case "coupon" -> survey.coupon(shop, language, "Jane", coupon);
            case "service-recovery" -> survey.serviceRecovery(shop, language, "Jane", "#1001", coupon);
            case "owner-alert" -> survey.ownerAlert(inLanguage, "Jane Doe", "jane@example.com", 2,
                    "The mug arrived cracked.", "#1001", total, coupon);
            case "points" -> {
                Customer jane = new Customer(shop.domain(), "jane@example.com", "Jane", "Jane Doe", AT, 3,
                        new Money(17970, shop.currency()), language, AT, MarketingConsent.GRANTED, null, "K7QX4MZP",
                        Map.of(), List.of(), 1);
                var message = points.creditedEmail(shop, jane, new LedgerEntry(LedgerEntry.Reason.REFERRAL, "1002",
                        500, AT, "Amy", 0, null, null), 500, LINKS + "/p/token");
                yield new RenderedEmail(message.subject(), message.text(), message.html());
            }
            case "owner-digest" -> digest.render(new OwnerDigestView(inLanguage, LocalDate.ofInstant(AT, ZoneOffset.UTC),
                    List.of(new OwnerDigestView.Pick(OwnerDigestView.Reason.LOW_RATING, "Jane Doe", "jane@example.com",
                            3, new Money(17970, shop.currency()), AT.minus(Duration.ofDays(400)), AT,
                            AT.plus(Duration.ofDays(40)), "#1001", total)),
                    new OwnerDigestView.Health(120, 8, 3, 14, 5, 2),
                    new OwnerDigestView.Ladder(120, List.of(40L, 45L, 20L, 5L, 10L), 97, 3, LINKS + "/o/token")));
            case "data-export" -> export.render(inLanguage, "jane@example.com", "customer-data.json",
                    new CustomerExport.Summary(List.of("1001", "1002", "1003"), 1, 1, 500, 1, 6, false));
            default -> throw new IllegalArgumentException("no email kind " + kind + " (one of " + String.join(", ",
                    KINDS) + ")");
        };
        return new Preview(kind, language, email.subject(), email.html());
    }
}
