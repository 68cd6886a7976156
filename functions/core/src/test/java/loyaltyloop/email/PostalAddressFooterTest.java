package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import loyaltyloop.customers.Customers;
import loyaltyloop.followup.FollowUpEmail;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.shops.Shop;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CAN-SPAM: every commercial email carries the sender's physical postal address. Every marketing kind (follow-up,
 * survey) and the points email renders the shop's address in its footer, in both parts and every language, escaped
 * in HTML; a new marketing kind without a renderer here fails.
 */
@UnitTest
class PostalAddressFooterTest {

    private static final String ADDRESS = "Tea & <Co>, 1 Example Street, Springfield, IL 62701, USA";
    private static final EmailTemplates TEMPLATES = new EmailTemplates();

    /** Renders a sample email of the kind for the shop in the language. */
    private static final Map<EmailKind, BiFunction<Shop, String, RenderedEmail>> RENDERERS = new EnumMap<>(Map.of(
            EmailKind.FOLLOW_UP, (shop, lang) -> new FollowUpEmail(TEMPLATES).render(new FollowUpView(shop, "Jane",
                    lang, false, 120, 2, "#1001", 90, List.of(new FollowUpView.Item("Ceramic Mug", null)),
                    EmailFixtures.UNSUBSCRIBE_URL, null)),
            EmailKind.SURVEY, (shop, lang) -> new SurveyEmails(TEMPLATES).survey(shop, lang, "Jane", "#1001", 14,
                    "https://links.example.com/s/eyJzdXJ2ZXki.c2ln", EmailFixtures.UNSUBSCRIBE_URL),
            EmailKind.POINTS, (shop, lang) -> {
                EmailMessage message = new PointsEmails(TEMPLATES).creditedEmail(shop,
                        Customers.aCustomer().shop(shop.domain()).locale(lang).build(),
                        new LedgerEntry(LedgerEntry.Reason.REFERRAL, "o-1", 500, Instant.parse("2026-03-01T00:00:00Z"),
                                "Bo", 0, null, null), 500, "https://links.example.com/p/eyJwb2ludHMi.c2ln");
                return new RenderedEmail(message.subject(), message.text(), message.html());
            }));

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void everyMarketingAndPointsEmailShowsThePostalAddress(String lang) {
        List<EmailKind> mustShow = Arrays.stream(EmailKind.values())
                .filter(kind -> kind.marketing() || kind == EmailKind.POINTS).toList();
        assertThat(RENDERERS.keySet()).as("a renderer for every kind that must show the address")
                .containsExactlyInAnyOrderElementsOf(mustShow);
        Shop shop = withAddress(EmailFixtures.shop("Demo Shop", "en", "USD"));
        RENDERERS.forEach((kind, render) -> {
            RenderedEmail email = render.apply(shop, lang);
            assertThat(email.text()).as("%s text", kind).contains(ADDRESS);
            assertThat(email.html()).as("%s html", kind)
                    .contains("Tea &amp; &lt;Co&gt;, 1 Example Street, Springfield, IL 62701, USA")
                    .doesNotContain("<Co>");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en"})
    void aShopWithoutAnAddressRendersNoEmptyFooterLine(String lang) {
        Shop shop = EmailFixtures.shop("Demo Shop", "en", "USD");
        RENDERERS.forEach((kind, render) ->
                assertThat(render.apply(shop, lang).html()).as("%s", kind).doesNotContain("<p style=\"margin:8px 0 0;\"></p>"));
    }

    private static Shop withAddress(Shop shop) {
        return shop.withSettings(shop.settings().withPostalAddress(ADDRESS));
    }
}
