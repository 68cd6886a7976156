package loyaltyloop.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import loyaltyloop.intake.WebhookSignature;

@UnitTest
class WebhookSignatureTest {

    // Expected values computed outside Java:
    //   printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key -binary | base64
    private static final String FOX_SECRET = "key";
    private static final byte[] FOX_BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    private static final String FOX_SIGNATURE = "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=";

    //   python3: base64(hmac.new('wc-sécret'.encode(), '{"name":"烏龍茶禮盒","note":"café"}'.encode('utf-8'), sha256))
    private static final String UTF8_SECRET = "wc-sécret";
    private static final String UTF8_BODY = "{\"name\":\"烏龍茶禮盒\",\"note\":\"café\"}";
    private static final String UTF8_SIGNATURE = "jr6M0KEuEXmwuJ4XOoh8mx1VKuqOyAT8BRGAu2s1Zpo=";

    @Test
    void signMatchesAnIndependentlyComputedVector() {
        assertThat(WebhookSignature.sign(FOX_SECRET, FOX_BODY)).isEqualTo(FOX_SIGNATURE);
    }

    @Test
    void theKnownVectorVerifies() {
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, FOX_SIGNATURE)).isTrue();
    }

    @Test
    void signatureCoversTheRawUtf8BytesOfAMultibyteBody() {
        byte[] utf8 = UTF8_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(utf8).hasSizeGreaterThan(UTF8_BODY.length()); // really multibyte
        assertThat(WebhookSignature.sign(UTF8_SECRET, utf8)).isEqualTo(UTF8_SIGNATURE);
        assertThat(WebhookSignature.matches(UTF8_SECRET, utf8, UTF8_SIGNATURE)).isTrue();
    }

    @Test
    void theSameTextInOtherBytesDoesNotVerify() {
        byte[] utf16 = UTF8_BODY.getBytes(StandardCharsets.UTF_16);
        assertThat(WebhookSignature.matches(UTF8_SECRET, utf16, UTF8_SIGNATURE)).isFalse();
    }

    @Test
    void theSampleShopifyEventVerifiesWithTheDocumentedSampleSecret() throws Exception {
        var event = ShopifyOrdersTest.event("shopify-orders-create.json");
        byte[] body = event.path("body").asText().getBytes(StandardCharsets.UTF_8);
        String header = event.path("headers").path("x-shopify-hmac-sha256").asText();
        assertThat(WebhookSignature.matches("sample-shopify-secret", body, header)).isTrue();
    }

    @Test
    void theSampleWooCommerceEventVerifiesWithTheDocumentedSampleSecret() throws Exception {
        var event = ShopifyOrdersTest.event("woocommerce-order-created.json");
        byte[] body = event.path("body").asText().getBytes(StandardCharsets.UTF_8);
        String header = event.path("headers").path("x-wc-webhook-signature").asText();
        assertThat(WebhookSignature.matches("sample-woo-secret", body, header)).isTrue();
    }

    @Test
    void aWrongSecretDoesNotVerify() {
        assertThat(WebhookSignature.matches("Key", FOX_BODY, FOX_SIGNATURE)).isFalse();
        assertThat(WebhookSignature.matches("key ", FOX_BODY, FOX_SIGNATURE)).isFalse();
    }

    @Test
    void aSingleFlippedBodyByteDoesNotVerify() {
        for (int i = 0; i < FOX_BODY.length; i++) {
            byte[] tampered = FOX_BODY.clone();
            tampered[i] ^= 0x01;
            assertThat(WebhookSignature.matches(FOX_SECRET, tampered, FOX_SIGNATURE)).as("byte %d", i).isFalse();
        }
    }

    @Test
    void aFlippedSignatureBitDoesNotVerify() {
        byte[] mac = Base64.getDecoder().decode(FOX_SIGNATURE);
        mac[31] ^= 0x80;
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, Base64.getEncoder().encodeToString(mac))).isFalse();
    }

    @Test
    void aTruncatedSignatureDoesNotVerify() {
        byte[] mac = Base64.getDecoder().decode(FOX_SIGNATURE);
        byte[] prefix = java.util.Arrays.copyOf(mac, 16);
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, Base64.getEncoder().encodeToString(prefix))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingOrBlankHeaderDoesNotVerify(String header) {
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, header)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%not-base64%%%", "sha256=97yD9DBThCSxMpjmqm", "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", "===="})
    void aGarbageHeaderDoesNotVerifyAndDoesNotThrow(String header) {
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, header)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingSecretNeverVerifies(String secret) {
        assertThat(WebhookSignature.matches(secret, FOX_BODY, FOX_SIGNATURE)).isFalse();
    }

    @Test
    void anEmptyBodyHasASignatureToo() {
        String signature = WebhookSignature.sign(FOX_SECRET, new byte[0]);
        assertThat(WebhookSignature.matches(FOX_SECRET, new byte[0], signature)).isTrue();
        assertThat(WebhookSignature.matches(FOX_SECRET, FOX_BODY, signature)).isFalse();
    }
}
