package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets through the context's real adapter, which signs its own SSM GetParameter call, against the moto
 * server's SSM.
 */
@MotoTest
class AwsSecretSourceTest {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = TestAws.context(TestAws.unique("unused-table"), TestAws.unique("unused-bus"),
                TestAws.unique("unused-key"), Map.of());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** A fresh source per test, so no test sees another's cache. */
    private static SecretSource source() {
        return context.createBean(AwsSecretSource.class);
    }

    private static String parameterName() {
        return "/loyalty-loop/test/" + TestAws.unique("shops") + "/demo.myshopify.com/webhook-secret";
    }

    @Test
    void theContextsSecretSourceIsTheAwsAdapter() {
        assertThat(context.getBean(SecretSource.class)).isInstanceOf(AwsSecretSource.class);
    }

    @Test
    void anSsmSecureStringIsReadDecrypted() {
        String name = parameterName();
        TestAws.putSecureString(name, "shpss_0123456789abcdef");

        assertThat(source().secret(name)).contains("shpss_0123456789abcdef");
    }

    @Test
    void theLinkKeyTheTestsMakeIsReadable() {
        String name = TestAws.createLinkKey();

        assertThat(source().secret(name)).hasValueSatisfying(v -> assertThat(v).hasSize(64));
    }

    @Test
    void aValueWithCharactersJsonMustEscapeComesBackIntact() {
        String name = parameterName();
        String value = "ck_abc:cs_\"quoted\"\\back\u00e9\u4e2d";
        TestAws.putSecureString(name, value);

        assertThat(source().secret(name)).contains(value);
    }

    @Test
    void aMissingParameterIsEmpty() {
        assertThat(source().secret(parameterName())).isEmpty();
    }

    @Test
    void aBlankOrNullReferenceIsEmpty() {
        assertThat(source().secret(null)).isEmpty();
        assertThat(source().secret(" ")).isEmpty();
    }

    @Test
    void aReferenceThatIsNotAParameterPathIsRefusedWithoutACall() {
        assertThatThrownBy(() -> source().secret("arn:aws:secretsmanager:us-east-1:123:secret:old-link-key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSM parameter name");
    }

    @Test
    void aParameterStoredAfterAMissIsFoundOnTheNextCall() {
        SecretSource source = source();
        String name = parameterName();
        assertThat(source.secret(name)).isEmpty();

        TestAws.putSecureString(name, "registered-a-moment-ago");

        assertThat(source.secret(name)).contains("registered-a-moment-ago");
    }

    @Test
    void aFoundValueIsServedFromTheCacheForAWhile() {
        SecretSource source = source();
        String name = parameterName();
        TestAws.putSecureString(name, "first");
        assertThat(source.secret(name)).contains("first");

        TestAws.putSecureString(name, "rotated");

        assertThat(source.secret(name)).as("cached for five minutes").contains("first");
        assertThat(source().secret(name)).as("a new container reads the rotated value").contains("rotated");
    }

    @Test
    void anUnreachableSsmIsAnErrorNotAMissingSecret() {
        try (ApplicationContext offline = TestAws.context(TestAws.unique("t"), TestAws.unique("b"), TestAws.unique("k"),
                Map.of("loyalty.aws.endpoint-url", "http://127.0.0.1:9"))) {
            SecretSource source = offline.getBean(SecretSource.class);
            assertThatThrownBy(() -> source.secret(parameterName())).isInstanceOf(RuntimeException.class);
        }
    }
}
