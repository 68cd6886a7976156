package loyaltyloop.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class CouponCodesTest {

    @Test
    void aCodeIsTwelveUnambiguousUpperCaseCharactersWithOverFiftyBitsOfRandomness() {
        String code = CouponCodes.generate(null);
        assertThat(code).hasSize(12).matches("[A-Z2-9]+").doesNotContain("0", "O", "1", "I", "L");
        assertThat(CouponCodes.entropyBits()).isGreaterThan(50);
        assertThat(CouponCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void aShopPrefixComesFirstWithAHyphen() {
        assertThat(CouponCodes.generate("ACME")).startsWith("ACME-").hasSize(17);
    }

    @Test
    void aHundredThousandCodesNeverRepeatAndUseTheWholeAlphabet() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = CouponCodes.generate(null);
            codes.add(code);
            code.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(codes).hasSize(100_000);
        assertThat(seen).hasSize(CouponCodes.ALPHABET.length());
    }

    @Test
    void aCodeTypedAtCheckoutIsComparedTrimmedAndUpperCase() {
        assertThat(CouponCodes.normalise("  acme-7kq2 ")).isEqualTo("ACME-7KQ2");
        assertThat(CouponCodes.normalise(null)).isEmpty();
    }
}
