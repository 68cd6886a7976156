package loyaltyloop.wording;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shop's own wording: any shipped sentence replaced, per language, in shop settings
 * ({@code {"messages": {"en": {"followup.subject.product": "Still enjoying your {1}?"}}}}). The rule for a
 * replacement, checked before anything is stored: its language is one we ship, its key is one of that language's
 * sentences, it parses as a {@link MessageFormat} pattern, and it uses every argument the shipped sentence uses and
 * no other (an argument it dropped would leave a name or a link out; one it added would print as {@code {3}}).
 */
public final class ShopWording {

    /** Top-level argument references, also inside a choice: {@code {1}}, {@code {0,number,0}}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
    private static final int MAX_LENGTH = 2000;

    private ShopWording() {
    }

    /**
     * The wording as stored: languages as {@code en}, {@code zh-TW}, {@code zh-CN} (also accepted: {@code zh_TW},
     * any case); empty languages dropped.
     *
     * @throws IllegalArgumentException naming the language and key of the first replacement that breaks the rule
     */
    public static Map<String, Map<String, String>> validated(Map<String, Map<String, String>> messages) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (messages == null) {
            return out;
        }
        for (Map.Entry<String, Map<String, String>> language : messages.entrySet()) {
            String tag = language(language.getKey());
            Map<String, String> shipped = ShippedSentences.of(tag);
            Map<String, String> replaced = new TreeMap<>();
            if (language.getValue() != null) {
                for (Map.Entry<String, String> e : language.getValue().entrySet()) {
                    String key = e.getKey();
                    String where = "messages." + tag + "." + key;
                    String shippedPattern = shipped.get(key);
                    if (shippedPattern == null) {
                        throw new IllegalArgumentException(where + ": no such sentence (the keys are those of "
                                + "messages_" + tag.replace('-', '_') + ".properties, e.g. followup.subject.product)");
                    }
                    String pattern = e.getValue();
                    if (pattern == null || pattern.isBlank() || pattern.length() > MAX_LENGTH) {
                        throw new IllegalArgumentException(where + ": a replacement is 1-" + MAX_LENGTH + " characters");
                    }
                    try {
                        new MessageFormat(pattern, Locale.forLanguageTag(tag));
                    } catch (IllegalArgumentException unparsable) {
                        throw new IllegalArgumentException(where + ": not a valid pattern (" + unparsable.getMessage()
                                + "); write an apostrophe as '' and keep every { } pair");
                    }
                    Set<Integer> needed = arguments(shippedPattern);
                    Set<Integer> used = arguments(pattern);
                    if (!used.containsAll(needed)) {
                        Set<Integer> missing = new TreeSet<>(needed);
                        missing.removeAll(used);
                        throw new IllegalArgumentException(where + ": drops " + braces(missing)
                                + ", which the sentence needs (the original: " + shippedPattern + ")");
                    }
                    if (!needed.containsAll(used)) {
                        Set<Integer> extra = new TreeSet<>(used);
                        extra.removeAll(needed);
                        throw new IllegalArgumentException(where + ": uses " + braces(extra)
                                + ", which this sentence is not given (the original: " + shippedPattern + ")");
                    }
                    replaced.put(key, pattern);
                }
            }
            if (!replaced.isEmpty()) {
                out.put(tag, Map.copyOf(replaced));
            }
        }
        return out;
    }

    /** The argument indices a pattern refers to. */
    static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static String braces(Set<Integer> arguments) {
        StringBuilder b = new StringBuilder();
        for (Integer a : arguments) {
            b.append(b.length() == 0 ? "" : ", ").append('{').append(a).append('}');
        }
        return b.toString();
    }

    private static String language(String raw) {
        String given = raw == null ? "" : raw.strip().replace('_', '-');
        for (String tag : ShippedSentences.LANGUAGES) {
            if (tag.equalsIgnoreCase(given)) {
                return tag;
            }
        }
        throw new IllegalArgumentException("messages." + raw + ": no such language (one of "
                + String.join(", ", ShippedSentences.LANGUAGES) + ")");
    }
}
