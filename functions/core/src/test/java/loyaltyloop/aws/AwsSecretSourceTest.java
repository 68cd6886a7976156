package loyaltyloop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets by reference through the context's real adapter, against the moto server's SSM and Secrets Manager. */
class AwsSecretSourceTest {

    private static ApplicationContext context;
    private static SecretsManagerClient secretsManager;

    @BeforeAll
    static void start() {
        context = TestAws.context(TestAws.unique("unused-table"), TestAws.unique("unused-bus"),
                TestAws.unique("unused-key"), Map.of());
        secretsManager = TestAws.secretsManager();
    }

    @AfterAll
    static void stop() {
        secretsManager.close();
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
    void aNameStartingWithASlashIsReadAsAnSsmSecureString() {
        String name = parameterName();
        TestAws.putSecureString(name, "shpss_0123456789abcdef");

        assertThat(source().secret(name)).contains("shpss_0123456789abcdef");
    }

    @Test
    void anyOtherNameIsReadFromSecretsManager() {
        String name = TestAws.unique("link-key");
        secretsManager.createSecret(b -> b.name(name).secretString("k3y-v4lue"));

        assertThat(source().secret(name)).contains("k3y-v4lue");
    }

    @Test
    void aSecretsManagerArnWorksToo() {
        String name = TestAws.unique("link-key");
        String arn = secretsManager.createSecret(b -> b.name(name).secretString("by-arn")).arn();

        assertThat(source().secret(arn)).contains("by-arn");
    }

    @Test
    void aMissingParameterIsEmpty() {
        assertThat(source().secret(parameterName())).isEmpty();
    }

    @Test
    void aMissingSecretIsEmpty() {
        assertThat(source().secret(TestAws.unique("no-such-secret"))).isEmpty();
    }

    @Test
    void aBlankOrNullReferenceIsEmpty() {
        assertThat(source().secret(null)).isEmpty();
        assertThat(source().secret(" ")).isEmpty();
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
    void aSecretCreatedAfterAMissIsFoundOnTheNextCall() {
        SecretSource source = source();
        String name = TestAws.unique("late-secret");
        assertThat(source.secret(name)).isEmpty();

        secretsManager.createSecret(b -> b.name(name).secretString("created-a-moment-ago"));

        assertThat(source.secret(name)).contains("created-a-moment-ago");
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
}
