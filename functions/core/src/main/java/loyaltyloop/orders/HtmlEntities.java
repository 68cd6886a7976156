package loyaltyloop.orders;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the HTML character references WooCommerce leaves in product names ({@code Ship Your Idea &ndash; Color:
 * Black}, {@code Tom&#039;s}, {@code &amp;}): WordPress's {@code wptexturize} and {@code esc_html} put them there, and
 * our templates escape again on output. Numeric references in full, named ones for the characters WordPress and
 * shop owners actually produce; an unknown name stays as it is. Not commons-text: its {@code unescapeHtml4} would add
 * commons-text and commons-lang3 (about 900 KB) to every function jar for this one method.
 */
final class HtmlEntities {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("hellip", "…"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("sbquo", "‚"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("lsaquo", "‹"), Map.entry("rsaquo", "›"), Map.entry("times", "×"),
            Map.entry("divide", "÷"), Map.entry("minus", "−"), Map.entry("plusmn", "±"), Map.entry("deg", "°"),
            Map.entry("prime", "′"), Map.entry("Prime", "″"), Map.entry("frac12", "½"), Map.entry("frac14", "¼"),
            Map.entry("frac34", "¾"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("sect", "§"), Map.entry("para", "¶"), Map.entry("middot", "·"), Map.entry("bull", "•"),
            Map.entry("micro", "µ"), Map.entry("shy", "\u00ad"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
            Map.entry("agrave", "à"), Map.entry("aacute", "á"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("ccedil", "ç"), Map.entry("ntilde", "ñ"), Map.entry("oacute", "ó"),
            Map.entry("iacute", "í"), Map.entry("uacute", "ú"), Map.entry("aring", "å"), Map.entry("oslash", "ø"),
            Map.entry("aelig", "æ"));

    private HtmlEntities() {
    }

    static String decode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(character(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String character(String reference, String original) {
        if (reference.charAt(0) != '#') {
            return NAMED.getOrDefault(reference, original);
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        // NUL, surrogates and what Unicode does not have are not characters: U+FFFD, as browsers show them.
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(codePoint));
    }
}
