package loyaltyloop.platforms;

import static loyaltyloop.platforms.PlatformFixtures.CODE;
import static loyaltyloop.platforms.PlatformFixtures.SECRET_REF;
import static loyaltyloop.platforms.PlatformFixtures.coupon;
import static loyaltyloop.platforms.PlatformFixtures.fixedOff;
import static loyaltyloop.platforms.PlatformFixtures.shop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@MotoTest
class ShopifyCouponProvisionerTest {

    private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    private static final String GRAPHQL = "/admin/api/" + ShopApiClient.SHOPIFY_API_VERSION + "/graphql.json";

    private final ContractStub stub = new ContractStub();
    private final Shop shop = shop(Platform.SHOPIFY, "USD", SECRET_REF);

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private ShopifyCouponProvisioner provisioner(Duration requestTimeout) {
        return new ShopifyCouponProvisioner(PlatformFixtures.client(stub, requestTimeout, Map.of(SECRET_REF, TOKEN)));
    }

    private ShopifyCouponProvisioner provisioner() {
        return provisioner(Duration.ofSeconds(5));
    }

    private static JsonNode discountSent(ContractStub.Received request) {
        return request.json().path("variables").path("discount");
    }

    @Test
    void servesOnlyShopifyShopsThatUseThePlatformApi() {
        ShopifyCouponProvisioner provisioner = provisioner();

        assertThat(provisioner.serves(shop)).isTrue();
        assertThat(provisioner.serves(shop(Platform.WOOCOMMERCE, "USD", SECRET_REF))).isFalse();
        assertThat(provisioner.serves(shop.withSettings(new LoyaltySettings(null, new LoyaltySettings.CouponSettings(
                null, null, LoyaltySettings.Provisioning.POOL, null), null)))).isFalse();
    }

    @Test
    void newCodesCarryTheShopsPrefix() {
        assertThat(provisioner().newCode(shop, "1001")).startsWith("THANKS-").hasSize("THANKS-".length() + 12);
    }

    @Test
    void aPercentageCouponBecomesASingleUseBasicCodeDiscount() {
        stub.answers(200, "shopify/discount-created.json");

        provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD"));

        ContractStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(GRAPHQL);
        assertThat(request.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
        assertThat(request.json().path("query").asText()).contains("discountCodeBasicCreate(basicCodeDiscount:");
        JsonNode discount = discountSent(request);
        assertThat(discount.path("code").asText()).isEqualTo(CODE);
        assertThat(discount.path("title").asText()).contains("loyalty-loop").contains("survey").contains("1001");
        assertThat(discount.path("customerGets").path("value").path("percentage").decimalValue())
                .isEqualByComparingTo("0.2");
        assertThat(discount.path("customerGets").path("items").path("all").asBoolean()).isTrue();
        assertThat(discount.path("context").path("all").asText()).isEqualTo("ALL");
        assertThat(discount.path("usageLimit").asInt()).isEqualTo(1);
        assertThat(discount.path("appliesOncePerCustomer").asBoolean()).isTrue();
        assertThat(discount.path("startsAt").asText()).isEqualTo("2026-11-29T18:00:00Z");
        assertThat(discount.path("endsAt").asText()).isEqualTo("2027-01-28T18:00:00Z");
        assertThat(discount.has("minimumRequirement")).isFalse();
    }

    @Test
    void aFixedAmountCouponWithAMinimumIsSentAsDecimalsInTheShopCurrency() {
        stub.answers(200, "shopify/discount-created.json");

        provisioner().provision(shop, coupon(fixedOff(1050, 5000), "USD"));

        JsonNode discount = discountSent(stub.only());
        JsonNode amount = discount.path("customerGets").path("value").path("discountAmount");
        assertThat(amount.path("amount").asText()).isEqualTo("10.50");
        assertThat(amount.path("appliesOnEachItem").asBoolean()).isFalse();
        assertThat(discount.path("customerGets").path("value").has("percentage")).isFalse();
        assertThat(discount.path("minimumRequirement").path("subtotal").path("greaterThanOrEqualToSubtotal").asText())
                .isEqualTo("50.00");
    }

    @Test
    void yenAmountsHaveNoDecimals() {
        stub.answers(200, "shopify/discount-created.json");

        provisioner().provision(shop(Platform.SHOPIFY, "JPY", SECRET_REF), coupon(fixedOff(500, 3000), "JPY"));

        JsonNode discount = discountSent(stub.only());
        assertThat(discount.path("customerGets").path("value").path("discountAmount").path("amount").asText())
                .isEqualTo("500");
        assertThat(discount.path("minimumRequirement").path("subtotal").path("greaterThanOrEqualToSubtotal").asText())
                .isEqualTo("3000");
    }

    @Test
    void aDuplicateCodeThatExistsAtTheShopCountsAsProvisioned() {
        stub.answers(200, "shopify/code-taken.json").answers(200, "shopify/code-found.json");

        provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD"));

        List<ContractStub.Received> requests = stub.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).json().path("query").asText()).contains("codeDiscountNodeByCode(code:");
        assertThat(requests.get(1).json().path("variables").path("code").asText()).isEqualTo(CODE);
        assertThat(requests.get(1).header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
    }

