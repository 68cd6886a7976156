package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.events.EventEnvelope;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Order events as a handler gets them from the bus, read into their records (no AWS involved). */
@UnitTest
class OrderEventReadingTest {

    private static Map<String, Object> envelope(String source, String detailType, Map<String, Object> detail) {
        Map<String, Object> event = new HashMap<>();
        event.put("version", "0");
        event.put("source", source);
        event.put("detail-type", detailType);
        event.put("detail", detail);
        return event;
    }

    private static Map<String, Object> refundDetail() {
        Map<String, Object> detail = new HashMap<>();
        detail.put("shop", "demo.myshopify.com");
        detail.put("orderId", "820982911946154599");
        detail.put("email", "amy.chen@example.com");
        detail.put("refundId", "509562970");
        detail.put("amountMinor", 1995);
        detail.put("currency", "USD");
        return detail;
    }

    @Test
    void theMapLambdaHandsAHandlerReadsAsTheRecordOfItsType() {
        EventEnvelope envelope = EventEnvelope.of(envelope("loyalty-loop.orders", "OrderRefunded", refundDetail()));

        assertThat(envelope.as(OrderRefunded.TYPE)).contains(new OrderRefunded("demo.myshopify.com",
                "820982911946154599", "amy.chen@example.com", "509562970", new Money(1995, "USD")));
        assertThat(envelope.as(OrderCancelled.TYPE)).isEmpty();
    }

    @Test
    void anEventFromAnotherSourceIsNotTheRecordWhateverItsDetailType() {
        assertThat(EventEnvelope.of(envelope("someone.else", "OrderRefunded", refundDetail())).as(OrderRefunded.TYPE))
                .isEmpty();
        assertThat(EventEnvelope.of(Map.of("detail-type", "OrderRefunded", "detail", refundDetail()))
                .as(OrderRefunded.TYPE)).isEmpty();
    }

    @Test
    void aDetailMissingAFieldOrWithOneOfTheWrongKindDoesNotRead() {
        Map<String, Object> noEmail = refundDetail();
        noEmail.remove("email");
        Map<String, Object> textAmount = refundDetail();
        textAmount.put("amountMinor", "1995");
        Map<String, Object> numericShop = refundDetail();
        numericShop.put("shop", 42);

        for (Map<String, Object> detail : List.of(noEmail, textAmount, numericShop)) {
            assertThat(EventEnvelope.of(envelope("loyalty-loop.orders", "OrderRefunded", detail))
                    .as(OrderRefunded.TYPE)).as(detail.toString()).isEmpty();
        }
        assertThat(EventEnvelope.of(envelope("loyalty-loop.orders", "OrderRefunded", null)).as(OrderRefunded.TYPE))
                .isEmpty();
    }

    @Test
    void aRefundWithoutItsIdStillReadsAndWritesNoIdBack() {
        Map<String, Object> detail = refundDetail();
        detail.remove("refundId");

        OrderRefunded refunded = EventEnvelope.of(envelope("loyalty-loop.orders", "OrderRefunded", detail))
                .as(OrderRefunded.TYPE).orElseThrow();

        assertThat(refunded.refundId()).isNull();
        assertThat(refunded.toDetail().has("refundId")).isFalse();
    }
}
