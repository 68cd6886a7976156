package loyaltyloop.email;

import static loyaltyloop.email.EmailFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import loyaltyloop.owner.OwnerDigestEmail;
import loyaltyloop.owner.OwnerDigestView;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The digest's lines about the shop's connection, from reconciliation (docs/import.md). */
@UnitTest
class DigestConnectionWarningsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-06");
    private static final OwnerDigestView.Health QUIET = new OwnerDigestView.Health(40, 0, 0, 0, 0, 0);

    private final OwnerDigestEmail emails = new OwnerDigestEmail(new EmailTemplates());

    private RenderedEmail render(String locale, OwnerDigestView.Connection connection) {
        return emails.render(new OwnerDigestView(shop("Demo Shop", locale, "USD"), DAY, List.of(), QUIET, connection));
    }

    @Test
    void recoveredOrdersTellTheOwnerToCheckTheWebhookInBothParts() {
        RenderedEmail email = render("en", new OwnerDigestView.Connection(3, false));

        assertThat(email.text()).contains("3 orders arrived only through reconciliation: check the webhook.");
        assertThat(email.html()).contains("3 orders arrived only through reconciliation: check the webhook.");
        assertThat(render("en", new OwnerDigestView.Connection(1, false)).text())
                .contains("1 order arrived only through reconciliation");
    }

    @Test
    void refusedCredentialsAreSaid() {
        assertThat(render("en", new OwnerDigestView.Connection(0, true)).text())
                .contains("stopped accepting loyalty-loop's credentials").contains("shops check")
                .doesNotContain("arrived only through reconciliation");
    }

    @ParameterizedTest
    @CsvSource({"zh-TW,對帳", "zh-CN,对账"})
    void chineseDigestsSayItInTheirLanguage(String locale, String word) {
        assertThat(render(locale, new OwnerDigestView.Connection(2, true)).text()).contains(word).contains("webhook");
    }

    @Test
    void aDigestWithoutConnectionTroubleSaysNothingOfIt() {
        RenderedEmail plain = emails.render(new OwnerDigestView(shop("Demo Shop", "en", "USD"), DAY, List.of(), QUIET));

        assertThat(plain.text()).isEqualTo(render("en", OwnerDigestView.Connection.NONE).text())
                .doesNotContain("reconciliation");
    }
}
