package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Every other reference: a Secrets Manager secret name or ARN (the link-signing key). */
@Singleton
@Requires(classes = SecretsManagerClient.class)
public class SecretsManagerSecretReader implements SecretReader {

    private final SecretsManagerClient secretsManager;

    public SecretsManagerSecretReader(SecretsManagerClient secretsManager) {
        this.secretsManager = secretsManager;
    }

    @Override
    public boolean handles(String reference) {
        return !reference.startsWith("/");
    }

    @Override
    public Optional<String> read(String id) {
        try {
            return Optional.ofNullable(secretsManager.getSecretValue(b -> b.secretId(id)).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
