package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@UnitTest
class WooCommerceOrdersTest {

    static final Shop SHOP = new Shop("woo.demo.local", Platform.WOOCOMMERCE, "https://woo.demo.local",
            "hello@woo.demo.local", "茶行", "owner@woo.demo.local", "zh-TW", "TWD",
            "/loyalty-loop/test/shops/woo.demo.local/webhook-secret");

    private static ObjectNode sample() throws IOException {
        return ShopifyOrdersTest.eventBody("woocommerce-order-created.json");
    }

    private static Order usable(JsonNode body) {
        ParsedOrder parsed = WooCommerceOrders.parse(body, SHOP);
        assertThat(parsed).isInstanceOf(ParsedOrder.Usable.class);
        return ((ParsedOrder.Usable) parsed).order();
    }

    private static String unusable(JsonNode body) {
        ParsedOrder parsed = WooCommerceOrders.parse(body, SHOP);
        assertThat(parsed).isInstanceOf(ParsedOrder.Unusable.class);
        return ((ParsedOrder.Unusable) parsed).reason();
    }

    @Test
    void theSampleOrderIsNormalisedCompletely() throws IOException {
        Order order = usable(sample());
        assertThat(order.shop()).isEqualTo("woo.demo.local");
        assertThat(order.platform()).isEqualTo(Platform.WOOCOMMERCE);
        assertThat(order.orderId()).isEqualTo("727");
        assertThat(order.orderName()).isEqualTo("#727");
        assertThat(order.email()).isEqualTo("ming@example.tw");
        assertThat(order.customerId()).isEqualTo("12");
        assertThat(order.currency()).isEqualTo("TWD");
        assertThat(order.total()).isEqualTo(new Money(128000, "TWD"));
        assertThat(order.subtotal()).isEqualTo(new Money(160000, "TWD"));
        assertThat(order.lineItems()).containsExactly(new LineItem("烏龍茶禮盒", 2, new Money(64000, "TWD"), "93"));
        assertThat(order.discountCodes()).containsExactly("spring");
        assertThat(order.landingSite()).isNull();
        assertThat(order.test()).isFalse();
    }

    @Test
    void theChineseNameDecodedFromUnicodeEscapesIsKept() throws IOException {
        Order order = usable(sample());
        assertThat(order.firstName()).isEqualTo("小明");
        assertThat(order.customerName()).contains("小明").contains("王");
    }

    @Test
    void metaDataBecomesTheOrderAttributesWithTheLoyaltyRef() throws IOException {
        assertThat(usable(sample()).attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("is_vat_exempt", "no", "loyalty_ref", "K7QH2MZP"));
    }

    @Test
    void dateCreatedGmtIsReadAsUtc() throws IOException {
        // date_created is the site's local time (UTC+8 here); date_created_gmt is the instant.
        assertThat(usable(sample()).createdAt()).isEqualTo(Instant.parse("2026-11-28T10:20:00Z"));
    }

    @Test
    void withoutDateCreatedGmtTheLocalDateIsUsed() throws IOException {
        ObjectNode body = sample();
        body.remove("date_created_gmt");
        assertThat(usable(body).createdAt()).isEqualTo(Instant.parse("2026-11-28T18:20:00Z"));
    }

    @Test
    void anOrderWithoutAnyCreationDateIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.remove("date_created_gmt");
        body.remove("date_created");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void theLocaleIsTheShopDefaultBecauseWooCommerceSendsNone() throws IOException {
        assertThat(usable(sample()).locale()).isEqualTo("zh-TW");
    }

    @Test
    void consentIsUnknownBecauseWooCommerceSendsNone() throws IOException {
        assertThat(usable(sample()).marketingConsent()).isEqualTo(MarketingConsent.UNKNOWN);
    }

    @Test
    void underscorePrefixedMetaKeysArePrivateAndDropped() throws IOException {
        ObjectNode body = sample();
        ArrayNode meta = (ArrayNode) body.get("meta_data");
        meta.addObject().put("id", 5122).put("key", "_wc_order_attribution_source_type").put("value", "typein");
        meta.addObject().put("id", 5123).put("key", "_loyalty_ref").put("value", "SHOULDNT");
        meta.addObject().put("id", 5124).put("key", "structured").putObject("value").put("a", 1);
        assertThat(usable(body).attributes()).containsOnlyKeys("is_vat_exempt", "loyalty_ref");
    }

    @Test
    void anInexactFloatPriceFallsBackToSubtotalDividedByQuantity() throws IOException {
        ObjectNode body = sample();
        ObjectNode line = (ObjectNode) body.get("line_items").get(0);
        line.put("quantity", 3);
        line.put("subtotal", "100.00");
        line.put("price", new BigDecimal("33.333333333333336")); // what PHP's float division sends
        Order order = usable(body);
        assertThat(order.lineItems().get(0).price()).isEqualTo(new Money(3333, "TWD"));
        assertThat(order.lineItems().get(0).quantity()).isEqualTo(3);
        assertThat(order.subtotal()).isEqualTo(new Money(10000, "TWD"));
    }

