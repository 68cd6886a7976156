package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@MotoTest
class DynamoCouponPoolTest {

    private static DynamoDbClient dynamo;
    private static DynamoCouponPool pool;

    @BeforeAll
    static void createTable() {
        dynamo = TestAws.dynamo();
        pool = new DynamoCouponPool(dynamo, TestAws.createTable(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    private static Shop poolShop() {
        String domain = TestAws.unique("pool") + ".myshopify.com";
        LoyaltySettings.CouponSettings coupons =
                new LoyaltySettings.CouponSettings(null, null, LoyaltySettings.Provisioning.POOL, null);
        return new Shop(domain, Platform.SHOPIFY, "https://" + domain, "hello@" + domain, "Pool Shop",
                "owner@" + domain, "en", "USD", "/loyalty-loop/test/webhook-secret")
                .withSettings(new LoyaltySettings(null, coupons, null));
    }

    @Test
    void servesOnlyPoolShops() {
        assertThat(pool.serves(poolShop())).isTrue();
        assertThat(pool.serves(poolShop().withSettings(LoyaltySettings.DEFAULTS))).isFalse();
    }

    @Test
    void uploadedCodesAreNormalisedAndHandedOutOnce() {
        Shop shop = poolShop();
        DynamoCouponPool.UploadResult result = pool.upload(shop.domain(), List.of(" thanks-a1 ", "", "THANKS-B2"));

        assertThat(result.added()).isEqualTo(2);
        String first = pool.newCode(shop, "order-1");
        String second = pool.newCode(shop, "order-2");

        assertThat(List.of(first, second)).containsExactlyInAnyOrder("THANKS-A1", "THANKS-B2");
        assertThat(pool.countFree(shop.domain())).isZero();
    }

    @Test
    void uploadingTheSameCodesTwiceAddsNothing() {
        Shop shop = poolShop();
        pool.upload(shop.domain(), List.of("ONE", "TWO"));
        pool.newCode(shop, "order-1");

        DynamoCouponPool.UploadResult again = pool.upload(shop.domain(), List.of("one", "TWO", "two"));

        assertThat(again.added()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(2);
        assertThat(pool.countFree(shop.domain())).isEqualTo(1);
    }

    @Test
    void linesThatAreNotCodesAreReportedNotStored() {
        Shop shop = poolShop();

        DynamoCouponPool.UploadResult result = pool.upload(shop.domain(), List.of("GOOD1", "two words", "<b>"));

        assertThat(result.added()).isEqualTo(1);
        assertThat(result.rejected()).containsExactly("two words", "<b>");
    }

    @Test
    void aReleasedCodeGoesBackToThePool() {
        Shop shop = poolShop();
        pool.upload(shop.domain(), List.of("ONLY"));
        String code = pool.newCode(shop, "order-1");

        pool.release(shop, code);
        pool.release(shop, code); // a second release changes nothing

        assertThat(pool.countFree(shop.domain())).isEqualTo(1);
        assertThat(pool.newCode(shop, "order-2")).isEqualTo("ONLY");
    }

    @Test
    void releasingACodeNeverHandedOutAddsNothing() {
        Shop shop = poolShop();

        pool.release(shop, "NEVER-UPLOADED");

        assertThat(pool.countFree(shop.domain())).isZero();
    }

    @Test
    void anEmptyPoolIsANonRetryableFailureNamingTheShop() {
        Shop shop = poolShop();

        assertThatThrownBy(() -> pool.newCode(shop, "order-1"))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("coupon pool of " + shop.domain() + " is empty");
    }

    @Test
    void concurrentTakersGetDistinctCodes() throws Exception {
        Shop shop = poolShop();
        pool.upload(shop.domain(), List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"));

        List<String> taken = Concurrently.run(6, () -> pool.newCode(shop, "same-order"));

        assertThat(new HashSet<>(taken)).hasSize(6);
        assertThat(pool.countFree(shop.domain())).isEqualTo(2);
    }

    @Test
    void moreTakersThanCodesGetEachCodeOnceAndTheRestAnEmptyPool() throws Exception {
        Shop shop = poolShop();
        pool.upload(shop.domain(), List.of("D1", "D2", "D3"));

        List<String> outcomes = Concurrently.run(5, () -> {
            try {
                return pool.newCode(shop, "order");
            } catch (ProvisioningException empty) {
                return "EMPTY";
            }
        });

        assertThat(outcomes).filteredOn(o -> !o.equals("EMPTY")).containsExactlyInAnyOrder("D1", "D2", "D3");
        assertThat(outcomes).filteredOn(o -> o.equals("EMPTY")).hasSize(2);
    }
}
