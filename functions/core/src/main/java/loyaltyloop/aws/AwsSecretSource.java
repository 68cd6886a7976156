package loyaltyloop.aws;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import loyaltyloop.secrets.SecretSource;

/**
 * Secrets by reference: a name starting with {@code /} is an SSM SecureString parameter, anything else a
 * Secrets Manager id or ARN. Found values are cached for five minutes per container, so a rotated secret is
 * picked up without a call per webhook. Values are never logged.
 */
@Singleton
public class AwsSecretSource implements SecretSource {

    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final List<SecretReader> readers;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    AwsSecretSource(List<SecretReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @Override
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Cached cached = cache.get(reference);
        if (cached != null && System.nanoTime() - cached.readAt < TTL_NANOS) {
            return Optional.of(cached.value);
        }
        SecretReader reader = readers.stream().filter(r -> r.handles(reference)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this function has no reader for secret " + reference));
        Optional<String> value = reader.read(reference);
        // Only found values are cached: a secret stored a moment ago must work on the next call.
        value.ifPresent(v -> cache.put(reference, new Cached(v, System.nanoTime())));
        return value;
    }

    private record Cached(String value, long readAt) {
    }
}
