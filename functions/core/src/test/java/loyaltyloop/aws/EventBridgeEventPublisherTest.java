package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.followup.SweepPartDue;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** The EventBridge adapter against the moto server; a tapped bus copies every event into a queue. */
@MotoTest
class EventBridgeEventPublisherTest {

    private static final String DETAIL = "{\"shop\":\"demo.myshopify.com\",\"orderId\":\"820982911946154508\","
            + "\"customerOrderNumber\":1,\"linkBaseUrl\":\"https://links.example.com\","
            + "\"order\":{\"orderId\":\"820982911946154508\",\"totalMinor\":11980,\"currency\":\"USD\"}}";

    private static EventBridgeClient events;

    @BeforeAll
    static void client() {
        events = TestAws.eventBridge();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aPublishedEventArrivesOnTheBusWithItsSourceDetailTypeAndDetail() {
        TestAws.EventTap tap = TestAws.tapBus();
        EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(events, tap.bus());

        publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", DETAIL));

        List<JsonNode> arrived = tap.drain();
        assertThat(arrived).hasSize(1);
        JsonNode event = arrived.get(0);
        assertThat(event.path("source").asText()).isEqualTo("loyalty-loop.orders");
        assertThat(event.path("detail-type").asText()).isEqualTo("OrderPlaced");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("orderId").isTextual()).as("the id stays a string").isTrue();
        assertThat(detail.path("orderId").asText()).isEqualTo("820982911946154508");
        assertThat(detail.path("customerOrderNumber").asInt()).isEqualTo(1);
        assertThat(detail.path("order").path("totalMinor").asLong()).isEqualTo(11980);
    }

    @Test
    void eachPublishIsOneEvent() {
        TestAws.EventTap tap = TestAws.tapBus();
        EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(events, tap.bus());

        publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", DETAIL));
        publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderRefunded", DETAIL));
        publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderCancelled", DETAIL));

        assertThat(tap.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("OrderPlaced", "OrderRefunded", "OrderCancelled");
    }

    @Test
    void publishingManyAtOnceDeliversEachOnceInCallsOfTen() {
        TestAws.EventTap tap = TestAws.tapBus();
        EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(events, tap.bus());
        List<SweepPartDue> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            parts.add(new SweepPartDue("shop" + i + ".myshopify.com", "MAowCjE"));
        }

        publisher.publishAll(parts);

        assertThat(tap.drain()).extracting(e -> e.path("detail").path("shop").asText())
                .containsExactlyInAnyOrderElementsOf(parts.stream().map(SweepPartDue::shop).toList());
    }

    @Test
    void anEntryTheBusRefusesIsAnErrorNotASilentDrop() {
        TestAws.EventTap tap = TestAws.tapBus();
        EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(events, tap.bus());

        // EventBridge answers 200 with FailedEntryCount 1 for a detail that is not a JSON object.
        assertThatThrownBy(() -> publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", "not json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderPlaced")
                .hasMessageContaining("MalformedDetail");
        assertThat(tap.drain()).isEmpty();
    }

    @Test
    void publishingToABusThatDoesNotExistFails() {
        EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(events, TestAws.unique("no-such-bus"));

        // moto 5 fails the whole PutEvents call with ResourceNotFoundException ("Event bus ... does not exist.").
        // Should AWS instead refuse only the entry (FailedEntryCount 1), the publisher's entry check throws
        // IllegalStateException: either way the caller sees the failure and the delivery is retried.
        assertThatThrownBy(() -> publisher.publish(new DomainEvent("loyalty-loop.orders", "OrderPlaced", DETAIL)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("does not exist");
    }
}
