package loyaltyloop.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class JsonTest {

    @Test
    void readRejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> Json.read("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractionsReadExactlyAndWriteBackUnchanged() {
        assertThat(Json.read("{\"amount\":19.95}").get("amount").decimalValue()).hasToString("19.95");
        assertThat(Json.write(Json.read("{\"amount\":0.1,\"id\":820982911946154508}")))
                .isEqualTo("{\"amount\":0.1,\"id\":820982911946154508}");
    }
}
