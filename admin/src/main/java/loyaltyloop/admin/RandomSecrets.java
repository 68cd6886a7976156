package loyaltyloop.admin;

import java.security.SecureRandom;

/** The secrets a registration makes when none is given: a stack's link-signing key, a shop's webhook secret. */
public final class RandomSecrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_SAFE = ALPHANUMERIC + "-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    /** A link-signing key: 64 random letters and digits. */
    public static String linkKey() {
        return random(64, ALPHANUMERIC);
    }

    /** A webhook secret: 32 URL-safe characters. */
    public static String webhookSecret() {
        return random(32, URL_SAFE);
    }

    private static String random(int length, String alphabet) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
