package loyaltyloop.aws;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import loyaltyloop.secrets.SecretSource;

/**
 * Secrets are SSM SecureString parameters, named by path ({@code /loyalty-loop/<stack>/...}). Found values are
 * cached for five minutes per container, so a rotated secret is picked up without a call per webhook. Values are
 * never logged.
 */
@Singleton
public class AwsSecretSource implements SecretSource {

    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final SsmSecretReader ssm;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public AwsSecretSource(SsmSecretReader ssm) {
        this.ssm = ssm;
    }

    @Override
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        if (!reference.startsWith("/")) {
            throw new IllegalArgumentException("a secret is an SSM parameter name starting with /, not " + reference);
        }
        Cached cached = cache.get(reference);
        if (cached != null && System.nanoTime() - cached.readAt < TTL_NANOS) {
            return Optional.of(cached.value);
        }
        Optional<String> value = ssm.read(reference);
        // Only found values are cached: a secret stored a moment ago must work on the next call.
        value.ifPresent(v -> cache.put(reference, new Cached(v, System.nanoTime())));
        return value;
    }

    private record Cached(String value, long readAt) {
    }
}
