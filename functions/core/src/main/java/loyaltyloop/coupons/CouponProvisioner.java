package loyaltyloop.coupons;

import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;

/**
 * Makes a coupon code work at a shop's checkout. One adapter per {@link LoyaltySettings.Provisioning} (and per
 * platform for the platform API).
 */
public interface CouponProvisioner {

    /** Whether this adapter serves the shop (its provisioning setting and platform). */
    boolean serves(Shop shop);

    /**
     * A code for a new coupon: freshly generated, or taken from the owner's pool. Throws
     * {@link ProvisioningException} when none can be had (an empty pool).
     */
    String newCode(Shop shop, String reference);

    /** Hands back a code from {@link #newCode} that was never stored (its coupon lost a race); may do nothing. */
    void release(Shop shop, String code);

    /**
     * Creates the discount at the shop. Idempotent: provisioning a code that this loop already created there
     * succeeds, so a retry after a timeout or a concurrent attempt is harmless.
     *
     * @throws ProvisioningException when the shop's API refused or could not be reached; {@code retryable} says
     *     whether trying again later can help
     */
    void provision(Shop shop, Coupon coupon);
}
