package loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@UnitTest
class EmailLocaleTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh_TW", "ZH-tw", "zh_hk", "zh-Hant-TW", "zh_Hant_HK", " zh-TW "})
    void traditionalChineseTagsResolveToTraditionalChinese(String tag) {
        assertThat(EmailLocale.resolve(tag, "en")).isEqualTo(EmailLocale.ZH_HANT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh-SG", "zh-Hans", "zh", "ZH", "zh_cn", "zh-Hans-CN", "zh-hans-hk"})
    void simplifiedChineseTagsResolveToSimplifiedChinese(String tag) {
        assertThat(EmailLocale.resolve(tag, "zh-TW")).isEqualTo(EmailLocale.ZH_HANS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "en_GB", "EN-au", "en-Latn-US"})
    void englishTagsResolveToEnglish(String tag) {
        assertThat(EmailLocale.resolve(tag, "zh-TW")).isEqualTo(EmailLocale.EN);
    }

    @Test
    void unknownOrBlankOrderLocaleFallsBackToTheShopDefault() {
        assertThat(EmailLocale.resolve(null, "zh-TW")).isEqualTo(EmailLocale.ZH_HANT);
        assertThat(EmailLocale.resolve("", "zh_CN")).isEqualTo(EmailLocale.ZH_HANS);
        assertThat(EmailLocale.resolve("   ", "zh-Hant")).isEqualTo(EmailLocale.ZH_HANT);
        assertThat(EmailLocale.resolve("fr-FR", "zh-HK")).isEqualTo(EmailLocale.ZH_HANT);
        assertThat(EmailLocale.resolve("ja", "en-GB")).isEqualTo(EmailLocale.EN);
        assertThat(EmailLocale.resolve("english", "zh")).isEqualTo(EmailLocale.ZH_HANS);
    }

    @Test
    void englishIsTheLastResortWhenNeitherLocaleIsKnown() {
        assertThat(EmailLocale.resolve(null, null)).isEqualTo(EmailLocale.EN);
        assertThat(EmailLocale.resolve("fr", "de-DE")).isEqualTo(EmailLocale.EN);
        assertThat(EmailLocale.resolve("", " ")).isEqualTo(EmailLocale.EN);
        assertThat(EmailLocale.resolve("-", "_")).isEqualTo(EmailLocale.EN);
    }

    @Test
    void eachLanguageHasItsJavaLocaleAndTag() {
        assertThat(EmailLocale.EN.toLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(EmailLocale.ZH_HANT.toLocale()).isEqualTo(Locale.TAIWAN);
        assertThat(EmailLocale.ZH_HANS.toLocale()).isEqualTo(Locale.CHINA);
        assertThat(EmailLocale.EN.tag()).isEqualTo("en");
        assertThat(EmailLocale.ZH_HANT.tag()).isEqualTo("zh-TW");
        assertThat(EmailLocale.ZH_HANS.tag()).isEqualTo("zh-CN");
    }
}
