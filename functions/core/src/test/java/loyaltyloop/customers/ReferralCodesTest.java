package loyaltyloop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@UnitTest
class ReferralCodesTest {

    private final ReferralCodes codes = new ReferralCodes();

    @RepeatedTest(20)
    void aCodeIsEightCharactersFromTheUnambiguousAlphabet() {
        String code = codes.next();
        assertThat(code).hasSize(8).matches("[A-HJ-NP-Z2-9]{8}");
        assertThat(ReferralCodes.looksLikeCode(code)).isTrue();
    }

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(ReferralCodes.ALPHABET).doesNotContain("0", "O", "1", "I").hasSize(32);
        assertThat(ReferralCodes.ALPHABET.chars().distinct().count()).isEqualTo(32);
        assertThat(ReferralCodes.ALPHABET).isUpperCase();
    }

    @Test
    void tenThousandCodesHaveNoDuplicates() {
        // 32^8 = 2^40 codes: the chance of any collision among 10,000 is about 4.5e-5, of two about 1e-9.
        // Allowing one keeps the test from ever flaking while still catching a weak or repeating generator.
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int i = 0; i < 10_000; i++) {
            if (!seen.add(codes.next())) {
                duplicates++;
            }
        }
        assertThat(duplicates).isLessThanOrEqualTo(1);
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsed() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            for (char c : codes.next().toCharArray()) {
                used.add(c);
            }
        }
        assertThat(used).hasSize(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7QH2MZP", "ABCDEFGH", "23456789", "ZZZZZZZZ"})
    void looksLikeCodeAcceptsTheShape(String value) {
        assertThat(ReferralCodes.looksLikeCode(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"K7QH2MZ", "K7QH2MZPX", "k7qh2mzp", "K7QH2MZ0", "K7QH2MZO", "K7QH2MZ1", "K7QH2MZI",
            "K7QH-MZP", "K7QH MZP", "WELCOME10", "ＫＱＨ２ＭＺＰＸ"})
    void looksLikeCodeRejectsEverythingElse(String value) {
        assertThat(ReferralCodes.looksLikeCode(value)).isFalse();
    }
}
