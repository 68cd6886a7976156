package loyaltyloop.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import loyaltyloop.json.Json;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class PrivacyEventDetailTest {

    @Test
    void aDataRequestCrossesTheBusUnchanged() {
        CustomerDataRequested sent = new CustomerDataRequested("s.myshopify.com", null, "req-1", List.of("1", "2"));

        assertThat(CustomerDataRequested.fromDetail(sent.toDetail())).isEqualTo(sent);
    }

    @Test
    void aRedactRequestWithoutOrdersReadsAsNoOrders() throws Exception {
        var detail = Json.MAPPER.readTree("{\"shop\":\"s.myshopify.com\",\"email\":\"a@example.com\"}");

        assertThat(CustomerRedactRequested.fromDetail(detail).orders()).isEmpty();
    }

    @Test
    void anOrderIdThatIsNotTextMakesTheEventUnreadable() throws Exception {
        var detail = Json.MAPPER.readTree("{\"shop\":\"s.myshopify.com\",\"orders\":[\"1\",{\"id\":2}]}");

        assertThatThrownBy(() -> CustomerRedactRequested.fromDetail(detail))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders");
    }
}
