package loyaltyloop.email;

import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.shops.Shop;
import loyaltyloop.wording.ShippedSentences;

/**
 * Every sentence of one language, from {@code /loyaltyloop/messages_<locale>.properties} (UTF-8; the header of
 * {@code messages_en.properties} says how the patterns are written). A language's file is read once, the first time
 * it is needed, as a plain resource stream: no {@code ResourceBundle} lookup, nothing reflective at cold start.
 *
 * <p>Every value is a {@link MessageFormat} pattern, formatted with the language's locale. One apostrophe rule for
 * all of them, with or without arguments: an apostrophe is written {@code ''}, never inside <code>{…}</code>.
 */
public final class Translation {

    private static final Translation[] LOADED = new Translation[EmailLocale.values().length];
    /** Hangul Jamo, the first block of any CJK script. */
    private static final char FIRST_CJK = '\u1100';

    private final EmailLocale locale;
    private final Map<String, String> patterns;

    private Translation(EmailLocale locale, Map<String, String> patterns) {
        this.locale = locale;
        this.patterns = patterns;
    }

    /** The sentences of {@code locale}, read from its file on first use. */
    public static Translation of(EmailLocale locale) {
        synchronized (LOADED) {
            Translation translation = LOADED[locale.ordinal()];
            if (translation == null) {
                translation = new Translation(locale, read(locale));
                LOADED[locale.ordinal()] = translation;
            }
            return translation;
        }
    }

    /**
     * The sentences of {@code locale} as the shop words them: its own replacements (shop settings {@code messages},
     * checked by {@code ShopWording} when stored) over the shipped ones. Every email and page of a shop goes through
     * here, so a replacement applies wherever the sentence is said, and only in that language.
     */
    public static Translation of(EmailLocale locale, Shop shop) {
        Translation shipped = of(locale);
        Map<String, String> own = shop == null ? Map.of() : shop.settings().messagesIn(locale.tag());
        if (own.isEmpty()) {
            return shipped;
        }
        Map<String, String> merged = new HashMap<>(shipped.patterns);
        merged.putAll(own);
        return new Translation(locale, Map.copyOf(merged));
    }

    /** The file's patterns by key, as written. */
    public static Map<String, String> read(EmailLocale locale) {
        return ShippedSentences.read(fileName(locale));
    }

    /** {@code messages_en.properties}, {@code messages_zh_TW.properties}, {@code messages_zh_CN.properties}. */
    public static String fileName(EmailLocale locale) {
        return "messages_" + locale.toLocale() + ".properties";
    }

    public EmailLocale locale() {
        return locale;
    }

    /**
     * The sentence {@code key} with its arguments: numbers for counts and choices, text for everything else (money,
     * dates and points come already formatted), {@link Spaced} for names and durations.
     *
     * @throws IllegalArgumentException when the file has no such key
     */
    public String text(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no sentence " + key + " in " + fileName(locale));
        }
        if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, locale.toLocale());
        String text = format.format(args);
        // Spacing needs a Chinese character in the sentence; English never pays for finding where names stand.
        if (!hasCjk(text)) {
            return text;
        }
        for (Object arg : args) {
            if (arg instanceof Spaced) {
                return spaced(format.formatToCharacterIterator(args), args);
            }
        }
        return text;
    }

    /**
     * The sentence addressed to a customer: {@code key + ".named"} with the name as argument 0, or, without a name,
     * the neutral {@code key} (which has no argument 0). {@code args} are arguments 1, 2, …
     */
    public String named(String key, String name, Object... args) {
        Object[] all = new Object[args.length + 1];
        System.arraycopy(args, 0, all, 1, args.length);
        if (name == null) {
            all[0] = "";
            return text(key, all);
        }
        all[0] = new Spaced(name);
        return text(key + ".named", all);
    }

    /**
     * A name (of a shop, a product, a person) or a duration set into a sentence. Where the sentence puts it right
     * next to a Chinese character and its own edge there is not Chinese, a space separates them: "歡迎來到 Demo
     * Shop！" but "歡迎來到台北小舖！". Only the top level of a pattern is spaced, not the text of a choice.
     */
    public record Spaced(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static String spaced(AttributedCharacterIterator formatted, Object[] args) {
        StringBuilder plain = new StringBuilder();
        for (char c = formatted.first(); c != CharacterIterator.DONE; c = formatted.next()) {
            plain.append(c);
        }
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int start = 0, end; start < plain.length(); start = end) {
            formatted.setIndex(start);
            end = formatted.getRunLimit(MessageFormat.Field.ARGUMENT);
            Object index = formatted.getAttribute(MessageFormat.Field.ARGUMENT);
            String run = plain.substring(start, end);
            boolean name = index instanceof Integer i && args[i] instanceof Spaced && !run.isEmpty();
            if (name && start > 0 && isCjkLetter(plain.codePointBefore(start)) && !isCjk(run.codePointAt(0))) {
                out.append(' ');
            }
            out.append(run);
            if (name && end < plain.length() && isCjkLetter(plain.codePointAt(end))
                    && !isCjk(run.codePointBefore(run.length()))) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Whether the text has a character from U+1100 on, where the CJK scripts and punctuation begin. */
    private static boolean hasCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_CJK) {
                return true;
            }
        }
        return false;
    }

    /** A Chinese, Japanese or Korean letter (not punctuation): where a Latin word needs a space before it. */
    private static boolean isCjkLetter(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    /** A CJK letter or CJK punctuation: an edge that needs no space next to Chinese. */
    private static boolean isCjk(int codePoint) {
        if (codePoint < FIRST_CJK) {
            return false;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return isCjkLetter(codePoint) || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
