package loyaltyloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** {@code shops import}'s flags: what it reads, from where, and the mistakes it names. */
@UnitTest
class ShopsImportTest {

    private static final List<String> EMULATOR = List.of("--aws-endpoint", "http://localhost:4566");

    private static ShopsImport.Request parse(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(EMULATOR);
        return ShopsImport.parse(all);
    }

    @Test
    void sinceIsADayFromItsStartInUtcAndTheDomainIsNormalised() {
        ShopsImport.Request request = parse("--domain", "https://Acme.myshopify.com/", "--since", "2024-01-01");

        assertThat(request.domain()).isEqualTo("acme.myshopify.com");
        assertThat(request.since()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(request.file()).isNull();
        assertThat(request.target().table()).isEqualTo(ShopsCommand.EMULATOR_TABLE);
    }

    @Test
    void aFileIsImportedWhole() {
        ShopsImport.Request request = parse("--domain", "acme.myshopify.com", "--file", "orders.jsonl");

        assertThat(request.file()).isEqualTo(Path.of("orders.jsonl"));
        assertThat(request.since()).isNull();
    }

    @Test
    void namesEachMistake() {
        assertThatThrownBy(() -> parse("--since", "2024-01-01")).hasMessageContaining("--domain");
        assertThatThrownBy(() -> parse("--domain", "acme.myshopify.com", "--since", "last year"))
                .hasMessageContaining("--since must be a date");
        assertThatThrownBy(() -> parse("--domain", "acme.myshopify.com", "--since", "2024-01-01", "--file", "o.jsonl"))
                .hasMessageContaining("--file");
    }

    @Test
    void theSpreadOfOverdueCustomersIsAShopSettingWithADefaultOfFourteenDays() {
        assertThat(LoyaltySettings.DEFAULTS.history().overdueSpreadDays()).isEqualTo(14);
        assertThat(SettingsFile.parse("{\"history\": {\"overdueSpreadDays\": 30}}", "s.json").history()
                .overdueSpreadDays()).isEqualTo(30);
        assertThat(SettingsFile.parse("{\"survey\": {\"enabled\": true, \"delayDays\": 7, \"linkValidityDays\": 30}}",
                "s.json").history().overdueSpreadDays()).isEqualTo(14);
        assertThatThrownBy(() -> SettingsFile.parse("{\"history\": {\"overdueSpreadDays\": 0}}", "s.json"))
                .hasMessageContaining("overdueSpreadDays must be 1..90");
    }
}
