package loyaltyloop.aws;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import loyaltyloop.secrets.SecretSource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Secrets by reference: a name starting with {@code /} is an SSM (SecureString) parameter, anything else a
 * Secrets Manager id or ARN. Values are cached for five minutes per container so a rotated secret is picked up
 * without a call per webhook. Values are never logged.
 */
@Singleton
public class AwsSecretSource implements SecretSource {

    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final SsmClient ssm;
    private final SecretsManagerClient secretsManager;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public AwsSecretSource(SsmClient ssm, SecretsManagerClient secretsManager) {
        this.ssm = ssm;
        this.secretsManager = secretsManager;
    }

    @Override
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Cached cached = cache.get(reference);
        if (cached != null && System.nanoTime() - cached.readAt < TTL_NANOS) {
            return cached.value;
        }
        Optional<String> value = reference.startsWith("/") ? fromSsm(reference) : fromSecretsManager(reference);
        // Only found values are cached: a secret stored a moment ago must work on the next call.
        value.ifPresent(v -> cache.put(reference, new Cached(value, System.nanoTime())));
        return value;
    }

    private Optional<String> fromSsm(String name) {
        try {
            return Optional.ofNullable(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<String> fromSecretsManager(String id) {
        try {
            return Optional.ofNullable(secretsManager.getSecretValue(b -> b.secretId(id)).secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private record Cached(Optional<String> value, long readAt) {
    }
}
