package loyaltyloop.email;

import loyaltyloop.testing.UnitTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import loyaltyloop.email.Translation.Spaced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The translation files: complete in every language, every pattern valid, one apostrophe rule for all. */
@UnitTest
class TranslationFilesTest {

    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void everyLanguageHasEveryKeyOfEveryOtherLanguage(EmailLocale locale) {
        Set<String> all = new TreeSet<>();
        for (EmailLocale any : EmailLocale.values()) {
            all.addAll(Translation.read(any).keySet());
        }
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(Translation.read(locale).keySet());
        assertThat(missing).as("keys missing from " + Translation.fileName(locale)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void everyPatternParsesAsAMessageFormat(EmailLocale locale) {
        assertThat(patternsWhere(locale, pattern -> !parses(pattern, locale)))
                .as("patterns that do not parse in " + Translation.fileName(locale)).isEmpty();
    }

    /**
     * MessageFormat reads a lone apostrophe as the start of a quote, which silently drops it (and quotes whatever
     * follows). Every pattern, with or without arguments, writes an apostrophe as {@code ''}, never inside
     * <code>{…}</code>, where a choice's text would be read twice.
     */
    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void everyApostropheIsDoubledAndOutsideBraces(EmailLocale locale) {
        assertThat(patternsWhere(locale, pattern -> !followsTheApostropheRule(pattern)))
                .as("patterns breaking the apostrophe rule in " + Translation.fileName(locale)).isEmpty();
    }

    @Test
    void theApostropheRuleItselfRejectsALoneOrBracedApostrophe() {
        assertThat(followsTheApostropheRule("We''re glad, {0}")).isTrue();
        assertThat(followsTheApostropheRule("We're glad")).isFalse();
        assertThat(followsTheApostropheRule("{0,choice,1#it''s|1<they''re}")).isFalse();
    }

    @Test
    void aDoubledApostropheReadsAsOneWithAndWithoutArguments() {
        Translation english = Translation.of(EmailLocale.EN);
        assertThat(english.text("unsubscribe.done.title")).isEqualTo("You're unsubscribed");
        assertThat(english.text("followup.whyYouGetThis", new Spaced("Demo Shop")))
                .isEqualTo("You're receiving this because you shopped at Demo Shop.");
    }

    @ParameterizedTest
    @EnumSource(EmailLocale.class)
    void everyFileIsValidUtf8(EmailLocale locale) throws IOException {
        String resource = "/loyaltyloop/" + Translation.fileName(locale);
        try (InputStream stream = Translation.class.getResourceAsStream(resource)) {
            assertThat(stream).isNotNull();
            byte[] bytes = stream.readAllBytes();
            assertThatNoException().isThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)));
        }
    }

    @Test
    void anUnknownKeyFailsLoudlyNamingTheKeyAndTheFile() {
        assertThatThrownBy(() -> Translation.of(EmailLocale.ZH_HANS).text("followup.noSuchSentence"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("followup.noSuchSentence").hasMessageContaining("messages_zh_CN.properties");
    }

    @Test
    void aLatinNameIsSpacedFromChineseLettersButNotFromPunctuationOrAnotherChineseName() {
        Translation chinese = Translation.of(EmailLocale.ZH_HANT);
        assertThat(chinese.text("affirmation.referral.text", new Spaced("Demo Shop")))
                .startsWith("有朋友也會喜歡 Demo Shop 嗎？");
        assertThat(chinese.text("affirmation.referral.text", new Spaced("台北小舖"))).startsWith("有朋友也會喜歡台北小舖嗎？");
        assertThat(chinese.named("affirmation.welcome.heading", "Ana", new Spaced("Demo Shop")))
                .isEqualTo("歡迎來到 Demo Shop，Ana！");
        assertThat(chinese.text("common.signature", new Spaced("Demo Shop"))).isEqualTo("Demo Shop 敬上");
    }

    @Test
    void plainTextArgumentsAreNeverSpaced() {
        assertThat(Translation.of(EmailLocale.ZH_HANT).text("survey.reward", "8 折優惠"))
                .isEqualTo("作為感謝，您的下一筆訂單可享8 折優惠。");
    }

    @Test
    void countsAreWrittenInPlainDigitsAndChooseTheirWords() {
        Translation english = Translation.of(EmailLocale.EN);
        assertThat(english.text("survey.page.commentTooLong", 2000)).contains("under 2000 characters");
        assertThat(english.text("common.days", 1)).isEqualTo("1 day");
        assertThat(english.text("common.days", 45)).isEqualTo("45 days");
        assertThat(Translation.of(EmailLocale.ZH_HANS).text("digest.heading", 4)).isEqualTo("今天值得您亲自联系的 4 位顾客");
    }

    @Test
    void withoutANameTheNeutralSentenceIsUsed() {
        Translation english = Translation.of(EmailLocale.EN);
        assertThat(english.named("followup.greeting", null)).isEqualTo("Hello,");
        assertThat(english.named("followup.greeting", "Ana")).isEqualTo("Hi Ana,");
    }

    @Test
    void aLanguageIsReadOnceAndShared() {
        assertThat(Translation.of(EmailLocale.ZH_HANT)).isSameAs(Translation.of(EmailLocale.ZH_HANT));
    }

    @Test
    void separatorsKeepTheirSpacesThroughTheFile() {
        assertThat(Translation.read(EmailLocale.EN))
                .containsEntry("common.colon", ": ").containsEntry("common.gap", " ");
        assertThat(Translation.read(EmailLocale.ZH_HANT))
                .containsEntry("common.colon", "：").containsEntry("common.gap", "");
    }

    /** "key=pattern" for each pattern of the language that {@code matches}. */
    private static List<String> patternsWhere(EmailLocale locale, Predicate<String> matches) {
        List<String> found = new ArrayList<>();
        Translation.read(locale).forEach((key, pattern) -> {
            if (matches.test(pattern)) {
                found.add(key + "=" + pattern);
            }
        });
        return found;
    }

    private static boolean parses(String pattern, EmailLocale locale) {
        try {
            new MessageFormat(pattern, locale.toLocale());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean followsTheApostropheRule(String pattern) {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\'') {
                if (depth > 0 || i + 1 == pattern.length() || pattern.charAt(i + 1) != '\'') {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
