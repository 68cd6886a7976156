package loyaltyloop.email;

import java.net.IDN;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SES message tags every email carries: {@code kind} (its {@link EmailKind}) and {@code shop} (the shop's
 * domain). SES event destinations publish them with each bounce, complaint and delivery, which is how those events
 * find their shop again.
 *
 * <p>SES allows only {@code A-Z a-z 0-9 _ - . @} in a tag value, at most 256 characters. A shop domain is ASCII
 * letters, digits, dots and hyphens already; an internationalised domain is written in its ASCII (punycode) form and
 * any character still outside the set becomes {@code _}, so the value is always accepted.
 */
public final class MessageTags {

    public static final String KIND = "kind";
    public static final String SHOP = "shop";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9_.@-]");
    private static final int MAX_LENGTH = 256;

    private MessageTags() {
    }

    /** The tags of one email, in the order SES receives them. */
    public static Map<String, String> of(EmailMessage message) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(KIND, value(message.kind().wireName()));
        tags.put(SHOP, value(message.shop()));
        return tags;
    }

    /** {@code raw} as a value SES accepts. */
    public static String value(String raw) {
        String ascii;
        try {
            ascii = IDN.toASCII(raw.strip(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notADomain) {
            ascii = raw.strip();
        }
        String safe = NOT_ALLOWED.matcher(ascii).replaceAll("_");
        if (safe.isEmpty()) {
            return "_";
        }
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }
}
