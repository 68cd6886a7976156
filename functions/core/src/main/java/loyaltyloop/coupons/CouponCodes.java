package loyaltyloop.coupons;

import java.security.SecureRandom;

/**
 * Coupon codes customers type at checkout: upper case from an alphabet without look-alikes (no 0/O, 1/I, L),
 * 12 characters of 31 symbols = 59 bits from a CSPRNG, so codes cannot be guessed or enumerated, optionally after
 * the shop's prefix and a hyphen.
 */
public final class CouponCodes {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCodes() {
    }

    /** Bits of randomness in one code. */
    public static double entropyBits() {
        return LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
    }

    public static String generate(String prefix) {
        StringBuilder code = new StringBuilder(LENGTH + 10);
        if (prefix != null && !prefix.isEmpty()) {
            code.append(prefix).append('-');
        }
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** How a code typed at checkout compares with ours: trimmed, upper case. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
