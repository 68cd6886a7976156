package loyaltyloop.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/** Shops, coupons and secrets for the platform provisioner tests. */
final class PlatformFixtures {

    static final String SECRET_REF = "/loyalty-loop/test/shops/shop/coupon-api";
    static final String CODE = "THANKS-7KQ2M9XW4R3P";
    static final Instant CREATED = Instant.parse("2026-11-29T18:00:00Z");
    static final Instant EXPIRES = Instant.parse("2027-01-28T18:00:00Z");

    private PlatformFixtures() {
    }

    static Shop shop(Platform platform, String currency, String apiSecretRef) {
        String domain = platform == Platform.SHOPIFY ? "tea.myshopify.com" : "woo.example.com";
        LoyaltySettings.CouponSettings coupons = new LoyaltySettings.CouponSettings(null, "THANKS",
                LoyaltySettings.Provisioning.PLATFORM_API, apiSecretRef);
        return new Shop(domain, platform, "https://" + domain, "hello@" + domain, "Tea", "owner@" + domain, "en",
                currency, "/loyalty-loop/test/shops/" + domain + "/webhook-secret")
                .withSettings(new LoyaltySettings(null, coupons, null));
    }

    static Coupon coupon(CouponTerms terms, String currency) {
        return new Coupon("shop", CODE, "ada@example.com", terms, currency, Coupon.Origin.SURVEY, "1001",
                Coupon.State.PENDING, CREATED, EXPIRES, null, null);
    }

    static CouponTerms fixedOff(long minor, long minimumMinor) {
        return new CouponTerms(CouponTerms.Kind.FIXED, minor, minimumMinor, 60);
    }

    /** Our own port, answered from a map: the adapters only ever ask it by reference. */
    static SecretSource secrets(Map<String, String> byReference) {
        return reference -> Optional.ofNullable(byReference.get(reference));
    }

    /** The client the adapters use, against the stub, reading secrets from {@code byReference}. */
    static ShopApiClient client(ContractStub stub, Duration requestTimeout, Map<String, String> byReference) {
        return client(stub, requestTimeout, byReference, Clock.systemUTC());
    }

    static ShopApiClient client(ContractStub stub, Duration requestTimeout, Map<String, String> byReference,
            Clock clock) {
        return new ShopApiClient(stub.baseUrl(), Duration.ofSeconds(1), requestTimeout, secrets(byReference), clock);
    }
}
