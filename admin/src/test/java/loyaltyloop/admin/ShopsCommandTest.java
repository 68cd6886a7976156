package loyaltyloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of {@code shops add --settings/--coupon-api-credentials} and {@code shops coupons upload}. */
@UnitTest
class ShopsCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static List<String> add(String platform, String... more) {
        List<String> args = new ArrayList<>(List.of("--domain", "tea.example", "--platform", platform,
                "--storefront", "https://tea.example", "--sender-address", "hi@tea.example", "--sender-name", "Tea",
                "--owner-email", "owner@tea.example", "--webhook-secret", "s3cret", "--table", "T"));
        args.addAll(List.of(more));
        return args;
    }

    /** Shops in a map: enough for what registration reads and writes. */
    private static final class MemoryShops implements ShopStore {
        final Map<String, Shop> shops = new HashMap<>();

        @Override
        public Optional<Shop> find(String domain) {
            return Optional.ofNullable(shops.get(domain));
        }

        @Override
        public List<Shop> all() {
            return List.copyOf(shops.values());
        }

        @Override
        public void save(Shop shop) {
            shops.put(shop.domain(), shop);
        }

        @Override
        public boolean markUninstalled(String domain, java.time.Instant at) {
            return shops.computeIfPresent(domain, (d, s) -> s.withConnection(s.connection().uninstalled(at))) != null;
        }
    }

    @Test
    void aSettingsFileIsReadWithWireNamesAndAnyCaseEnums() throws IOException {
        Path settings = file("settings.json", """
                {"coupons": {"surveyReward": {"kind": "fixed", "value": 500, "minimumOrderMinor": 3000, "validDays": 30},
                             "prefix": "TEA", "provisioning": "pool"}}""");

        ShopRegistration.Request request = ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString()))
                .request();

        LoyaltySettings.CouponSettings coupons = request.settings().coupons();
        assertThat(coupons.provisioning()).isEqualTo(LoyaltySettings.Provisioning.POOL);
        assertThat(coupons.prefix()).isEqualTo("TEA");
        assertThat(coupons.surveyReward()).isEqualTo(new CouponTerms(CouponTerms.Kind.FIXED, 500, 3000, 30));
        assertThat(request.settings().survey()).isEqualTo(LoyaltySettings.SurveySettings.DEFAULTS);
    }

    @Test
    void settingsThatAreNotJsonAreAUsageError() throws IOException {
        Path settings = file("bad.json", "{\"coupons\": ");

        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString())))
                .isInstanceOf(Flags.UsageException.class)
                .hasMessageStartingWith("--settings " + settings + " is not JSON");
    }

    @Test
    void anUnknownProvisioningNamesTheFieldAndTheChoices() throws IOException {
        Path settings = file("s.json", "{\"coupons\": {\"provisioning\": \"magic\"}}");

        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString())))
                .isInstanceOf(Flags.UsageException.class)
                .hasMessageContaining("at coupons.provisioning")
                .hasMessageContaining("platform-api, pool or demo");
    }

    @Test
    void aValueTheSettingsRefuseIsAUsageErrorSayingWhy() throws IOException {
        Path settings = file("s.json", "{\"coupons\": {\"prefix\": \"lower\"}}");

        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString())))
                .isInstanceOf(Flags.UsageException.class)
                .hasMessageContaining("a coupon prefix is 1-8 of A-Z and 2-9");
    }

    @Test
    void aReplacedSentenceThatBreaksTheRulesIsRefusedWithItsKeyBeforeAnythingIsStored() throws IOException {
        Path unknown = file("w1.json", "{\"messages\": {\"en\": {\"followUpSubjekt\": \"Hi\"}}}");
        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", unknown.toString())))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("messages.en.followUpSubjekt");
        Path dropped = file("w2.json",
                "{\"messages\": {\"zh-TW\": {\"followup.subject.product.named\": \"還喜歡嗎？\"}}}");
        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", dropped.toString())))
                .isInstanceOf(Flags.UsageException.class)
                .hasMessageContaining("messages.zh-TW.followup.subject.product.named").hasMessageContaining("drops {0}, {1}");
        Path good = file("w3.json", "{\"messages\": {\"en\": {\"followup.subject.product.named\": "
                + "\"{0}, still loving your {1}?\"}}, \"brand\": {\"colour\": \"#1D4ED8\"}}");
        LoyaltySettings settings = ShopsCommand.parseAdd(add("shopify", "--settings", good.toString())).request()
                .settings();
        assertThat(settings.messagesIn("en")).containsKey("followup.subject.product.named");
        assertThat(settings.brand().colour()).isEqualTo("#1d4ed8");
        Path named = file("w4.json", "{\"messages\": {\"en\": {\"followUpSubject\": \"Hi from us\"}}}");
        assertThat(ShopsCommand.parseAdd(add("shopify", "--settings", named.toString())).request().settings()
                .messagesIn("en")).containsEntry("followup.subject.hello.named", "Hi from us").hasSize(8);
    }

    @Test
    void aMisspelledSettingIsAUsageErrorNotSilentlyIgnored() throws IOException {
        Path settings = file("s.json", "{\"coupon\": {\"provisioning\": \"pool\"}}");

        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString())))
                .isInstanceOf(Flags.UsageException.class)
                .hasMessageContaining("coupon");
    }

    @Test
    void settingsThatAreNotAnObjectOrMissingAreUsageErrors() throws IOException {
        Path nullSettings = file("null.json", "null");

        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", nullSettings.toString())))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--settings", dir.resolve("no.json").toString())))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("cannot read --settings");
    }

    @Test
    void badSettingsExitWithTheUsageCode() throws IOException {
        Path settings = file("bad.json", "not json");

        assertThat(ShopsCommand.run(prepend("add", add("shopify", "--settings", settings.toString()))))
                .isEqualTo(Flags.EXIT_USAGE);
        assertThat(ShopsCommand.run(List.of("coupons"))).isEqualTo(Flags.EXIT_USAGE);
        assertThat(ShopsCommand.run(List.of("coupons", "upload", "--domain", "tea.example")))
                .isEqualTo(Flags.EXIT_USAGE);
    }

    @Test
    void couponApiCredentialsBecomeTheShopsApiSecretRef() {
        ShopRegistration registration = new ShopRegistration(null, new MemoryShops(), "/loyalty-loop/test/shops/");
        ShopRegistration.Request request = ShopsCommand.parseAdd(
                add("shopify", "--coupon-api-credentials", "shpat_token")).request();

        Shop shop = registration.validate(request);

        assertThat(shop.settings().coupons().apiSecretRef()).isEqualTo("/loyalty-loop/test/shops/tea.example/coupon-api");
        assertThat(shop.toString()).doesNotContain("shpat_token");
        assertThat(request.toString()).doesNotContain("shpat_token");
    }

    @Test
    void wooCommerceCredentialsWithoutAConsumerSecretAreRefusedWithoutRepeatingThem() {
        ShopRegistration registration = new ShopRegistration(null, new MemoryShops(), "/loyalty-loop/test/shops/");
        ShopRegistration.Request request = ShopsCommand.parseAdd(
                add("woocommerce", "--coupon-api-credentials", "ck_onlythekey")).request();

        assertThatThrownBy(() -> registration.validate(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer_key:consumer_secret")
                .hasMessageNotContaining("ck_onlythekey");
    }

    @Test
    void registeringAgainWithoutSettingsKeepsTheStoredOnes() throws IOException {
        MemoryShops shops = new MemoryShops();
        ShopRegistration registration = new ShopRegistration(null, shops, "/loyalty-loop/test/shops/");
        Path settings = file("s.json", "{\"coupons\": {\"provisioning\": \"pool\"}}");
        shops.save(registration.validate(ShopsCommand.parseAdd(add("shopify", "--settings", settings.toString()))
                .request()));

        Shop again = registration.validate(ShopsCommand.parseAdd(add("shopify", "--locale", "zh-TW")).request());

        assertThat(again.settings().coupons().provisioning()).isEqualTo(LoyaltySettings.Provisioning.POOL);
    }

    @Test
    void anUploadNeedsAReadableFileWithCodes() throws IOException {
        Path empty = file("empty.txt", "\n  \n");

        assertThatThrownBy(() -> ShopsCommand.parseUpload(List.of("--domain", "tea.example", "--file",
                empty.toString(), "--table", "T")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("has no coupon codes");
        assertThatThrownBy(() -> ShopsCommand.parseUpload(List.of("--domain", "tea.example", "--file",
                dir.resolve("missing.txt").toString(), "--table", "T")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("cannot read --file");
        assertThatThrownBy(() -> ShopsCommand.parseUpload(List.of("--domain", "tea.example", "--table", "T")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("--file is required");
        assertThatThrownBy(() -> ShopsCommand.parseUpload(List.of("--domain", "tea.example", "--file", "x",
                "--webhook-secret", "s")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("unknown flag: --webhook-secret");
    }

    @Test
    void anUploadReadsOneCodePerLineForTheNormalisedDomain() throws IOException {
        Path codes = file("codes.txt", "THANKS-1\nthanks-2\n");

        ShopsCommand.Upload upload = ShopsCommand.parseUpload(List.of("--domain", "https://Tea.Example/", "--file",
                codes.toString(), "--aws-endpoint", "http://127.0.0.1:1"));

        assertThat(upload.domain()).isEqualTo("tea.example");
        assertThat(upload.lines()).containsExactly("THANKS-1", "thanks-2");
        assertThat(upload.target().table()).isEqualTo(ShopsCommand.EMULATOR_TABLE);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Test
    void aShopifyAppNeedsItsClientIdAndSecretTogetherAndNoWebhookSecret() {
        List<String> app = new ArrayList<>(add("shopify"));
        app.removeAll(List.of("--webhook-secret", "s3cret"));

        ShopRegistration.Request request = ShopsCommand.parseAdd(concat(app, "--client-id",
                "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f", "--client-secret", "shpss_x")).request();

        assertThat(request.shopifyApp().clientId()).isEqualTo("3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f");
        assertThat(request.toString()).doesNotContain("shpss_x");
        assertThatThrownBy(() -> ShopsCommand.parseAdd(concat(app, "--client-id", "3f9c2b1a7e6d5c4b")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("go together");
        assertThatThrownBy(() -> ShopsCommand.parseAdd(add("shopify", "--client-id", "3f9c2b1a7e6d5c4b",
                "--client-secret", "shpss_x"))).isInstanceOf(Flags.UsageException.class).hasMessageContaining("not both");
    }

    @Test
    void onlyShopifyShopsAreConnectedAsAnApp() {
        ShopRegistration registration = new ShopRegistration(null, new MemoryShops(), "/loyalty-loop/test/shops/");
        List<String> app = new ArrayList<>(add("woocommerce"));
        app.removeAll(List.of("--webhook-secret", "s3cret"));

        ShopRegistration.Request request = ShopsCommand.parseAdd(concat(app, "--client-id",
                "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f", "--client-secret", "shpss_x")).request();

        assertThatThrownBy(() -> registration.validate(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Shopify apps only");
    }

    @Test
    void checkExitsNonZeroOnlyWhenSomethingIsBroken() {
        Shop shop = new Shop("tea.example", loyaltyloop.shops.Platform.WOOCOMMERCE, "https://tea.example",
                "hi@tea.example", "Tea", null, "en", "USD", "/ref");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);

        int well = ShopsCheckCommand.report(shop, List.of(loyaltyloop.shops.CheckFinding.ok("key works"),
                loyaltyloop.shops.CheckFinding.warning("cannot list")), print);
        int broken = ShopsCheckCommand.report(shop, List.of(loyaltyloop.shops.CheckFinding.ok("key works"),
                loyaltyloop.shops.CheckFinding.problem("webhook disabled")), print);

        assertThat(well).isZero();
        assertThat(broken).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("all is well")
                .contains("PROBLEM  webhook disabled").contains("1 thing needs fixing");
    }

    private static List<String> concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }
}
