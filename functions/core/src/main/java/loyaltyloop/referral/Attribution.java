package loyaltyloop.referral;

import loyaltyloop.points.Conversion.Source;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import loyaltyloop.customers.ReferralCodes;
import loyaltyloop.orders.Order;

/**
 * Which referral codes an order carries, in the order they are tried (DESIGN §4, first match wins): the order
 * attribute {@code loyalty_ref} (Shopify {@code note_attributes}, WooCommerce {@code meta_data}), the {@code ref}
 * query parameter of Shopify's {@code landing_site}, then each discount code. Values that cannot be a referral code
 * (wrong length or alphabet) are dropped here, before any lookup; the first candidate that names an existing code
 * wins. The attribute name and the {@code ref} parameter name are matched exactly (lower case), as the EventBridge
 * rule in template.yaml filters them; their values in any case.
 */
public final class Attribution {

    public static final String ATTRIBUTE = "loyalty_ref";

    public record Candidate(String code, Source source) {
    }

    private Attribution() {
    }

    public static List<Candidate> candidates(Order order) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        add(candidates, seen, attribute(order.attributes()), Source.ATTRIBUTE);
        add(candidates, seen, refParameter(order.landingSite()), Source.LANDING_SITE);
        for (String discount : order.discountCodes()) {
            add(candidates, seen, discount, Source.DISCOUNT_CODE);
        }
        return candidates;
    }

    /** A code as typed or linked: trimmed, upper case; null when it cannot be a referral code. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        return ReferralCodes.looksLikeCode(code) ? code : null;
    }

    private static void add(List<Candidate> candidates, Set<String> seen, String raw, Source source) {
        String code = normalise(raw);
        if (code != null && seen.add(code)) {
            candidates.add(new Candidate(code, source));
        }
    }

    private static String attribute(Map<String, String> attributes) {
        // Exactly this name, as the EventBridge rule's pattern matches it (template.yaml).
        return attributes.get(ATTRIBUTE);
    }

    /** The {@code ref} parameter of a landing site, relative ({@code /p?ref=X}) or absolute; null when absent. */
    static String refParameter(String landingSite) {
        if (landingSite == null) {
            return null;
        }
        int query = landingSite.indexOf('?');
        if (query < 0) {
            return null;
        }
        int fragment = landingSite.indexOf('#', query);
        String params = landingSite.substring(query + 1, fragment < 0 ? landingSite.length() : fragment);
        for (String pair : params.split("[&;]")) {
            int eq = pair.indexOf('=');
            // The name exactly as written, as the rule's pattern ("*ref=*") sees it.
            if (eq >= 0 && pair.substring(0, eq).equals("ref")) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
