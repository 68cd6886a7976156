package loyaltyloop.email;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The links emails and pages carry, checked so that none can be a {@code javascript:} link or add mail headers. */
public final class EmailLinks {

    private static final Pattern URL_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EmailLinks() {
    }

    /** An absolute http(s) link for an email, or null when there is none. Anything else is a bug upstream. */
    public static String linkUrl(String url) {
        String value = EmailTemplates.blankToNull(url);
        if (value == null) {
            return null;
        }
        String scheme = scheme(value);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("email links must be absolute http(s) URLs");
        }
        return value;
    }

    /**
     * A {@code mailto:} link for an address, or null when there is no usable address. Everything but letters,
     * digits, {@code @} and {@code -._~+} is percent-encoded, so an address cannot add headers ({@code ?bcc=},
     * {@code &body=}) or other parts to the link.
     */
    public static String mailtoUrl(String email) {
        String value = EmailTemplates.blankToNull(email);
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1 || value.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return null;
        }
        StringBuilder url = new StringBuilder("mailto:");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "@-._~+".indexOf(c) >= 0) {
                url.append((char) c);
            } else {
                url.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        String link = url.toString();
        if (!"mailto".equals(scheme(link))) {
            throw new IllegalStateException("not a mailto link");
        }
        return link;
    }

    /** A form action: absolute http(s) or relative; never another scheme such as {@code javascript:}. */
    public static String formActionUrl(String url) {
        String value = url == null ? "" : url.strip();
        String scheme = scheme(value);
        if (scheme != null && !"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("form action must be an http(s) or relative URL");
        }
        return value;
    }

    private static String scheme(String url) {
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        String compact = url.replaceAll("[\\p{Cntrl}\\s]", "");
        var matcher = URL_SCHEME.matcher(compact);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
