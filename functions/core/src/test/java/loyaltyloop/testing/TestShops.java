package loyaltyloop.testing;

import io.micronaut.context.ApplicationContext;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/** Registers shops the way the registration command does: the secret in SSM, only its name in the table. */
public final class TestShops {

    private TestShops() {
    }

    public static Shop register(ApplicationContext context, String domain, Platform platform, String secret,
            String currency, String locale) {
        String secretRef = "/loyalty-loop/test/" + TestAws.unique("shops") + "/" + domain + "/webhook-secret";
        TestAws.putSecureString(secretRef, secret);
        String sender = "shop@" + domain.replace(':', '-');
        TestAws.verifySender(sender);
        Shop shop = new Shop(domain, platform, "https://" + domain, sender, "Demo Shop", "owner@" + domain,
                locale, currency, secretRef);
        context.getBean(ShopStore.class).save(shop);
        return shop;
    }

    public static Shop shopify(ApplicationContext context, String secret) {
        return register(context, "demo.myshopify.com", Platform.SHOPIFY, secret, "USD", "en");
    }
}
