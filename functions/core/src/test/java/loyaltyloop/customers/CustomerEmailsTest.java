package loyaltyloop.customers;

import static org.assertj.core.api.Assertions.assertThat;

import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import loyaltyloop.orders.CustomerEmails;

@UnitTest
class CustomerEmailsTest {

    @Test
    void normaliseTrimsAndLowerCases() {
        assertThat(CustomerEmails.normalise(" Jane.Doe@Example.COM ")).contains("jane.doe@example.com");
        assertThat(CustomerEmails.normalise("\tMing@Example.TW\n")).contains("ming@example.tw");
    }

    @Test
    void theSameAddressWrittenDifferentlyIsOneCustomer() {
        assertThat(CustomerEmails.normalise("JANE.DOE@EXAMPLE.COM"))
                .isEqualTo(CustomerEmails.normalise(" jane.doe@example.com"));
    }

    @Test
    void lowerCasingDoesNotDependOnTheDefaultLocale() {
        // In a Turkish default locale "I".toLowerCase() is a dotless ı; the key must not change with the JVM.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(CustomerEmails.normalise("INFO@SHOP.EXAMPLE")).contains("info@shop.example");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void plusTagsAndSubdomainsAreKept() {
        assertThat(CustomerEmails.normalise("jane+loyalty@mail.example.co.uk")).contains("jane+loyalty@mail.example.co.uk");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "jane.example.com", "jane", "@example.com", "jane@", "jane@@example.com",
            "jane doe@example.com", "jane@exa mple.com", "jane@localhost", "<jane@example.com>",
            "Jane <jane@example.com>", "a@b@example.com"})
    void normaliseRejectsWhatCannotBeAnAddress(String raw) {
        assertThat(CustomerEmails.normalise(raw)).isEmpty();
    }

    @Test
    void normaliseRejectsAnOverlongAddress() {
        assertThat(CustomerEmails.normalise("a".repeat(250) + "@example.com")).isEmpty();
    }

    @Test
    void maskHidesTheLocalPart() {
        String masked = CustomerEmails.mask("jane.doe@example.com");
        assertThat(masked).isEqualTo("j***@example.com");
        assertThat(masked).doesNotContain("jane").doesNotContain("doe");
    }

    @Test
    void maskDoesNotRevealTheLocalPartsLength() {
        assertThat(CustomerEmails.mask("jo@example.com")).isEqualTo(CustomerEmails.mask("jonathan.longname@example.com"));
    }

    @Test
    void maskOfSomethingThatIsNotAnAddressRevealsNothing() {
        assertThat(CustomerEmails.mask(null)).isEqualTo("-");
        assertThat(CustomerEmails.mask("secret-token")).isEqualTo("***");
        assertThat(CustomerEmails.mask("@example.com")).isEqualTo("***");
    }
}
