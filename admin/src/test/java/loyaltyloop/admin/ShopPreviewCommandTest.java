package loyaltyloop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.preview.EmailPreviews;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class ShopPreviewCommandTest {

    private static final Shop SHOP = new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com",
            "hello@demo.example", "Demo Shop", "owner@demo.example", "en", "USD", "/x");

    @Test
    void aKindAndALocaleWriteThatOneFile(@TempDir Path out) throws Exception {
        ShopPreviewCommand.Preview preview = ShopPreviewCommand.parse(List.of("--domain", "demo.myshopify.com",
                "--kind", "follow-up", "--locale", "zh_TW", "--out", out.toString(), "--aws-endpoint", "http://x"));
        List<Path> written = ShopPreviewCommand.write(new EmailPreviews(new EmailTemplates()), SHOP, preview);
        assertThat(written).containsExactly(out.resolve("follow-up.zh-TW.html"));
        assertThat(Files.readString(written.get(0))).contains("lang=\"zh-TW\"", "Ceramic Mug");
    }

    @Test
    void withoutThemEveryKindInEveryLanguage(@TempDir Path out) throws Exception {
        ShopPreviewCommand.Preview preview = ShopPreviewCommand.parse(List.of("--domain", "demo.myshopify.com",
                "--out", out.toString(), "--aws-endpoint", "http://x"));
        assertThat(ShopPreviewCommand.write(new EmailPreviews(new EmailTemplates()), SHOP, preview))
                .hasSize(EmailPreviews.KINDS.size() * 3);
    }

    @Test
    void anUnknownKindOrLocaleIsAUsageError() {
        assertThatThrownBy(() -> ShopPreviewCommand.parse(List.of("--domain", "demo.myshopify.com", "--kind", "x")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("--kind x");
        assertThatThrownBy(() -> ShopPreviewCommand.parse(List.of("--domain", "demo.myshopify.com", "--locale", "fr")))
                .isInstanceOf(Flags.UsageException.class).hasMessageContaining("--locale fr");
    }
}
