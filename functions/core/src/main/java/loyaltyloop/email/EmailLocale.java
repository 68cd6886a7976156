package loyaltyloop.email;

import java.util.Locale;

/**
 * The languages emails and pages are written in: English, Traditional Chinese and Simplified Chinese.
 * Chosen from the order's locale, falling back to the shop's default locale, then English.
 */
public enum EmailLocale {
    EN(Locale.ENGLISH),
    ZH_HANT(Locale.forLanguageTag("zh-TW")),
    ZH_HANS(Locale.forLanguageTag("zh-CN"));

    private final Locale locale;

    EmailLocale(Locale locale) {
        this.locale = locale;
    }

    /**
     * Picks the language for a customer: from the order's locale when it is one we write in, else from the shop's
     * default locale the same way, else English.
     *
     * <p>Tags are matched case-insensitively with {@code -} or {@code _} as separator: {@code zh-TW}, {@code zh-HK},
     * {@code zh-MO} and {@code zh-Hant*} are Traditional Chinese; {@code zh-CN}, {@code zh-SG}, {@code zh-Hans*} and
     * a plain {@code zh} are Simplified Chinese; {@code en*} is English.
     */
    public static EmailLocale resolve(String orderLocale, String shopDefault) {
        EmailLocale fromOrder = parse(orderLocale);
        if (fromOrder != null) {
            return fromOrder;
        }
        EmailLocale fromShop = parse(shopDefault);
        return fromShop != null ? fromShop : EN;
    }

    /** The matching language, or null when the tag is blank or not one we write in. */
    static EmailLocale parse(String tag) {
        if (tag == null) {
            return null;
        }
        String normalised = tag.trim().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) {
            return null;
        }
        String[] parts = normalised.split("[-_#@.]+");
        if (parts.length == 0) {
            return null;
        }
        switch (parts[0]) {
            case "en":
                return EN;
            case "zh":
                return chinese(parts);
            default:
                return null;
        }
    }

    private static EmailLocale chinese(String[] parts) {
        // The script subtag wins over the region (zh-Hant-CN is still Traditional).
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals("hant")) {
                return ZH_HANT;
            }
            if (parts[i].equals("hans")) {
                return ZH_HANS;
            }
        }
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "tw":
                case "hk":
                case "mo":
                    return ZH_HANT;
                default:
                    break;
            }
        }
        return ZH_HANS;
    }

    /** {@code en}, {@code zh-TW} or {@code zh-CN}: used for number and currency formatting. */
    public Locale toLocale() {
        return locale;
    }

    /** The BCP 47 tag of {@link #toLocale()}: {@code en}, {@code zh-TW} or {@code zh-CN} (also the HTML {@code lang}). */
    public String tag() {
        return locale.toLanguageTag();
    }
}
