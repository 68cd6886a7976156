package loyaltyloop.links;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import loyaltyloop.secrets.SecretSource;

/**
 * The loop's signed links. The key is an SSM SecureString per deployment ({@code /loyalty-loop/<stack>/link-key},
 * created by the first {@code shops add}; generated per run locally) and is read once per container, on first use.
 */
@Singleton
public class Links {

    /** Unsubscribe links must keep working for as long as someone may open an old email. */
    public static final Duration UNSUBSCRIBE_VALIDITY = Duration.ofDays(365 * 2);

    /** A statement link in an old points email should still open; a year is the longest we keep one live. */
    public static final Duration POINTS_VALIDITY = Duration.ofDays(365);

    private final SecretSource secrets;
    private final String keyReference;
    private final Clock clock;
    private volatile LinkSigner signer;

    public Links(SecretSource secrets, @Value("${loyalty.link-key-secret}") String keyReference, Clock clock) {
        this.secrets = secrets;
        this.keyReference = keyReference;
        this.clock = clock;
    }

    public LinkSigner signer() {
        LinkSigner current = signer;
        if (current == null) {
            String key = secrets.secret(keyReference)
                    .orElseThrow(() -> new IllegalStateException("link-signing key secret not found: " + keyReference));
            current = new LinkSigner(key.getBytes(StandardCharsets.UTF_8), clock);
            signer = current;
        }
        return current;
    }

    public String unsubscribeUrl(String baseUrl, String shop, String customerRef) {
        String token = signer().sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, shop, customerRef,
                clock.instant().plus(UNSUBSCRIBE_VALIDITY)));
        return trimSlash(baseUrl) + "/u/" + token;
    }

    /** The survey about one order ({@code /s/{token}}), working for {@code validity}. */
    public String surveyUrl(String baseUrl, String shop, String customerRef, String orderId, Duration validity) {
        String token = signer().sign(new LinkToken(LinkPurpose.SURVEY, shop, customerRef, orderId,
                clock.instant().plus(validity)));
        return trimSlash(baseUrl) + "/s/" + token;
    }

    /** The customer's points statement ({@code /p/{token}}). */
    public String pointsUrl(String baseUrl, String shop, String customerRef) {
        String token = signer().sign(new LinkToken(LinkPurpose.POINTS, shop, customerRef,
                clock.instant().plus(POINTS_VALIDITY)));
        return trimSlash(baseUrl) + "/p/" + token;
    }

    /** The owner page link in each digest: a month, so last month's digest still opens it. */
    public static final Duration OWNER_VALIDITY = Duration.ofDays(30);

    /** The shop's owner page ({@code /o/{token}}); the token names the shop, and no customer. */
    public String ownerUrl(String baseUrl, String shop) {
        String token = signer().sign(new LinkToken(LinkPurpose.OWNER, shop, "owner", clock.instant().plus(OWNER_VALIDITY)));
        return trimSlash(baseUrl) + "/o/" + token;
    }

    public static String referralUrl(String baseUrl, String code) {
        return trimSlash(baseUrl) + "/r/" + code;
    }

    private static String trimSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
