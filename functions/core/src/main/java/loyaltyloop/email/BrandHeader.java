package loyaltyloop.email;

import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;

/**
 * The shop's brand across the top of every email it sends, the owner's included: its colour behind its logo (or its
 * name). Both come from
 * shop settings ({@code brand}), checked when stored (#rrggbb; an https URL); the templates escape them anyway.
 */
public record BrandHeader(String colour, String logoUrl, String shopName) {

    private static final String DEFAULT_COLOUR = "#111827";

    /** The shop's header, or null when it set no brand: the emails then look as they always did. */
    public static BrandHeader of(Shop shop) {
        LoyaltySettings.Brand brand = shop == null ? null : shop.settings().brand();
        if (brand == null || (brand.colour() == null && brand.logoUrl() == null)) {
            return null;
        }
        return new BrandHeader(brand.colour() == null ? DEFAULT_COLOUR : brand.colour(), brand.logoUrl(),
                EmailTemplates.shopName(shop));
    }
}