    @Test
    void anExactFloatPriceIsTakenAsIs() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("line_items").get(0)).put("price", 640.5);
        assertThat(usable(body).lineItems().get(0).price()).isEqualTo(new Money(64050, "TWD"));
    }

    @Test
    void aLineWithNeitherUsablePriceNorSubtotalMakesTheOrderUnusable() throws IOException {
        ObjectNode body = sample();
        ObjectNode line = (ObjectNode) body.get("line_items").get(0);
        line.put("price", "free");
        line.remove("subtotal");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void anOrderWithoutBillingEmailIsUnusable() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("billing")).remove("email");
        assertThat(unusable(body)).contains("email");
    }

    @Test
    void anOrderWithABlankOrInvalidBillingEmailIsUnusable() throws IOException {
        ObjectNode blank = sample();
        ((ObjectNode) blank.get("billing")).put("email", "  ");
        assertThat(unusable(blank)).contains("email");
        ObjectNode invalid = sample();
        ((ObjectNode) invalid.get("billing")).put("email", "ming at example.tw");
        assertThat(unusable(invalid)).contains("email");
    }

    @Test
    void anOrderWithoutBillingAtAllIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.remove("billing");
        assertThat(unusable(body)).contains("email");
    }

    @Test
    void theBillingEmailIsTrimmedAndLowerCased() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("billing")).put("email", " Ming@Example.TW ");
        assertThat(usable(body).email()).isEqualTo("ming@example.tw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trash", "TRASH", "checkout-draft"})
    void aTrashedOrDraftOrderIsUnusable(String status) throws IOException {
        ObjectNode body = sample();
        body.put("status", status);
        assertThat(unusable(body)).contains("not a sale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "on-hold", "completed", "processing"})
    void otherStatusesAreSales(String status) throws IOException {
        ObjectNode body = sample();
        body.put("status", status);
        assertThat(usable(body).orderId()).isEqualTo("727");
    }

    @Test
    void aCustomerIdOfZeroIsAGuestCheckout() throws IOException {
        ObjectNode body = sample();
        body.put("customer_id", 0);
        assertThat(usable(body).customerId()).isNull();
    }

    @Test
    void anUnreadableTotalMakesTheOrderUnusableInsteadOfThrowing() throws IOException {
        ObjectNode body = sample();
        body.put("total", "NT$1,280");
        assertThat(unusable(body)).contains("unreadable");
        body.put("total", "1e30");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void anOrderWithoutIdIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.remove("id");
        assertThat(unusable(body)).contains("id");
    }

    @Test
    void aBodyThatIsNotAnObjectIsUnusable() {
        assertThat(unusable(Json.MAPPER.getNodeFactory().textNode("webhook_id=7"))).isNotBlank();
    }

    @Test
    void aJpyShopsOrderIsExactInYen() throws IOException {
        ObjectNode body = sample();
        body.put("currency", "JPY");
        body.put("total", "1280");
        Order order = usable(body);
        assertThat(order.total()).isEqualTo(new Money(1280, "JPY"));
        assertThat(order.lineItems().get(0).price()).isEqualTo(new Money(640, "JPY"));
        assertThat(order.subtotal()).isEqualTo(new Money(1600, "JPY"));
    }

    @Test
    void htmlEncodedItemNamesAreDecodedOnce() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.path("line_items").get(0)).put("name",
                "Ship Your Idea &ndash; Color: Black &amp; White &#8220;Tom&#039;s&#8221; &#x1F600; &amp;lt;b&amp;gt; &bogus; &#0;");

        assertThat(usable(body).lineItems().get(0).title())
                .isEqualTo("Ship Your Idea – Color: Black & White “Tom's” \uD83D\uDE00 &lt;b&gt; &bogus; \uFFFD");
    }

    @Test
    void whenWooCommerceLastChangedTheOrderIsKept() throws IOException {
        ObjectNode body = sample();
        body.put("date_modified_gmt", "2026-11-29T08:00:00");

        assertThat(usable(body).updatedAt()).isEqualTo(java.time.Instant.parse("2026-11-29T08:00:00Z"));
        body.put("date_modified_gmt", "yesterday");
        assertThat(usable(body).updatedAt()).isNull();
    }

    @Test
    void negativeOrOverflowingAmountsMakeTheOrderUnusable() throws IOException {
        ObjectNode negative = sample();
        negative.put("total", "-10.00");
        ObjectNode overflowing = sample();
        ((ObjectNode) overflowing.path("line_items").get(0)).put("quantity", 2147483647).put("price", 99999999.99)
                .remove("subtotal");

        assertThat(unusable(negative)).isEqualTo("order total is negative");
        assertThat(unusable(overflowing)).isEqualTo("order amounts are too large");
    }
}