    @Test
    void aDuplicateCodeThatCannotBeFoundIsAFailureThatRetryingCannotFix() {
        stub.answers(200, "shopify/code-taken.json").answers(200, "shopify/code-not-found.json");

        ProvisioningException e = catchThrowableOfType(
                () -> provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD")),
                ProvisioningException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(CODE).contains("must be unique");
    }

    @Test
    void otherUserErrorsAreNotRetryableAndSayWhatShopifyRefused() {
        stub.answers(200, "shopify/ends-before-start.json");

        ProvisioningException e = catchThrowableOfType(
                () -> provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD")),
                ProvisioningException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("endsAt").contains("Ends at needs to be after starts_at");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aRefusedAccessTokenIsNotRetryable() {
        stub.answers(401, "shopify/unauthorized.json");

        assertThatThrownBy(() -> provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void rateLimitsAndOutagesAreRetryable() {
        stub.answers(429, "shopify/rate-limited.json").answers(503, "shopify/service-unavailable.json")
                .answers(200, "shopify/throttled.json");

        for (String expected : List.of("HTTP 429", "HTTP 503", "Throttled")) {
            assertThatThrownBy(() -> provisioner().provision(shop, coupon(CouponTerms.percentOff(20), "USD")))
                    .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining(expected);
        }
    }

    @Test
    void aShopThatNeverAnswersTimesOutRetryably() {
        stub.neverAnswers();
        // Built before the clock starts: the JDK HTTP client's first start can take seconds on a loaded machine.
        ShopifyCouponProvisioner provisioner = provisioner(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> provisioner.provision(shop, coupon(CouponTerms.percentOff(20), "USD")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void missingCredentialsNameTheSecretReferenceAndCallNothing() {
        ShopifyCouponProvisioner noSecrets = new ShopifyCouponProvisioner(
                PlatformFixtures.client(stub, Duration.ofSeconds(5), Map.of()));

        assertThatThrownBy(() -> noSecrets.provision(shop, coupon(CouponTerms.percentOff(20), "USD")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining(SECRET_REF);
        assertThatThrownBy(() -> noSecrets.provision(shop(Platform.SHOPIFY, "USD", null),
                coupon(CouponTerms.percentOff(20), "USD")))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("apiSecretRef");
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void theAccessTokenNeverAppearsInAFailure() {
        stub.answers(401, "shopify/unauthorized.json").answers(503, "shopify/service-unavailable.json")
                .answers(200, "shopify/ends-before-start.json").answers(200, "shopify/throttled.json")
                .neverAnswers();
        ShopifyCouponProvisioner provisioner = provisioner(Duration.ofMillis(300));

        for (int i = 0; i < 5; i++) {
            ProvisioningException e = catchThrowableOfType(
                    () -> provisioner.provision(shop, coupon(CouponTerms.percentOff(20), "USD")),
                    ProvisioningException.class);
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void theApplicationContextWiresTheAdapterToTheSecretStoreAndTheConfiguredBaseUrl() {
        String reference = "/loyalty-loop/test/" + TestAws.unique("shops") + "/tea.myshopify.com/coupon-api";
        TestAws.putSecureString(reference, TOKEN);
        stub.answers(200, "shopify/discount-created.json");
        try (ApplicationContext context = TestAws.context("unused-table", "unused-bus", "unused-key",
                Map.of("loyalty.coupons.api-base-url", stub.baseUrl()))) {
            CouponProvisioner fromContext = context.getBeansOfType(CouponProvisioner.class).stream()
                    .filter(p -> p.serves(shop)).findFirst().orElseThrow();

            fromContext.provision(shop(Platform.SHOPIFY, "USD", reference), coupon(CouponTerms.percentOff(20), "USD"));
        }

        assertThat(stub.only().header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
    }
}
