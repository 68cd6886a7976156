package loyaltyloop.wording;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The sentences the loop ships, per language, as written in {@code /loyaltyloop/messages_<locale>.properties}. Read
 * by {@code email.Translation} to speak, and by {@link ShopWording} to check a shop's own wording against them.
 */
public final class ShippedSentences {

    /** The languages a shop may word, as in shop settings: {@code en}, {@code zh-TW}, {@code zh-CN}. */
    public static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");

    private static final Map<String, Map<String, String>> CACHE = new HashMap<>();

    private ShippedSentences() {
    }

    /** {@code fileName}: {@code messages_en.properties} and the like. */
    public static Map<String, String> read(String fileName) {
        try (InputStream stream = ShippedSentences.class.getResourceAsStream("/loyaltyloop/" + fileName)) {
            if (stream == null) {
                throw new IllegalStateException("no " + fileName + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
            Map<String, String> patterns = new HashMap<>();
            properties.forEach((key, value) -> patterns.put((String) key, (String) value));
            return Map.copyOf(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /** The shipped sentences of a language tag of {@link #LANGUAGES}. */
    public static synchronized Map<String, String> of(String language) {
        return CACHE.computeIfAbsent(language, l -> read("messages_" + l.replace('-', '_') + ".properties"));
    }
}
