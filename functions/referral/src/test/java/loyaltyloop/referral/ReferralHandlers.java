package loyaltyloop.referral;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;

/** The sample events of {@code events/} with their placeholders filled in, and the sample shop. */
final class ReferralHandlers {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReferralHandlers() {
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of("../../events", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP API event from {@code file} with the token or code placeholders replaced. */
    static APIGatewayV2HTTPEvent http(String file, String value) {
        try {
            return JSON.readValue(read(file).replace("REPLACE_WITH_SIGNED_TOKEN", value)
                    .replace("REPLACE_WITH_REFERRAL_CODE", value), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An EventBridge event from {@code file} with the referral code placeholder replaced. */
    static Map<String, Object> bus(String file, String code) {
        try {
            return JSON.readValue(read(file).replace("REPLACE_WITH_REFERRAL_CODE", code), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Map<String, Object> event) {
        return (Map<String, Object>) event.get("detail");
    }

    /** The sample shop ({@code demo.myshopify.com}) with the demo checkout for coupons. */
    static Shop sampleShop(ApplicationContext context) {
        Shop shop = TestShops.shopify(context, "sample-shopify-secret").withCouponProvisioning(LoyaltySettings.Provisioning.DEMO);
        context.getBean(ShopStore.class).save(shop);
        return shop;
    }

    /** A customer of the shop with one order (and so a referral code), made as intake makes them. */
    static Customer customer(ApplicationContext context, Shop shop, String email) {
        Money total = new Money(4200, "USD");
        Order order = Orders.anOrder().shop(shop.domain()).orderId(TestAws.unique("o")).orderName("#900")
                .createdAt(java.time.Instant.now()).email(email).customer("Rita Referrer", "Rita").locale("en")
                .total(total).lineItems(new LineItem("Ceramic Mug", 1, total, "632910392"))
                .marketingConsent(MarketingConsent.GRANTED).build();
        CustomerAccounts accounts = context.getBean(CustomerAccounts.class);
        accounts.recordOrder(shop, order);
        return accounts.find(shop.domain(), email).orElseThrow();
    }
}
