package loyaltyloop.wording;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shop's own wording: any shipped sentence replaced, per language, in shop settings, by its name
 * ({@code {"messages": {"en": {"followUpSubject": "A note from us at Demo Shop"}}}}; the names are those of
 * {@link SentenceNames}, listed in docs/wording.md) or by its key in {@code messages_<lang>.properties}
 * ({@code followup.subject.product.named}, as stored before names). The rule for a replacement, checked before
 * anything is stored: its language is one we ship, its name is one of {@link SentenceNames} or a shipped key, it
 * parses as a {@link MessageFormat} pattern, and it uses every argument the sentences it sets use in that language
 * and none they are not given (an argument it dropped would leave a name or a link out; one it added would print as
 * {@code {3}}). Stored as written; {@link #resolved} turns it into sentences by key.
 */
public final class ShopWording {

    /** Top-level argument references, also inside a choice: {@code {1}}, {@code {0,number,0}}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
    private static final int MAX_LENGTH = 2000;

    private ShopWording() {
    }

    /**
     * The wording as stored: languages as {@code en}, {@code zh-TW}, {@code zh-CN} (also accepted: {@code zh_TW},
     * any case); names and keys as written; empty languages dropped.
     *
     * @throws IllegalArgumentException naming the language and name of the first replacement that breaks the rule
     */
    public static Map<String, Map<String, String>> validated(Map<String, Map<String, String>> messages) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (messages == null) {
            return out;
        }
        for (Map.Entry<String, Map<String, String>> language : messages.entrySet()) {
            String tag = language(language.getKey());
            Map<String, String> replaced = new TreeMap<>();
            Map<List<String>, String> setBy = new HashMap<>();
            if (language.getValue() != null) {
                for (Map.Entry<String, String> e : new TreeMap<>(language.getValue()).entrySet()) {
                    String name = e.getKey();
                    List<String> keys = check(tag, name, e.getValue());
                    String other = setBy.putIfAbsent(keys, name);
                    if (other != null) {
                        throw new IllegalArgumentException("messages." + tag + "." + name + ": sets the same "
                                + "sentence as " + other + "; keep one of them");
                    }
                    replaced.put(name, e.getValue());
                }
            }
            if (!replaced.isEmpty()) {
                out.put(tag, Map.copyOf(replaced));
            }
        }
        return out;
    }

    /**
     * A language's stored wording ({@link #validated}) as sentences by shipped key: each key set by the most specific
     * name that names it ({@code followUpSubjectProductNamed} over {@code followUpSubjectProduct} over
     * {@code followUpSubject}), whatever the order they were written in.
     */
    public static Map<String, String> resolved(Map<String, String> written) {
        if (written == null || written.isEmpty()) {
            return Map.of();
        }
        Map<String, String> patterns = new HashMap<>();
        Map<String, Integer> width = new HashMap<>();
        for (Map.Entry<String, String> e : written.entrySet()) {
            List<String> keys = SentenceNames.keysOf(e.getKey());
            for (String key : keys) {
                Integer before = width.get(key);
                if (before == null || keys.size() < before) {
                    width.put(key, keys.size());
                    patterns.put(key, e.getValue());
                }
            }
        }
        return Map.copyOf(patterns);
    }

    /**
     * The arguments a replacement of the sentences {@code keys} must keep in {@code language}: those every one of
     * their shipped patterns uses there.
     */
    public static Set<Integer> mustKeep(String language, List<String> keys) {
        Set<Integer> needed = null;
        for (String key : keys) {
            needed = intersect(needed, arguments(ShippedSentences.of(language).get(key)));
        }
        return needed == null ? Set.of() : needed;
    }

    /**
     * The arguments a replacement of the sentences {@code keys} may use: those every one of them is given, that is
     * used by its shipped pattern in some language (the code passes the same arguments whatever the language).
     */
    public static Set<Integer> mayUse(List<String> keys) {
        Set<Integer> allowed = null;
        for (String key : keys) {
            Set<Integer> given = new TreeSet<>();
            for (String language : ShippedSentences.LANGUAGES) {
                given.addAll(arguments(ShippedSentences.of(language).get(key)));
            }
            allowed = intersect(allowed, given);
        }
        return allowed == null ? Set.of() : allowed;
    }

    /** Checks one replacement; answers the keys it sets. */
    private static List<String> check(String tag, String name, String pattern) {
        String where = "messages." + tag + "." + name;
        List<String> keys = SentenceNames.keysOf(name);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(where + ": no such sentence (the names are listed in docs/wording.md,"
                    + " e.g. followUpSubject, surveyIntro)");
        }
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(where + ": a replacement is 1-" + MAX_LENGTH + " characters");
        }
        try {
            new MessageFormat(pattern, Locale.forLanguageTag(tag));
        } catch (IllegalArgumentException unparsable) {
            throw new IllegalArgumentException(where + ": not a valid pattern (" + unparsable.getMessage()
                    + "); write an apostrophe as '' and keep every { } pair");
        }
        Set<Integer> needed = mustKeep(tag, keys);
        Set<Integer> allowed = mayUse(keys);
        String original = ShippedSentences.of(tag).get(keys.get(0));
        Set<Integer> used = arguments(pattern);
        if (!used.containsAll(needed)) {
            Set<Integer> missing = new TreeSet<>(needed);
            missing.removeAll(used);
            throw new IllegalArgumentException(where + ": drops " + braces(missing)
                    + ", which the sentence needs (the original: " + original + ")");
        }
        if (!allowed.containsAll(used)) {
            Set<Integer> extra = new TreeSet<>(used);
            extra.removeAll(allowed);
            if (keys.size() == 1) {
                throw new IllegalArgumentException(where + ": uses " + braces(extra)
                        + ", which this sentence is not given (the original: " + original + ")");
            }
            Set<String> narrower = new TreeSet<>();
            for (String key : keys) {
                if (mayUse(List.of(key)).containsAll(used)) {
                    narrower.add(SentenceNames.nameOf(key));
                }
            }
            throw new IllegalArgumentException(where + ": uses " + braces(extra) + ", which not every sentence it "
                    + "sets " + keys + " is given" + (narrower.isEmpty() ? ""
                            : "; name the one that is instead: " + String.join(", ", narrower)));
        }
        return keys;
    }

    private static Set<Integer> intersect(Set<Integer> sofar, Set<Integer> next) {
        if (sofar == null) {
            return new TreeSet<>(next);
        }
        sofar.retainAll(next);
        return sofar;
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
