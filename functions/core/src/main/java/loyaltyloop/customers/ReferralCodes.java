package loyaltyloop.customers;

import java.security.SecureRandom;

/**
 * Referral codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), 40 random bits, so a code
 * says nothing about the customer and cannot be guessed from their email.
 */
public final class ReferralCodes {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;

    private final SecureRandom random;

    public ReferralCodes() {
        this(new SecureRandom());
    }

    ReferralCodes(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** True when the value has the shape of a code (upper-cased first); cheap filter before any lookup. */
    public static boolean looksLikeCode(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
