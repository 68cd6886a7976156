package loyaltyloop.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ignored order's reason without what the webhook put in it (a topic, a status, a parser's message): each
 * distinct dimension value is a metric CloudWatch charges for, so the values must be few.
 */
public final class IgnoredReasons {

    /** What sits between "topic" or "status" and the rest of the sentence came from the webhook. */
    private static final Pattern INPUT_WORDS = Pattern.compile("\\b(topic|status) .*? (is not )", Pattern.DOTALL);
    private static final Pattern NOT_A_PLAIN_WORD = Pattern.compile("(^|\\s)\\S*[^a-z\\s-]\\S*");
    private static final int LONGEST = 60;

    private IgnoredReasons() {
    }

    public static String category(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String general = INPUT_WORDS.matcher(reason.toLowerCase(Locale.ROOT)).replaceAll("$1 $2");
        int colon = general.indexOf(':');
        if (colon >= 0) {
            general = general.substring(0, colon);
        }
        general = NOT_A_PLAIN_WORD.matcher(general).replaceAll(" ");
        general = general.replaceAll("\\s+", " ").trim();
        return general.isEmpty() ? "unknown" : general.substring(0, Math.min(general.length(), LONGEST));
    }
}
