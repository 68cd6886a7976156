package loyaltyloop.platforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.json.Json;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * Creates each coupon at a Shopify shop as a basic code discount through the Admin GraphQL API
 * ({@code discountCodeBasicCreate}, scope {@code write_discounts}): the coupon's code, a percentage or a fixed
 * amount off the whole order, one use, once per customer, from its creation to its expiry, with the minimum
 * subtotal when the terms have one. The access token comes from {@link ShopApiClient}: granted to the shop's
 * Dev Dashboard app, or the static token named by the shop's {@code coupons.apiSecretRef}.
 *
 * <p>Idempotent: when Shopify says the code is taken, an earlier attempt (a timeout that did succeed, a concurrent
 * one) may have created it, so the code is looked up and counts as provisioned only if it exists.
 */
@Singleton
public class ShopifyCouponProvisioner extends PlatformApiProvisioner {

    static final String CREATE = """
            mutation CreateLoyaltyCoupon($discount: DiscountCodeBasicInput!) {
              discountCodeBasicCreate(basicCodeDiscount: $discount) {
                codeDiscountNode { id }
                userErrors { field code message }
              }
            }""";

    static final String FIND = """
            query FindLoyaltyCoupon($code: String!) {
              codeDiscountNodeByCode(code: $code) { id }
            }""";

    public ShopifyCouponProvisioner(ShopApiClient api) {
        super(Platform.SHOPIFY, api);
    }

    @Override
    public void provision(Shop shop, Coupon coupon) {
        ObjectNode variables = Json.MAPPER.createObjectNode();
        variables.set("discount", discount(coupon, currency(shop, coupon)));
        JsonNode created = graphql(shop, CREATE, variables, "creating coupon " + coupon.code())
                .path("discountCodeBasicCreate");
        List<String> problems = new ArrayList<>();
        boolean taken = false;
        for (JsonNode error : created.path("userErrors")) {
            taken |= isTakenCode(error);
            problems.add(error.path("field").toString() + " " + error.path("message").asText());
        }
        if (problems.isEmpty()) {
            if (created.path("codeDiscountNode").hasNonNull("id")) {
                return;
            }
            throw new ProvisioningException("creating coupon " + coupon.code() + " at " + shop.domain()
                    + ": Shopify answered without the discount", true);
        }
        if (taken && exists(shop, coupon.code())) {
            return; // an earlier attempt created it
        }
        throw new ProvisioningException("Shopify refused coupon " + coupon.code() + " for " + shop.domain() + ": "
                + String.join("; ", problems), false);
    }

    /** The {@code DiscountCodeBasicInput} of a coupon. */
    static ObjectNode discount(Coupon coupon, String currency) {
        CouponTerms terms = coupon.terms();
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("title", "loyalty-loop " + coupon.origin().name().toLowerCase(Locale.ROOT) + " coupon for "
                + coupon.reference());
        d.put("code", coupon.code());
        d.put("startsAt", coupon.createdAt().toString());
        d.put("endsAt", coupon.expiresAt().toString());
        // Every buyer may use it (the code itself is the secret). 2025-10 replaced customerSelection with context.
        d.putObject("context").put("all", "ALL");
        ObjectNode gets = d.putObject("customerGets");
        ObjectNode value = gets.putObject("value");
        if (terms.kind() == CouponTerms.Kind.PERCENT) {
            value.put("percentage", BigDecimal.valueOf(terms.value(), 2)); // Shopify takes 0.2 for 20%
        } else {
            ObjectNode amount = value.putObject("discountAmount");
            amount.put("amount", Amounts.decimal(terms.value(), currency));
            amount.put("appliesOnEachItem", false);
        }
        gets.putObject("items").put("all", true);
        if (terms.minimumOrderMinor() > 0) {
            d.putObject("minimumRequirement").putObject("subtotal")
                    .put("greaterThanOrEqualToSubtotal", Amounts.decimal(terms.minimumOrderMinor(), currency));
        }
        d.put("usageLimit", 1);
        d.put("appliesOncePerCustomer", true);
        return d;
    }

    private boolean exists(Shop shop, String code) {
        ObjectNode variables = Json.MAPPER.createObjectNode().put("code", code);
        JsonNode node = graphql(shop, FIND, variables, "looking up coupon " + code).path("codeDiscountNodeByCode");
        return node.hasNonNull("id");
    }

    private static boolean isTakenCode(JsonNode userError) {
        return "TAKEN".equals(userError.path("code").asText())
                || userError.path("message").asText().toLowerCase(Locale.ROOT).contains("must be unique");
    }

    /** Runs one GraphQL operation through the shop's API client; its failures become provisioning failures. */
    private JsonNode graphql(Shop shop, String query, ObjectNode variables, String what) {
        try {
            return api.shopifyGraphql(shop, query, variables, what);
        } catch (ShopApiException e) {
            throw new ProvisioningException(e.getMessage(), e.retryable(), e);
        }
    }
}
