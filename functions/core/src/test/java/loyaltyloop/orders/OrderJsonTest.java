package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class OrderJsonTest {

    private static Order fullOrder() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("loyalty_ref", "K7QH2MZP");
        attributes.put("gift", "<no> & \"quoted\"");
        return new Order("demo.myshopify.com", Platform.SHOPIFY, "820982911946154508", "#1001",
                Instant.parse("2026-11-28T15:15:30.123456Z"), "jane.doe@example.com", "Jane Doe", "Jane",
                "115310627314723954", "zh-TW", "USD", new Money(5990, "USD"), new Money(4500, "USD"),
                List.of(new LineItem("Ceramic Mug", 1, new Money(2000, "USD"), "632910392"),
                        new LineItem("Café Blend Coffee Beans 烏龍", 2, new Money(1500, "USD"), "921728736")),
                List.of("WELCOME10", "K7QH2MZP"), attributes, "/products/mug?ref=K7QH2MZP&utm_source=x", true,
                MarketingConsent.DENIED);
    }

    private static Order roundTripThroughText(Order order) {
        return OrderJson.fromJson(Json.read(Json.write(OrderJson.toJson(order))));
    }

    @Test
    void anOrderWithEveryFieldSurvivesARoundTrip() {
        Order order = fullOrder();
        assertThat(OrderJson.fromJson(OrderJson.toJson(order))).isEqualTo(order);
        assertThat(roundTripThroughText(order)).isEqualTo(order);
    }

    @Test
    void anOrderWithOnlyTheRequiredFieldsSurvivesARoundTrip() {
        Order order = new Order("woo.demo.local", Platform.WOOCOMMERCE, "727", "#727",
                Instant.parse("2026-11-28T10:20:00Z"), "ming@example.tw", null, null, null, null, "TWD",
                new Money(128000, "TWD"), new Money(160000, "TWD"),
                List.of(new LineItem("烏龍茶禮盒", 2, new Money(64000, "TWD"), null)), List.of(), Map.of(), null,
                false, MarketingConsent.UNKNOWN);
        assertThat(roundTripThroughText(order)).isEqualTo(order);
    }

    @Test
    void everyConsentValueSurvivesARoundTrip() {
        for (MarketingConsent consent : MarketingConsent.values()) {
            Order o = fullOrder();
            Order order = new Order(o.shop(), o.platform(), o.orderId(), o.orderName(), o.createdAt(), o.email(),
                    o.customerName(), o.firstName(), o.customerId(), o.locale(), o.currency(), o.total(),
                    o.subtotal(), o.lineItems(), o.discountCodes(), o.attributes(), o.landingSite(), o.test(), consent);
            assertThat(roundTripThroughText(order).marketingConsent()).isEqualTo(consent);
        }
    }

    @Test
    void aJpyOrderKeepsWholeYen() {
        Order o = fullOrder();
        Order jpy = new Order(o.shop(), o.platform(), o.orderId(), o.orderName(), o.createdAt(), o.email(),
                o.customerName(), o.firstName(), o.customerId(), "ja", "JPY", new Money(1200, "JPY"),
                new Money(1200, "JPY"), List.of(new LineItem("抹茶", 2, new Money(600, "JPY"), "1")), List.of(),
                Map.of(), null, false, MarketingConsent.GRANTED);
        assertThat(roundTripThroughText(jpy)).isEqualTo(jpy);
    }

    @Test
    void bigIdsAreWrittenAsStringsAndStayExact() {
        ObjectNode json = OrderJson.toJson(fullOrder());
        assertThat(json.get("orderId").isTextual()).isTrue();
        assertThat(json.get("orderId").asText()).isEqualTo("820982911946154508");
        assertThat(json.get("customerId").isTextual()).isTrue();
        assertThat(Json.write(json)).contains("\"orderId\":\"820982911946154508\"");
        assertThat(roundTripThroughText(fullOrder()).orderId()).isEqualTo("820982911946154508");
    }

    @Test
    void moneyIsWrittenAsIntegerMinorUnits() {
        ObjectNode json = OrderJson.toJson(fullOrder());
        assertThat(json.get("totalMinor").isIntegralNumber()).isTrue();
        assertThat(json.get("totalMinor").asLong()).isEqualTo(5990);
        assertThat(json.get("lineItems").get(1).get("priceMinor").asLong()).isEqualTo(1500);
        assertThat(json.get("platform").asText()).isEqualTo("shopify");
        assertThat(json.get("marketingConsent").asText()).isEqualTo("denied");
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotWrittenAsNull() {
        Order order = new Order("woo.demo.local", Platform.WOOCOMMERCE, "727", "#727",
                Instant.parse("2026-11-28T10:20:00Z"), "ming@example.tw", null, null, null, null, "TWD",
                new Money(0, "TWD"), new Money(0, "TWD"), List.of(), List.of(), Map.of(), null, false,
                MarketingConsent.UNKNOWN);
        ObjectNode json = OrderJson.toJson(order);
        assertThat(json.has("customerName")).isFalse();
        assertThat(json.has("landingSite")).isFalse();
        assertThat(json.has("locale")).isFalse();
    }

    @Test
    void theNormalisedSampleShopifyOrderSurvivesARoundTrip() throws IOException {
        ParsedOrder parsed = ShopifyOrders.parse(ShopifyOrdersTest.eventBody("shopify-orders-create.json"),
                ShopifyOrdersTest.SHOP);
        Order order = ((ParsedOrder.Usable) parsed).order();
        assertThat(roundTripThroughText(order)).isEqualTo(order);
    }

    @Test
    void theOrderInTheSampleOrderPlacedEventReadsBack() throws IOException {
        JsonNode detail = ShopifyOrdersTest.event("order-placed.json").path("detail");
        Order order = OrderJson.fromJson(detail.path("order"));
        assertThat(order.orderId()).isEqualTo("820982911946154508");
        assertThat(order.total()).isEqualTo(new Money(5990, "USD"));
    }
}
