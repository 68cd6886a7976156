package loyaltyloop.coupons;

import loyaltyloop.shops.Shop;

/**
 * A provisioner whose codes are generated here ({@link CouponCodes}, after the shop's prefix) and exist nowhere
 * until provisioned, so a code that is never stored needs no handing back.
 */
public abstract class GeneratedCodeProvisioner implements CouponProvisioner {

    @Override
    public String newCode(Shop shop, String reference) {
        return CouponCodes.generate(shop.settings().coupons().prefix());
    }

    @Override
    public void release(Shop shop, String code) {
        // Nothing holds a generated code before it is provisioned.
    }
}
