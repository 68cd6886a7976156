package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class ShopifyOrdersTest {

    static final Shop SHOP = new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com",
            "hello@demo.example", "Demo Shop", "owner@demo.example", "en", "USD",
            "/loyalty-loop/test/shops/demo.myshopify.com/webhook-secret");

    /**
     * Reads a sample event from the repository's {@code events/} folder. Surefire runs in the module directory
     * ({@code functions/core}), so that is {@code ../../events}; walking up keeps it working from an IDE too.
     */
    static JsonNode event(String fileName) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("events").resolve(fileName))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/" + fileName + " not found above " + Path.of("").toAbsolutePath());
        }
        return Json.MAPPER.readTree(Files.readString(dir.resolve("events").resolve(fileName)));
    }

    /** The webhook body (the API Gateway event's {@code body} string) parsed as JSON. */
    static ObjectNode eventBody(String fileName) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(event(fileName).path("body").asText());
    }

    private static ObjectNode sample() throws IOException {
        return eventBody("shopify-orders-create.json");
    }

    private static Order usable(JsonNode body) {
        ParsedOrder parsed = ShopifyOrders.parse(body, SHOP);
        assertThat(parsed).isInstanceOf(ParsedOrder.Usable.class);
        return ((ParsedOrder.Usable) parsed).order();
    }

    private static String unusable(JsonNode body) {
        ParsedOrder parsed = ShopifyOrders.parse(body, SHOP);
        assertThat(parsed).isInstanceOf(ParsedOrder.Unusable.class);
        return ((ParsedOrder.Unusable) parsed).reason();
    }

    @Test
    void surefireRunsInTheCoreModuleSoTheSampleIsTwoLevelsUp() {
        assertThat(Path.of("../../events/shopify-orders-create.json")).isRegularFile();
    }

    @Test
    void shopifyIdAboveTwoToThe53IsKeptExactly() throws IOException {
        long id = 820982911946154508L;
        assertThat(id).isGreaterThan(1L << 53);
        assertThat((long) (double) id).isNotEqualTo(id); // what a double would have made of it
        Order order = usable(sample());
        assertThat(order.orderId()).isEqualTo("820982911946154508");
        assertThat(order.customerId()).isEqualTo("115310627314723954");
    }

    @Test
    void theSampleOrderIsNormalisedCompletely() throws IOException {
        Order order = usable(sample());
        assertThat(order.shop()).isEqualTo("demo.myshopify.com");
        assertThat(order.platform()).isEqualTo(Platform.SHOPIFY);
        assertThat(order.orderName()).isEqualTo("#1001");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-11-28T15:15:30Z"));
        assertThat(order.email()).isEqualTo("jane.doe@example.com");
        assertThat(order.customerName()).isEqualTo("Jane Doe");
        assertThat(order.firstName()).isEqualTo("Jane");
        assertThat(order.locale()).isEqualTo("en");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.total()).isEqualTo(new Money(5990, "USD"));
        assertThat(order.subtotal()).isEqualTo(new Money(4500, "USD"));
        assertThat(order.lineItems()).containsExactly(
                new LineItem("Ceramic Mug", 1, new Money(2000, "USD"), "632910392"),
                new LineItem("Café Blend Coffee Beans", 2, new Money(1500, "USD"), "921728736"));
        assertThat(order.discountCodes()).containsExactly("WELCOME10");
        assertThat(order.attributes()).containsExactlyEntriesOf(Map.of("gift", "no"));
        assertThat(order.landingSite()).isEqualTo("/products/mug?utm_source=newsletter");
        assertThat(order.test()).isFalse();
        assertThat(order.marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
    }

    @Test
    void emailIsTrimmedAndLowerCased() throws IOException {
        ObjectNode body = sample();
        body.put("email", "  MiXeD.Case+Tag@Example.ORG\t");
        assertThat(usable(body).email()).isEqualTo("mixed.case+tag@example.org");
    }

    @Test
    void aTestOrderIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.put("test", true);
        assertThat(unusable(body)).isEqualTo("test order");
    }

    @Test
    void anOrderWithoutAnyEmailIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.remove("email");
        body.putNull("contact_email");
        ((ObjectNode) body.get("customer")).remove("email");
        assertThat(unusable(body)).contains("email");
    }

    @Test
    void anOrderWithoutACustomerAndWithoutEmailIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.put("email", "");
        body.remove("contact_email");
        body.remove("customer");
        assertThat(unusable(body)).contains("email");
    }

    @Test
    void anEmailOnlyOnTheCustomerIsUsed() throws IOException {
        ObjectNode body = sample();
        body.remove("email");
        body.remove("contact_email");
        ((ObjectNode) body.get("customer")).put("email", " Only.Customer@Example.COM ");
        assertThat(usable(body).email()).isEqualTo("only.customer@example.com");
    }

    @Test
    void notSubscribedConsentStateIsDenied() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("customer").get("email_marketing_consent")).put("state", "not_subscribed");
        body.put("buyer_accepts_marketing", true); // the consent object wins over the older flag
        assertThat(usable(body).marketingConsent()).isEqualTo(MarketingConsent.DENIED);
    }

    @Test
    void buyerAcceptsMarketingFalseWithoutConsentObjectIsDenied() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("customer")).remove("email_marketing_consent");
        body.put("buyer_accepts_marketing", false);
        assertThat(usable(body).marketingConsent()).isEqualTo(MarketingConsent.DENIED);
    }

    @Test
    void buyerAcceptsMarketingTrueWithoutConsentObjectIsGranted() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("customer")).putNull("email_marketing_consent");
        body.put("buyer_accepts_marketing", true);
        assertThat(usable(body).marketingConsent()).isEqualTo(MarketingConsent.GRANTED);
    }

    @Test
    void noConsentInformationAtAllIsUnknown() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("customer")).remove("email_marketing_consent");
        body.remove("buyer_accepts_marketing");
        assertThat(usable(body).marketingConsent()).isEqualTo(MarketingConsent.UNKNOWN);
    }

    @Test
    void anIdSentAsAJsonStringWorksToo() throws IOException {
        ObjectNode body = sample();
        body.put("id", "820982911946154508");
        assertThat(usable(body).orderId()).isEqualTo("820982911946154508");
    }

    @Test
    void anIdReadFromRawJsonTextKeepsEveryDigit() throws IOException {
        String raw = event("shopify-orders-create.json").path("body").asText();
        assertThat(raw).contains("\"id\":820982911946154508,");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw); // a plain mapper too
        assertThat(usable(body).orderId()).isEqualTo("820982911946154508");
    }

    @Test
    void anOrderWithoutIdOrWithAFractionalIdIsUnusable() throws IOException {
        ObjectNode noId = sample();
        noId.remove("id");
        assertThat(unusable(noId)).contains("id");
        ObjectNode floatId = sample();
        floatId.put("id", 8.209829119461545E17);
        assertThat(unusable(floatId)).contains("id");
    }

    @Test
    void aBodyThatIsNotAnObjectIsUnusable() {
        assertThat(unusable(Json.MAPPER.createArrayNode())).isNotBlank();
        assertThat(unusable(null)).isNotBlank();
    }

    @Test
    void anUnreadablePriceMakesTheOrderUnusableInsteadOfThrowing() throws IOException {
        ObjectNode body = sample();
        body.put("total_price", "fifty-nine ninety");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void aLinePriceWithTooManyDecimalsMakesTheOrderUnusable() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("line_items").get(0)).put("price", "20.005");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void anAbsurdlyLargePriceMakesTheOrderUnusableInsteadOfThrowing() throws IOException {
        ObjectNode body = sample();
        body.put("total_price", "1e30");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void anUnknownCurrencyMakesTheOrderUnusable() throws IOException {
        ObjectNode body = sample();
        body.put("currency", "XXQ");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void aMissingTotalMakesTheOrderUnusable() throws IOException {
        ObjectNode body = sample();
        body.remove("total_price");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void anUnreadableCreatedAtMakesTheOrderUnusable() throws IOException {
        ObjectNode body = sample();
        body.put("created_at", "yesterday");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void aJpyOrderIsExactInYen() throws IOException {
        ObjectNode body = sample();
        body.put("currency", "JPY");
        body.put("total_price", "1200");
        body.put("subtotal_price", "1200.00");
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("title", "抹茶");
        line.put("quantity", 2);
        line.put("price", "600");
        line.put("product_id", 1L);
        body.putArray("line_items").add(line);
        Order order = usable(body);
        assertThat(order.currency()).isEqualTo("JPY");
        assertThat(order.total()).isEqualTo(new Money(1200, "JPY"));
        assertThat(order.subtotal()).isEqualTo(new Money(1200, "JPY"));
        assertThat(order.lineItems()).containsExactly(new LineItem("抹茶", 2, new Money(600, "JPY"), "1"));
    }

    @Test
    void aJpyOrderWithAFractionOfAYenIsUnusable() throws IOException {
        ObjectNode body = sample();
        body.put("currency", "JPY");
        body.put("total_price", "1200.5");
        body.put("subtotal_price", "1200.5");
        body.putArray("line_items");
        assertThat(unusable(body)).contains("unreadable");
    }

    @Test
    void aLowerCaseCurrencyIsUpperCased() throws IOException {
        ObjectNode body = sample();
        body.put("currency", "usd");
        assertThat(usable(body).total()).isEqualTo(new Money(5990, "USD"));
    }

    @Test
    void missingLocaleAndCurrencyFallBackToTheShop() throws IOException {
        ObjectNode body = sample();
        body.remove("customer_locale");
        body.remove("currency");
        Order order = usable(body);
        assertThat(order.locale()).isEqualTo(SHOP.defaultLocale());
        assertThat(order.currency()).isEqualTo(SHOP.currency());
    }

    @Test
    void aMissingSubtotalFallsBackToTheTotal() throws IOException {
        ObjectNode body = sample();
        body.remove("subtotal_price");
        assertThat(usable(body).subtotal()).isEqualTo(new Money(5990, "USD"));
    }

    @Test
    void theNameComesFromTheBillingAddressWhenThereIsNoCustomer() throws IOException {
        ObjectNode body = sample();
        body.remove("customer");
        Order order = usable(body);
        assertThat(order.customerName()).isEqualTo("Jane Doe");
        assertThat(order.customerId()).isNull();
    }

    @Test
    void aLineItemWithoutTitleFallsBackToItsName() throws IOException {
        ObjectNode body = sample();
        ((ObjectNode) body.get("line_items").get(0)).remove("title");
        assertThat(usable(body).lineItems().get(0).title()).isEqualTo("Ceramic Mug - Blue");
    }

    @Test
    void incompleteNoteAttributesAndDiscountCodesAreSkippedAndTheFirstValueWins() throws IOException {
        ObjectNode body = sample();
        var notes = body.putArray("note_attributes");
        notes.addObject().put("name", "loyalty_ref").put("value", "K7QH2MZP");
        notes.addObject().put("name", "loyalty_ref").put("value", "SECOND22");
        notes.addObject().put("name", "no-value");
        notes.addObject().put("value", "no-name");
        var codes = body.putArray("discount_codes");
        codes.addObject().put("code", "WELCOME10");
        codes.addObject().put("amount", "1.00");
        Order order = usable(body);
        assertThat(order.attributes()).containsExactlyEntriesOf(Map.of("loyalty_ref", "K7QH2MZP"));
        assertThat(order.discountCodes()).isEqualTo(List.of("WELCOME10"));
    }

    @Test
    void anOrderPaidInAnotherCurrencyKeepsWhatTheCustomerSawAndPaid() throws IOException {
        ObjectNode body = sample();
        body.put("presentment_currency", "EUR");
        body.putObject("total_price_set").putObject("presentment_money").put("amount", "55.10").put("currency_code", "EUR");
        body.putObject("subtotal_price_set").putObject("presentment_money").put("amount", "41.40").put("currency_code", "EUR");
        for (JsonNode line : body.path("line_items")) {
            ((ObjectNode) line).putObject("price_set").putObject("presentment_money").put("amount", "20.70")
                    .put("currency_code", "EUR");
        }

        Order order = usable(body);

        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.total()).isEqualTo(new Money(5990, "USD"));
        assertThat(order.presentment()).isNotNull();
        assertThat(order.presentment().currency()).isEqualTo("EUR");
        assertThat(order.presentment().total()).isEqualTo(new Money(5510, "EUR"));
        assertThat(order.presentment().subtotal()).isEqualTo(new Money(4140, "EUR"));
        assertThat(order.presentment().linePrices()).hasSize(order.lineItems().size())
                .containsOnly(new Money(2070, "EUR"));
    }

    @Test
    void theSameCurrencyOrAMissingPresentmentAmountShowsTheShopsAmounts() throws IOException {
        ObjectNode same = sample();
        same.put("presentment_currency", "USD");
        ObjectNode incomplete = sample();
        incomplete.put("presentment_currency", "EUR");
        incomplete.remove("total_price_set");

        assertThat(usable(same).presentment()).isNull();
        assertThat(usable(incomplete).presentment()).isNull();
    }

    @Test
    void quantitiesMustBeWholeNumbers() throws IOException {
        ObjectNode fractional = sample();
        ((ObjectNode) fractional.path("line_items").get(0)).put("quantity", 1.5);
        ObjectNode asText = sample();
        ((ObjectNode) asText.path("line_items").get(0)).put("quantity", "3");

        assertThat(unusable(fractional)).isEqualTo("order has an unreadable field: a quantity is not a whole number");
        assertThat(usable(asText).lineItems().get(0).quantity()).isEqualTo(3);
    }
}
