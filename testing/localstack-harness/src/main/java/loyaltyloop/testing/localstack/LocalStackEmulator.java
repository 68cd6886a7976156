package loyaltyloop.testing.localstack;

import loyaltyloop.testing.moto.AwsEmulator;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a container as the tests' AWS ({@code -Dloyaltyloop.aws=localstack}, which {@code mvn -Plocalstack}
 * sets). The image is {@value #DEFAULT_IMAGE} unless {@code -Dloyaltyloop.localstack.image} names another.
 */
public final class LocalStackEmulator implements AwsEmulator {

    public static final String NAME = "localstack";
    static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

    private final LocalStackContainer container;

    private LocalStackEmulator(LocalStackContainer container) {
        this.container = container;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String endpoint() {
        return container.getEndpoint().toString();
    }

    @Override
    public void close() {
        container.stop();
    }

    /** Found through {@link java.util.ServiceLoader} by {@link AwsEmulator#start()}. */
    public static final class Provider implements AwsEmulator.Provider {

        @Override
        public String name() {
            return NAME;
        }

        /** Looked for once per test JVM: Testcontainers logs each failed look. */
        private static volatile Boolean dockerAvailable;

        @Override
        public String unavailableBecause() {
            if (dockerAvailable == null) {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            }
            return dockerAvailable ? null : "no Docker engine found (Testcontainers), so LocalStack cannot run on this machine";
        }

        @Override
        public AwsEmulator start() {
            LocalStackContainer container = new LocalStackContainer(
                    DockerImageName.parse(System.getProperty("loyaltyloop.localstack.image", DEFAULT_IMAGE)));
            container.start();
            LocalStackEmulator emulator = new LocalStackEmulator(container);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "localstack-stop"));
            return emulator;
        }
    }
}
