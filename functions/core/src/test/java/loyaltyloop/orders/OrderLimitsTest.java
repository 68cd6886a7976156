package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.json.Json;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class OrderLimitsTest {

    private static Order usable(ParsedOrder parsed) {
        assertThat(parsed).isInstanceOf(ParsedOrder.Usable.class);
        return ((ParsedOrder.Usable) parsed).order();
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAndControlCharactersASpace() {
        assertThat(OrderLimits.clean("\ud800x")).isEqualTo("\uFFFDx");
        assertThat(OrderLimits.clean("x\udc00")).isEqualTo("x\uFFFD");
        assertThat(OrderLimits.clean("a\u0000b\nc\td")).isEqualTo("a b c d");
        // A whole pair is a character: kept.
        assertThat(OrderLimits.clean("mug \uD83D\uDE00")).isEqualTo("mug \uD83D\uDE00");
        assertThat(OrderLimits.clean("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
        String plain = "Café 手沖壺";
        assertThat(OrderLimits.clean(plain)).isSameAs(plain);
    }

    @Test
    void shortTextsCutOnCharactersNeverInsideAPair() {
        String emoji = "\uD83D\uDE00".repeat(10);
        String cut = OrderLimits.shortText(emoji, 4);
        assertThat(cut).isEqualTo("\uD83D\uDE00".repeat(3) + "…");
        assertThat(OrderLimits.shortText("abc", 4)).isEqualTo("abc");
    }

    /** The largest order that can be kept: every list full, every text at its longest in four-byte characters. */
    @Test
    void theLargestOrderKeptIsFarBelowEventBridgesLimitAsJson() {
        String huge = "\uD83D\uDE00".repeat(1_000);
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(new LineItem(huge + "\"\\", 1, new Money(1, "USD"), huge));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            attributes.put(i + huge, huge);
            codes.add(i + huge);
        }
        Order order = Orders.anOrder().customer(huge, huge).customerId(huge).locale(huge).landingSite(huge)
                .orderName(huge).total(new Money(10_000, "USD")).lineItems(items).attributes(attributes)
                .discountCodes(codes).build();

        Order kept = usable(OrderLimits.apply(order));

        assertThat(kept.lineItems()).hasSize(OrderLimits.MAX_LINE_ITEMS);
        assertThat(kept.omittedLineItems()).isEqualTo(10_000 - OrderLimits.MAX_LINE_ITEMS);
        assertThat(kept.attributes()).hasSize(20);
        assertThat(kept.discountCodes()).hasSize(10);
        assertThat(kept.cuts()).contains("9950 line items not kept", "customerName shortened to 100 characters",
                "a line item title shortened to 150 characters", "980 attributes not kept", "990 discount codes not kept");
        int bytes = Json.write(OrderJson.toJson(kept)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(100 * 1024);
    }

    @Test
    void negativeAndOverflowingAmountsAreRefusedWithTheirReason() {
        Money cent = new Money(1, "USD");
        assertThat(OrderLimits.apply(Orders.anOrder().total(new Money(-1000, "USD")).build()))
                .isEqualTo(new ParsedOrder.Unusable("order total is negative"));
        assertThat(OrderLimits.apply(Orders.anOrder().total(cent)
                .lineItems(new LineItem("Refund line", 1, new Money(-5, "USD"), null)).build()))
                .isEqualTo(new ParsedOrder.Unusable("a line item is negative"));
        assertThat(OrderLimits.apply(Orders.anOrder().total(cent)
                .lineItems(new LineItem("Mug", Integer.MAX_VALUE, new Money(9_999_999_999L, "USD"), null)).build()))
                .isEqualTo(new ParsedOrder.Unusable("order amounts are too large"));
        assertThat(OrderLimits.apply(Orders.anOrder().total(new Money(Long.MAX_VALUE, "USD")).build()))
                .isEqualTo(new ParsedOrder.Unusable("order amounts are too large"));
        assertThat(OrderLimits.apply(Orders.anOrder().orderId("9".repeat(65)).build()))
                .isEqualTo(new ParsedOrder.Unusable("order id is longer than 64 characters"));
    }

    @Test
    void anOrdinaryOrderIsKeptAsItIs() {
        Order order = Orders.anOrder().customer("Jane Doe", "Jane").total(new Money(5990, "USD"))
                .lineItems(new LineItem("Café mug", 2, new Money(2250, "USD"), "632910392")).build();

        assertThat(usable(OrderLimits.apply(order))).isEqualTo(order);
    }
}
