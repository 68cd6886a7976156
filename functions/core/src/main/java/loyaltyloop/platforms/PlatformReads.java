package loyaltyloop.platforms;

import loyaltyloop.history.PastOrdersException;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;

/** What the order readers share: which shops they can read, and what a failed call means for an import. */
final class PlatformReads {

    private PlatformReads() {
    }

    /** A shop whose API can be called: connected as a Shopify app, or with API credentials stored. */
    static boolean hasCredentials(Shop shop) {
        LoyaltySettings.CouponSettings coupons = shop.settings().coupons();
        return (shop.platform() == loyaltyloop.shops.Platform.SHOPIFY && shop.connection().isApp())
                || (coupons.apiSecretRef() != null && !coupons.apiSecretRef().isBlank());
    }

    /** A client failure (no or refused credentials, a timeout, a refused connection) as the import sees it. */
    static PastOrdersException failed(ShopApiException e) {
        PastOrdersException.Kind kind = e.retryable() ? PastOrdersException.Kind.RETRYABLE
                : e.problem() == ShopApiException.Problem.CREDENTIALS || e.problem() == ShopApiException.Problem.FORBIDDEN
                        ? PastOrdersException.Kind.CREDENTIALS_REFUSED : PastOrdersException.Kind.FAILED;
        return new PastOrdersException(e.getMessage(), kind);
    }

    /** An unsuccessful status; bodies are left out, they are the shop's. */
    static PastOrdersException refused(String what, int status) {
        if (status == 401 || status == 403) {
            return new PastOrdersException(what + " was refused (HTTP " + status
                    + "): the shop's API credentials are wrong, expired or lack the scope to read orders",
                    PastOrdersException.Kind.CREDENTIALS_REFUSED);
        }
        if (status == 429 || status >= 500) {
            return new PastOrdersException(what + " failed at the shop (HTTP " + status + "); try again later",
                    PastOrdersException.Kind.RETRYABLE);
        }
        return new PastOrdersException(what + " was rejected (HTTP " + status + ")", PastOrdersException.Kind.FAILED);
    }
}
