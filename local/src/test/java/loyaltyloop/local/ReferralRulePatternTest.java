package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The referral consumer's rule in template.yaml, matched with AWS's event-ruler: only first orders carrying a
 * {@code loyalty_ref} attribute, a landing site with {@code ref=}, or a discount code invoke it, so a plain first
 * order costs the referral function nothing at all.
 */
@UnitTest
class ReferralRulePatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventRules rules;
    private static ObjectNode sample;

    @BeforeAll
    static void load() throws Exception {
        LocalTemplate template = TemplateReader.read(TemplateReader.locate(null, Path.of("")));
        rules = new EventRules(template.rules().stream()
                .filter(r -> r.functionId().equals("ReferralEventsFunction")).toList());
        sample = (ObjectNode) JSON.readTree(Files.readString(Path.of("../events/order-placed.json")));
    }

    private static ObjectNode placed() {
        ObjectNode event = sample.deepCopy();
        ObjectNode order = (ObjectNode) event.path("detail").path("order");
        order.putArray("discountCodes");
        order.putObject("attributes").put("gift", "no");
        order.put("landingSite", "/products/mug?utm_source=newsletter");
        return event;
    }

    private static ObjectNode order(ObjectNode event) {
        return (ObjectNode) event.path("detail").path("order");
    }

    private static boolean invokes(ObjectNode event) {
        return !rules.matching(event.toString()).isEmpty();
    }

    @Test
    void aPlainFirstOrderOrARepeatOrderNeverInvokesTheReferralFunction() {
        assertThat(invokes(placed())).isFalse();
        ObjectNode repeat = placed();
        order(repeat).putObject("attributes").put("loyalty_ref", "K7QH2MZP");
        ((ObjectNode) repeat.path("detail")).put("customerOrderNumber", 2);
        assertThat(invokes(repeat)).isFalse();
        ObjectNode otherAttributeCase = placed();
        order(otherAttributeCase).putObject("attributes").put("Loyalty_Ref", "K7QH2MZP");
        assertThat(invokes(otherAttributeCase)).isFalse();
    }

    @Test
    void firstOrdersWithARefAttributeALandingSiteRefOrAnyDiscountCodeInvokeIt() {
        ObjectNode attribute = placed();
        order(attribute).putObject("attributes").put("loyalty_ref", "K7QH2MZP");
        ObjectNode landing = placed();
        order(landing).put("landingSite", "/?utm_source=x&ref=K7QH2MZP");
        ObjectNode discount = placed();
        ((ArrayNode) order(discount).path("discountCodes")).add("K7QH2MZP");

        assertThat(List.of(attribute, landing, discount)).allSatisfy(e -> assertThat(invokes(e)).isTrue());
        // The sample carries WELCOME10: a discount code could be a referral code, so it is let through.
        assertThat(invokes(sample)).isTrue();
    }

    @Test
    void everyRefundAndCancellationInvokesIt() {
        for (String type : new String[] {"OrderRefunded", "OrderCancelled"}) {
            ObjectNode event = sample.deepCopy();
            event.put("detail-type", type);
            event.set("detail", JSON.createObjectNode().put("shop", "demo.myshopify.com").put("orderId", "1"));
            assertThat(invokes(event)).as(type).isTrue();
        }
    }
}
