package loyaltyloop.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies link tokens: {@code base64url(purpose|shop|ref|expiry) "." base64url(HMAC-SHA256)}.
 * Verification compares in constant time and reports tampered and expired tokens apart, so pages can say which.
 */
public final class LinkSigner {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 512;

    private final byte[] key;
    private final Clock clock;

    public LinkSigner(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link-signing key must have at least 32 bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    public String sign(LinkToken token) {
        for (String part : new String[] {token.shop(), token.customerRef(), token.subject()}) {
            if (part.indexOf('|') >= 0) {
                throw new IllegalArgumentException("token parts may not contain |");
            }
        }
        // Four parts when there is no subject, so links sent before subjects existed keep working.
        String payload = token.purpose().code() + "|" + token.shop() + "|" + token.customerRef() + "|"
                + (token.subject().isEmpty() ? "" : token.subject() + "|") + token.expiresAt().getEpochSecond();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(mac(payloadBytes));
    }

    /** Verifies a token from a URL for the expected purpose. */
    public Verification verify(String raw, LinkPurpose expected) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_TOKEN_LENGTH) {
            return Verification.invalid();
        }
        int dot = raw.indexOf('.');
        if (dot <= 0 || dot != raw.lastIndexOf('.')) {
            return Verification.invalid();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(raw.substring(0, dot));
            signature = DECODER.decode(raw.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Verification.invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            return Verification.invalid();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if ((parts.length != 4 && parts.length != 5) || LinkPurpose.fromCode(parts[0]) != expected) {
            return Verification.invalid();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 1]));
        } catch (NumberFormatException e) {
            return Verification.invalid();
        }
        String subject = parts.length == 5 ? parts[3] : "";
        LinkToken token = new LinkToken(expected, parts[1], parts[2], subject, expiresAt);
        if (!clock.instant().isBefore(expiresAt)) {
            return new Verification(Verification.Status.EXPIRED, token);
        }
        return new Verification(Verification.Status.VALID, token);
    }

    /**
     * A short signature (128 bits, base64url) of {@code parts} for {@code purpose}: for values our pages hand out and
     * take back, such as a redemption id in a form. Another purpose, or any other part, gives another tag.
     */
    public String tag(String purpose, String... parts) {
        StringBuilder payload = new StringBuilder("tag|").append(purpose);
        for (String part : parts) {
            payload.append('|').append(part.length()).append(':').append(part);
        }
        byte[] full = mac(payload.toString().getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(java.util.Arrays.copyOf(full, 16));
    }

    /** Whether {@code tag} is {@link #tag(String, String...)} of these parts; compared in constant time. */
    public boolean tagMatches(String tag, String purpose, String... parts) {
        return tag != null && MessageDigest.isEqual(tag(purpose, parts).getBytes(StandardCharsets.US_ASCII),
                tag.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The outcome of checking a token; {@code token} is null unless the signature was good. */
    public record Verification(Status status, LinkToken token) {

        public enum Status { VALID, EXPIRED, INVALID }

        static Verification invalid() {
            return new Verification(Status.INVALID, null);
        }

        public boolean valid() {
            return status == Status.VALID;
        }
    }
}
