package loyaltyloop.testing.moto;

import java.util.ServiceLoader;

/**
 * The local AWS that tests talk to: the moto server by default, or another emulator named by the system property
 * {@value #PROPERTY} and found on the class path (LocalStack, which the {@code localstack} Maven profile adds).
 */
public interface AwsEmulator extends AutoCloseable {

    /** Names the emulator the tests use; {@value #MOTO} when unset. */
    String PROPERTY = "loyaltyloop.aws";

    String MOTO = "moto";

    /**
     * Set, to the reason, while a test that must not reach any local AWS runs (the unit tier); starting or using an
     * emulator then fails with that reason.
     */
    String FORBIDDEN_PROPERTY = "loyaltyloop.aws.forbidden";

    /** {@value #MOTO} or the name of another emulator. */
    String name();

    /** Base URL every AWS client of the test points at. */
    String endpoint();

    @Override
    void close();

    /** An emulator other than moto, registered as a {@link ServiceLoader} service. */
    interface Provider {

        String name();

        /** Why this emulator cannot run on this machine (one line), or null when it can. */
        String unavailableBecause();

        AwsEmulator start();
    }

    /** The emulator {@value #PROPERTY} names. */
    static String selected() {
        return System.getProperty(PROPERTY, MOTO).trim();
    }

    /** Fails when the running test is one that must not reach any local AWS. */
    static void refuseWhenForbidden() {
        String reason = System.getProperty(FORBIDDEN_PROPERTY);
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
    }

    /** Why the selected emulator cannot run here, or null when it can. */
    static String unavailableBecause() {
        return MOTO.equals(selected()) ? null : provider().unavailableBecause();
    }

    /** Starts the selected emulator. */
    static AwsEmulator start() {
        refuseWhenForbidden();
        return MOTO.equals(selected()) ? MotoServer.start() : provider().start();
    }

    private static Provider provider() {
        String name = selected();
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalStateException("-D" + PROPERTY + "=" + name + " names no emulator on the class path"
                + " (LocalStack is there under the Maven profile: mvn -Plocalstack)");
    }
}
