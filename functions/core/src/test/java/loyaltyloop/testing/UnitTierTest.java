package loyaltyloop.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loyaltyloop.testing.moto.MotoServer;
import org.junit.jupiter.api.Test;

@UnitTest
class UnitTierTest {

    @Test
    void aUnitTestThatReachesForTheLocalAwsFails() {
        assertThatThrownBy(TestAws::endpoint)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a unit test (@UnitTest)");
        assertThatThrownBy(TestAws::dynamo).hasMessageContaining("is a unit test (@UnitTest)");
    }

    @Test
    void aUnitTestThatStartsAMotoServerFails() {
        assertThatThrownBy(MotoServer::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a unit test (@UnitTest)");
    }
}
