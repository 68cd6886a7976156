package loyaltyloop.platforms;

import static loyaltyloop.platforms.PlatformFixtures.CODE;
import static loyaltyloop.platforms.PlatformFixtures.SECRET_REF;
import static loyaltyloop.platforms.PlatformFixtures.coupon;
import static loyaltyloop.platforms.PlatformFixtures.fixedOff;
import static loyaltyloop.platforms.PlatformFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@UnitTest
class WooCommerceCouponProvisionerTest {

    private static final String KEY = "ck_0123456789abcdef0123456789abcdef01234567";
    private static final String SECRET = "cs_fedcba9876543210fedcba9876543210fedcba98";
    private static final String CREDENTIALS = KEY + ":" + SECRET;
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));

    private final ContractStub stub = new ContractStub();
    private final Shop shop = shop(Platform.WOOCOMMERCE, "USD", SECRET_REF);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private WooCommerceCouponProvisioner provisioner(Duration requestTimeout, Map<String, String> secrets) {
        return new WooCommerceCouponProvisioner(PlatformFixtures.client(stub, requestTimeout, secrets));
    }

    private WooCommerceCouponProvisioner provisioner() {
        return provisioner(Duration.ofSeconds(5), Map.of(SECRET_REF, CREDENTIALS));
    }

    private ProvisioningException failure(WooCommerceCouponProvisioner provisioner, Shop at) {
        return catchThrowableOfType(() -> provisioner.provision(at, coupon(CouponTerms.percentOff(20), "USD")),
                ProvisioningException.class);
    }

    @Test
    void servesOnlyWooCommerceShopsThatUseThePlatformApi() {
        assertThat(provisioner().serves(shop)).isTrue();
        assertThat(provisioner().serves(shop(Platform.SHOPIFY, "USD", SECRET_REF))).isFalse();
    }

    @Test
    void aPercentageCouponIsASingleUseCouponForTheCustomersEmailOnly() {
        stub.answers(201, "woocommerce/coupon-created.json");

        provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD"));

        ContractStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/wp-json/wc/v3/coupons");
        assertThat(request.header("Authorization")).isEqualTo(BASIC);
        JsonNode body = request.json();
        assertThat(body.path("code").asText()).isEqualTo(CODE);
        assertThat(body.path("discount_type").asText()).isEqualTo("percent");
        assertThat(body.path("amount").isTextual()).isTrue();
        assertThat(body.path("amount").asText()).isEqualTo("20");
        assertThat(body.path("usage_limit").asInt()).isEqualTo(1);
        assertThat(body.path("usage_limit_per_user").asInt()).isEqualTo(1);
        assertThat(body.path("individual_use").asBoolean()).isTrue();
        assertThat(body.path("date_expires_gmt").asText()).isEqualTo("2027-01-28T18:00:00");
        assertThat(body.path("email_restrictions")).hasSize(1);
        assertThat(body.path("email_restrictions").get(0).asText()).isEqualTo("ada@example.com");
        assertThat(body.path("description").asText()).contains("loyalty-loop").contains("1001");
        assertThat(body.has("minimum_amount")).isFalse();
    }

    @Test
    void aFixedAmountCouponWithAMinimumIsAFixedCartDiscountInDecimals() {
        stub.answers(201, "woocommerce/coupon-created.json");

        provisioner().provision(shop, coupon(fixedOff(1050, 5000), "USD"));

        JsonNode body = stub.only().json();
        assertThat(body.path("discount_type").asText()).isEqualTo("fixed_cart");
        assertThat(body.path("amount").asText()).isEqualTo("10.50");
        assertThat(body.path("minimum_amount").asText()).isEqualTo("50.00");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        stub.answers(201, "woocommerce/coupon-created.json");

        provisioner().provision(shop(Platform.WOOCOMMERCE, "JPY", SECRET_REF), coupon(fixedOff(500, 3000), "JPY"));

        JsonNode body = stub.only().json();
        assertThat(body.path("amount").asText()).isEqualTo("500");
        assertThat(body.path("minimum_amount").asText()).isEqualTo("3000");
    }

    @Test
    void aDuplicateCodeThatExistsAtTheShopCountsAsProvisioned() {
        stub.answers(400, "woocommerce/code-exists.json").answers(200, "woocommerce/coupons-by-code.json");

        provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD"));

        List<ContractStub.Received> requests = stub.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).method()).isEqualTo("GET");
        assertThat(requests.get(1).pathAndQuery()).isEqualTo("/wp-json/wc/v3/coupons?code=" + CODE);
        assertThat(requests.get(1).header("Authorization")).isEqualTo(BASIC);
    }

    @Test
    void aDuplicateCodeThatCannotBeFoundIsAFailureThatRetryingCannotFix() {
        stub.answers(400, "woocommerce/code-exists.json").answers(200, "woocommerce/coupons-none.json");

        ProvisioningException e = failure(provisioner(), shop);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(CODE).contains("cannot be found");
    }

    @Test
    void otherValidationErrorsAreNotRetryable() {
        stub.answers(400, "woocommerce/invalid-param.json");

        ProvisioningException e = failure(provisioner(), shop);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("rest_invalid_param");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aRefusedKeyIsNotRetryable() {
        stub.answers(401, "woocommerce/unauthorized.json");

        ProvisioningException e = failure(provisioner(), shop);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 401");
    }

    @Test
    void rateLimitsAndOutagesAreRetryable() {
        stub.answers(429, "woocommerce/rate-limited.json").answers(503, "woocommerce/service-unavailable.json");

        for (String expected : List.of("HTTP 429", "HTTP 503")) {
            ProvisioningException e = failure(provisioner(), shop);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains(expected);
        }
    }

    @Test
    void aShopThatNeverAnswersTimesOutRetryably() {
        stub.neverAnswers();

        ProvisioningException e = failure(provisioner(Duration.ofMillis(300), Map.of(SECRET_REF, CREDENTIALS)), shop);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("timed out");
    }

    @Test
    void missingOrMalformedCredentialsNameTheSecretReferenceNeverItsValue() {
        ProvisioningException missing = failure(provisioner(Duration.ofSeconds(5), Map.of()), shop);
        ProvisioningException malformed = failure(provisioner(Duration.ofSeconds(5), Map.of(SECRET_REF, KEY)), shop);

        for (ProvisioningException e : List.of(missing, malformed)) {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains(SECRET_REF).doesNotContain(KEY);
        }
        assertThat(malformed.getMessage()).contains("consumer_key:consumer_secret");
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void theKeyAndSecretNeverAppearInAFailure() {
        stub.answers(401, "woocommerce/unauthorized.json").answers(503, "woocommerce/service-unavailable.json")
                .answers(400, "woocommerce/invalid-param.json").neverAnswers();
        WooCommerceCouponProvisioner provisioner = provisioner(Duration.ofMillis(300), Map.of(SECRET_REF, CREDENTIALS));

        for (int i = 0; i < 4; i++) {
            for (Throwable t = failure(provisioner, shop); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY).doesNotContain(SECRET)
                        .doesNotContain(BASIC.substring("Basic ".length()));
            }
        }
    }
}
