package loyaltyloop.orders;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one normal form of a customer's email: trimmed and lower-cased, the customer's key in a shop. */
public final class CustomerEmails {

    // Deliberately loose: platforms validated the address; we only refuse what cannot be an address at all.
    private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    private CustomerEmails() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > 254 || !PLAUSIBLE.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /** {@code j***@example.com}: what logs show instead of an address. */
    public static String mask(String email) {
        if (email == null) {
            return "-";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
