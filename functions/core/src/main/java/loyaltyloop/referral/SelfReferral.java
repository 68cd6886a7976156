package loyaltyloop.referral;

import java.util.Locale;

/**
 * Whether a referred order comes from the referrer themselves. Emails are compared in a folded form: trimmed, lower
 * case, {@code +tag} removed from the local part (any domain: plus-addressing reaches the same mailbox at most
 * providers), and for Gmail ({@code gmail.com}, {@code googlemail.com}) dots removed and the domain unified.
 * Platform customer ids are compared as given.
 */
public final class SelfReferral {

    public static final String SAME_EMAIL = "self-referral: same email";
    public static final String SAME_CUSTOMER_ID = "self-referral: same customer id";

    private SelfReferral() {
    }

    public static String fold(String email) {
        if (email == null) {
            return "";
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return e;
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    public static boolean sameEmail(String a, String b) {
        return fold(a).equals(fold(b));
    }

    public static boolean sameCustomerId(String a, String b) {
        return a != null && b != null && !a.isBlank() && a.trim().equals(b.trim());
    }
}
