package loyaltyloop.links;

import loyaltyloop.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import loyaltyloop.links.LinkSigner.Verification;
import loyaltyloop.links.LinkSigner.Verification.Status;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@UnitTest
class LinkSignerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T15:15:30Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(730));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final TestClock clock = new TestClock(NOW);
    private final LinkSigner signer = new LinkSigner(KEY, clock);
    private final LinkToken token = new LinkToken(LinkPurpose.UNSUBSCRIBE, "demo.myshopify.com", "K7QH2MZP", EXPIRES);

    /** Builds a token the way {@link LinkSigner#sign} does, but with any purpose code and any key. */
    private static String handBuilt(String payload, byte[] key) throws Exception {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return B64URL.encodeToString(bytes) + "." + B64URL.encodeToString(mac.doFinal(bytes));
    }

    @Test
    void aSignedTokenVerifiesAndCarriesItsContent() {
        Verification v = signer.verify(signer.sign(token), LinkPurpose.UNSUBSCRIBE);
        assertThat(v.status()).isEqualTo(Status.VALID);
        assertThat(v.valid()).isTrue();
        assertThat(v.token()).isEqualTo(token);
    }

    @Test
    void theTokenIsUrlSafe() {
        assertThat(signer.sign(token)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void theTokenCarriesNoEmailAddress() {
        assertThat(new String(Base64.getUrlDecoder().decode(signer.sign(token).split("\\.")[0]), StandardCharsets.UTF_8))
                .doesNotContain("@");
    }

    @Test
    void theHandBuiltFormatMatchesTheSigner() throws Exception {
        // Guards the tests below: a hand-built token with the real purpose code is exactly what sign() makes.
        String handBuilt = handBuilt("u|demo.myshopify.com|K7QH2MZP|" + EXPIRES.getEpochSecond(), KEY);
        assertThat(handBuilt).isEqualTo(signer.sign(token));
        assertThat(signer.verify(handBuilt, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.VALID);
    }

    @Test
    void aTokenForAnotherPurposeIsInvalidEvenWithTheRightKey() throws Exception {
        String survey = handBuilt("s|demo.myshopify.com|K7QH2MZP|" + EXPIRES.getEpochSecond(), KEY);
        Verification v = signer.verify(survey, LinkPurpose.UNSUBSCRIBE);
        assertThat(v.status()).isEqualTo(Status.INVALID);
        assertThat(v.token()).isNull();
    }

    @Test
    void aTamperedPayloadIsInvalid() {
        String signed = signer.sign(token);
        String signature = signed.substring(signed.indexOf('.') + 1);
        String otherShop = "u|evil.myshopify.com|K7QH2MZP|" + EXPIRES.getEpochSecond();
        String tampered = B64URL.encodeToString(otherShop.getBytes(StandardCharsets.UTF_8)) + "." + signature;
        assertThat(signer.verify(tampered, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);

        String longer = "u|demo.myshopify.com|K7QH2MZP|" + EXPIRES.plus(Duration.ofDays(3650)).getEpochSecond();
        String extended = B64URL.encodeToString(longer.getBytes(StandardCharsets.UTF_8)) + "." + signature;
        assertThat(signer.verify(extended, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        String signed = signer.sign(token);
        int dot = signed.indexOf('.');
        byte[] mac = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
        for (int i = 0; i < mac.length; i++) {
            byte[] flipped = mac.clone();
            flipped[i] ^= 0x01;
            String tampered = signed.substring(0, dot + 1) + B64URL.encodeToString(flipped);
            assertThat(signer.verify(tampered, LinkPurpose.UNSUBSCRIBE).status()).as("byte %d", i).isEqualTo(Status.INVALID);
        }
    }

    @Test
    void aTruncatedSignatureIsInvalid() {
        String signed = signer.sign(token);
        assertThat(signer.verify(signed.substring(0, signed.length() - 4), LinkPurpose.UNSUBSCRIBE).status())
                .isEqualTo(Status.INVALID);
    }

    @Test
    void aTokenPastItsExpiryIsExpiredAndStillSaysWhatItWasFor() {
        String signed = signer.sign(token);
        clock.set(EXPIRES.plusSeconds(1));
        Verification v = signer.verify(signed, LinkPurpose.UNSUBSCRIBE);
        assertThat(v.status()).isEqualTo(Status.EXPIRED);
        assertThat(v.valid()).isFalse();
        assertThat(v.token()).isEqualTo(token);
    }

    @Test
    void aTokenExpiresAtExactlyItsExpiryInstant() {
        String signed = signer.sign(token);
        clock.set(EXPIRES.minusSeconds(1));
        assertThat(signer.verify(signed, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.VALID);
        clock.set(EXPIRES);
        assertThat(signer.verify(signed, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void anExpiredButTamperedTokenIsInvalidNotExpired() {
        String signed = signer.sign(token);
        clock.set(EXPIRES.plusSeconds(1));
        int dot = signed.indexOf('.');
        byte[] mac = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
        mac[0] ^= 0x01;
        String tampered = signed.substring(0, dot + 1) + B64URL.encodeToString(mac);
        assertThat(signer.verify(tampered, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", ".", "abc.", ".abc", "a.b.c", "%%%.%%%", "dQ==.c2ln", "eyJhbGciOi.J9 ",
            "REPLACE_WITH_SIGNED_TOKEN"})
    void garbageIsInvalid(String raw) {
        Verification v = signer.verify(raw, LinkPurpose.UNSUBSCRIBE);
        assertThat(v.status()).isEqualTo(Status.INVALID);
        assertThat(v.token()).isNull();
    }

    @Test
    void aValidTokenWithAnExtraDotIsInvalid() {
        String signed = signer.sign(token);
        assertThat(signer.verify(signed + ".", LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
        assertThat(signer.verify(signed + ".x", LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
        assertThat(signer.verify("x." + signed, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aTooLongTokenIsInvalidEvenWhenCorrectlySigned() {
        String signed = signer.sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, "demo.myshopify.com", "R".repeat(400), EXPIRES));
        assertThat(signed.length()).isGreaterThan(512);
        assertThat(signer.verify(signed, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
        assertThat(signer.verify("A".repeat(100_000) + ".B", LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aSignedPayloadOfTheWrongShapeIsInvalid() throws Exception {
        long expiry = EXPIRES.getEpochSecond();
        for (String payload : new String[] {"u|demo.myshopify.com|K7QH2MZP", "u|demo.myshopify.com|K7QH2MZP|" + expiry + "|x",
                "u|demo.myshopify.com|K7QH2MZP|soon", "u|demo.myshopify.com|K7QH2MZP|", "", "|||"}) {
            assertThat(signer.verify(handBuilt(payload, KEY), LinkPurpose.UNSUBSCRIBE).status())
                    .as(payload).isEqualTo(Status.INVALID);
        }
    }

    @Test
    void aKeyShorterThan32BytesIsRejected() {
        assertThatThrownBy(() -> new LinkSigner(new byte[31], clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkSigner(new byte[0], clock)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LinkSigner(new byte[32], clock)).isNotNull();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 0x01;
        String foreign = new LinkSigner(otherKey, clock).sign(token);
        assertThat(signer.verify(foreign, LinkPurpose.UNSUBSCRIBE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void changingTheCallersKeyArrayAfterwardsDoesNotChangeTheSigner() {
        byte[] key = KEY.clone();
        LinkSigner own = new LinkSigner(key, clock);
        String before = own.sign(token);
        key[0] ^= 0x01;
        assertThat(own.sign(token)).isEqualTo(before);
    }

    @Test
    void partsContainingTheSeparatorCannotBeSigned() {
        assertThatThrownBy(() -> signer.sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, "a|b", "K7QH2MZP", EXPIRES)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, "demo.myshopify.com", "K|7", EXPIRES)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonAsciiShopSurvivesTheRoundTrip() {
        LinkToken unicode = new LinkToken(LinkPurpose.UNSUBSCRIBE, "茶行.example/shop", "K7QH2MZP", EXPIRES);
        assertThat(signer.verify(signer.sign(unicode), LinkPurpose.UNSUBSCRIBE).token()).isEqualTo(unicode);
    }
}
