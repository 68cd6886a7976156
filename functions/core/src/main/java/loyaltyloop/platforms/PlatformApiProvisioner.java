package loyaltyloop.platforms;

import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.GeneratedCodeProvisioner;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/** Creates generated codes at shops of one platform through that platform's admin API. */
abstract class PlatformApiProvisioner extends GeneratedCodeProvisioner {

    private final Platform platform;
    final ShopApiClient api;

    PlatformApiProvisioner(Platform platform, ShopApiClient api) {
        this.platform = platform;
        this.api = api;
    }

    @Override
    public boolean serves(Shop shop) {
        return shop.platform() == platform
                && shop.settings().coupons().provisioning() == LoyaltySettings.Provisioning.PLATFORM_API;
    }

    /** The currency a fixed amount or minimum is in: the coupon's, else the shop's. */
    static String currency(Shop shop, Coupon coupon) {
        return coupon.currency() != null ? coupon.currency() : shop.currency();
    }
}
