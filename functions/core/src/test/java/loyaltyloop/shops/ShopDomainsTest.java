package loyaltyloop.shops;

import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@UnitTest
class ShopDomainsTest {

    @Test
    void aShopifyDomainHeaderIsKeptAsIs() {
        assertThat(ShopDomains.normalise("demo.myshopify.com")).contains("demo.myshopify.com");
    }

    @Test
    void theWooCommerceSampleSourceBecomesItsHost() {
        assertThat(ShopDomains.normalise("https://woo.demo.local/")).contains("woo.demo.local");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'https://Shop.Example/',            shop.example",
            "'HTTP://shop.example',              shop.example",
            "'http://shop.example/',             shop.example",
            "'  DEMO.MyShopify.com  ',           demo.myshopify.com",
            "'https://shop.example///',          shop.example",
            "'https://shop.example:443/',        shop.example",
            "'http://shop.example:80',           shop.example",
            "'https://shop.example/?from=wc',    shop.example",
    })
    void schemeHostCaseDefaultPortAndTrailingSlashDoNotMatter(String raw, String expected) {
        assertThat(ShopDomains.normalise(raw)).contains(expected);
    }

    @Test
    void aWordPressInASubFolderKeepsItsPath() {
        assertThat(ShopDomains.normalise("https://example.com/shop/")).contains("example.com/shop");
        assertThat(ShopDomains.normalise("https://Example.com/Shop")).contains("example.com/shop");
    }

    @Test
    void aSubFolderShopIsNotTheSameShopAsTheSiteRoot() {
        assertThat(ShopDomains.normalise("https://example.com/shop/"))
                .isNotEqualTo(ShopDomains.normalise("https://example.com/"));
    }

    @Test
    void aNonDefaultPortIsKept() {
        assertThat(ShopDomains.normalise("https://shop.example:8443/")).contains("shop.example:8443");
        assertThat(ShopDomains.normalise("http://localhost:8080")).contains("localhost:8080");
        assertThat(ShopDomains.normalise("shop.example:8443")).contains("shop.example:8443");
    }

    @Test
    void theSameShopWrittenDifferentlyGivesTheSameKey() {
        assertThat(ShopDomains.normalise("https://WOO.demo.local"))
                .isEqualTo(ShopDomains.normalise("woo.demo.local/"))
                .isEqualTo(ShopDomains.normalise("http://woo.demo.local:80/"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "not a domain", "https://", "://", "http:///path", "https://exa mple.com/",
            "javascript:alert(1)", "%%%"})
    void blankOrGarbageGivesNothing(String raw) {
        assertThat(ShopDomains.normalise(raw)).isEmpty();
    }

    @Test
    void anAbsurdlyLongValueGivesNothing() {
        assertThat(ShopDomains.normalise("a".repeat(250) + ".example")).isEmpty();
    }
}
