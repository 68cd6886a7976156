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
        return Orders.anOrder().shop("demo.myshopify.com").platform(Platform.SHOPIFY).orderId("820982911946154508")
                .orderName("#1001").createdAt(Instant.parse("2026-11-28T15:15:30.123456Z"))
                .email("jane.doe@example.com").customer("Jane Doe", "Jane").customerId("115310627314723954")
                .locale("zh-TW").currency("USD").total(new Money(5990, "USD")).subtotal(new Money(4500, "USD"))
                .lineItems(new LineItem("Ceramic Mug", 1, new Money(2000, "USD"), "632910392"),
                        new LineItem("Café Blend Coffee Beans 烏龍", 2, new Money(1500, "USD"), "921728736"))
                .discountCodes(List.of("WELCOME10", "K7QH2MZP")).attributes(attributes)
                .landingSite("/products/mug?ref=K7QH2MZP&utm_source=x").test(true)
                .marketingConsent(MarketingConsent.DENIED).build();
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
        Order order = Orders.anOrder().shop("woo.demo.local").platform(Platform.WOOCOMMERCE).orderId("727")
                .orderName("#727").createdAt(Instant.parse("2026-11-28T10:20:00Z")).email("ming@example.tw")
                .total(new Money(128000, "TWD")).subtotal(new Money(160000, "TWD"))
                .lineItems(new LineItem("烏龍茶禮盒", 2, new Money(64000, "TWD"), null)).build();
        assertThat(roundTripThroughText(order)).isEqualTo(order);
    }

    @Test
    void everyConsentValueSurvivesARoundTrip() {
        for (MarketingConsent consent : MarketingConsent.values()) {
            Order o = fullOrder();
            Order order = Orders.anOrderLike(o).marketingConsent(consent).build();
            assertThat(roundTripThroughText(order).marketingConsent()).isEqualTo(consent);
        }
    }

    @Test
    void aJpyOrderKeepsWholeYen() {
        Order o = fullOrder();
        Order jpy = Orders.anOrderLike(o).locale("ja").currency("JPY").total(new Money(1200, "JPY"))
                .subtotal(new Money(1200, "JPY")).lineItems(new LineItem("抹茶", 2, new Money(600, "JPY"), "1"))
                .discountCodes(List.of()).attributes(Map.of()).landingSite(null).test(false)
                .marketingConsent(MarketingConsent.GRANTED).build();
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
        Order order = Orders.anOrder().shop("woo.demo.local").platform(Platform.WOOCOMMERCE).orderId("727")
                .orderName("#727").createdAt(Instant.parse("2026-11-28T10:20:00Z")).email("ming@example.tw")
                .total(new Money(0, "TWD")).build();
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
