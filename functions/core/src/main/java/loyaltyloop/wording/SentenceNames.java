package loyaltyloop.wording;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names a shop words its sentences by in settings ({@code followUpSubject}, {@code surveyIntro}, …), each naming
 * one or more keys of the shipped {@code messages_<lang>.properties}. One rule makes every name, so a name is as
 * stable as the key it comes from (docs/wording.md lists them all; {@code SentenceNamesDocTest} keeps that list
 * equal to this):
 *
 * <ul>
 *   <li>a key's name is its feature's word ({@link #SECTIONS}: {@code followup} is {@code followUp}, {@code
 *       affirmation} is {@code thankYou}, …) followed by its other parts, each capitalised: {@code
 *       followup.subject.product.named} is {@code followUpSubjectProductNamed};
 *   <li>a sentence said differently when the customer's first name is known ({@code K} and {@code K.named}): the
 *       name of {@code K} sets both, the name of {@code K.named} only the one with the name;
 *   <li>a few names set every variant of one sentence ({@link #VARIANTS}): {@code followUpSubject} sets all eight
 *       follow-up subjects (VIP or not, about a product or not, with a name or not).
 * </ul>
 *
 * A name that sets several sentences may use only the arguments every one of them is given, and must keep those every
 * one of them keeps; a more specific name set alongside it wins for its own sentences.
 */
public final class SentenceNames {

    /** Key prefix → the word a name starts with; the longest prefix that fits is used. */
    static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("common.unsubscribe", "unsubscribe"),
            Map.entry("common", ""),
            Map.entry("affirmation", "thankYou"),
            Map.entry("followup", "followUp"),
            Map.entry("survey.recovery", "serviceRecovery"),
            Map.entry("survey.alert", "ownerAlert"),
            Map.entry("survey", "survey"),
            Map.entry("coupon", "coupon"),
            Map.entry("points", "points"),
            Map.entry("referral", "referral"),
            Map.entry("digest", "digest"),
            Map.entry("owner", "ownerPage"),
            Map.entry("export", "dataExport"),
            Map.entry("unsubscribe", "unsubscribePage"),
            Map.entry("link", "link"));

    /**
     * Names for every variant of one sentence: name → key stems (a key belongs when it is a stem or starts with one
     * and a dot). Only sentences whose variants are given the same arguments in the same places.
     */
    static final Map<String, List<String>> VARIANTS = Map.of(
            "followUpSubject", List.of("followup.subject"),
            "thankYouSubject", List.of("affirmation.welcome.subject", "affirmation.repeat.subject"));

    private static final String NAMED = ".named";

    private static volatile Map<String, List<String>> byName;

    private SentenceNames() {
    }

    /** Every name with the keys it sets (sorted), by name. */
    public static Map<String, List<String>> all() {
        Map<String, List<String>> names = byName;
        if (names == null) {
            names = build(ShippedSentences.of("en").keySet());
            byName = names;
        }
        return names;
    }

    /**
     * The keys {@code written} sets: those of the name, or the key itself when it is a shipped key (kept so wording
     * stored by key keeps working); empty when it is neither.
     */
    public static List<String> keysOf(String written) {
        List<String> keys = all().get(written);
        if (keys != null) {
            return keys;
        }
        return ShippedSentences.of("en").containsKey(written) ? List.of(written) : List.of();
    }

    /** The name of a shipped key: {@code followup.subject.product.named} is {@code followUpSubjectProductNamed}. */
    public static String nameOf(String key) {
        String prefix = sectionOf(key);
        StringBuilder name = new StringBuilder(SECTIONS.getOrDefault(prefix, prefix));
        // "points.note.tenure+top": pointsNoteTenureAndTop
        for (String part : key.substring(prefix.length()).replace("+", ".and.").split("\\.")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        name.setCharAt(0, Character.toLowerCase(name.charAt(0)));
        return name.toString();
    }

    /** The longest prefix of {@link #SECTIONS} {@code key} starts with, else its first part. */
    static String sectionOf(String key) {
        String prefix = "";
        for (String section : SECTIONS.keySet()) {
            if ((key.equals(section) || key.startsWith(section + ".")) && section.length() > prefix.length()) {
                prefix = section;
            }
        }
        // A key of a feature not listed yet is named by its own first part (SentenceNamesDocTest asks for a heading).
        return prefix.isEmpty() ? key.split("\\.")[0] : prefix;
    }

    static Map<String, List<String>> build(Set<String> keys) {
        Map<String, List<String>> names = new TreeMap<>();
        for (String key : new TreeSet<>(keys)) {
            List<String> sets = keys.contains(key + NAMED) ? List.of(key, key + NAMED) : List.of(key);
            add(names, nameOf(key), sets);
        }
        VARIANTS.forEach((name, stems) -> {
            List<String> sets = new ArrayList<>();
            for (String key : new TreeSet<>(keys)) {
                if (stems.stream().anyMatch(stem -> key.equals(stem) || key.startsWith(stem + "."))) {
                    sets.add(key);
                }
            }
            add(names, name, sets);
        });
        return Collections.unmodifiableMap(names);
    }

    private static void add(Map<String, List<String>> names, String name, List<String> keys) {
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalStateException("not a camelCase name: " + name + " for " + keys);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(name + " sets no sentence");
        }
        List<String> before = names.putIfAbsent(name, List.copyOf(keys));
        if (before != null) {
            throw new IllegalStateException(name + " would name both " + before + " and " + keys);
        }
    }
}
