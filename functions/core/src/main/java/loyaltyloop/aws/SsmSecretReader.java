package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** References starting with {@code /}: SSM SecureString parameters (free, for shop webhook secrets). */
@Singleton
@Requires(classes = SsmClient.class)
public class SsmSecretReader implements SecretReader {

    private final SsmClient ssm;

    public SsmSecretReader(SsmClient ssm) {
        this.ssm = ssm;
    }

    @Override
    public boolean handles(String reference) {
        return reference.startsWith("/");
    }

    @Override
    public Optional<String> read(String name) {
        try {
            return Optional.ofNullable(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
