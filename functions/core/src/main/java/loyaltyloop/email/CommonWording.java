package loyaltyloop.email;

import java.util.List;
import loyaltyloop.email.Translation.Spaced;

/**
 * The rules every language shares, written once, each taking its words from the language's file: lists of names,
 * durations and ordinals.
 */
public record CommonWording(Translation t) {

    public static CommonWording of(EmailLocale locale) {
        return new CommonWording(Translation.of(locale));
    }

    /**
     * Names joined for a sentence: "A", "A and B", "A, B and C" ("A、B 和 C"): every name but the last two joined by
     * {@code common.list.middle}, the last two by the pattern {@code lastKey}.
     */
    public String list(List<String> words, String lastKey) {
        if (words.isEmpty()) {
            return "";
        }
        String joined = words.get(0);
        for (int i = 1; i < words.size() - 1; i++) {
            joined = t.text("common.list.middle", new Spaced(joined), new Spaced(words.get(i)));
        }
        return words.size() == 1 ? joined
                : t.text(lastKey, new Spaced(joined), new Spaced(words.get(words.size() - 1)));
    }

    /**
     * How long, phrased naturally: under 60 days in days, under a year in whole 30-day months, then in years (over a
     * year when not exact). Less than a day counts as one day.
     */
    public String duration(long days) {
        long d = Math.max(1, days);
        if (d < 60) {
            return t.text("common.days", d);
        }
        if (d < 365) {
            return t.text("common.months", d / 30);
        }
        return t.text(d % 365 == 0 ? "common.years" : "common.years.over", d / 365);
    }

    /** "1st", "2nd", "3rd", "11th", "21st" in English ("第2" in Chinese), by the English ordinal categories. */
    public String ordinal(int n) {
        int lastTwo = Math.abs(n % 100);
        int last = Math.abs(n % 10);
        String category = lastTwo >= 11 && lastTwo <= 13 ? "other"
                : last == 1 ? "one" : last == 2 ? "two" : last == 3 ? "few" : "other";
        return t.text("common.ordinal." + category, n);
    }
}
