package loyaltyloop.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.json.Json;
import loyaltyloop.secrets.SecretSource;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * Creates each coupon at a Shopify shop as a basic code discount through the Admin GraphQL API
 * ({@code discountCodeBasicCreate}, scope {@code write_discounts}): the coupon's code, a percentage or a fixed
 * amount off the whole order, one use, once per customer, from its creation to its expiry, with the minimum
 * subtotal when the terms have one. The access token is read from the secret named by the shop's
 * {@code coupons.apiSecretRef}.
 *
 * <p>Idempotent: when Shopify says the code is taken, an earlier attempt (a timeout that did succeed, a concurrent
 * one) may have created it, so the code is looked up and counts as provisioned only if it exists.
 */
@Singleton
public class ShopifyCouponProvisioner extends PlatformApiProvisioner {

    /** Pinned, so a Shopify release never changes what we send; Shopify supports a version for a year. */
    static final String API_VERSION = "2025-10";

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

    public ShopifyCouponProvisioner(ShopApiClient api, SecretSource secrets) {
        super(Platform.SHOPIFY, api, secrets);
    }

    @Override
    public void provision(Shop shop, Coupon coupon) {
        String token = ShopApiClient.credentials(shop, secrets);
        ObjectNode variables = Json.MAPPER.createObjectNode();
        variables.set("discount", discount(coupon, currency(shop, coupon)));
        JsonNode created = graphql(shop, token, CREATE, variables, "creating coupon " + coupon.code())
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
        if (taken && exists(shop, token, coupon.code())) {
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

    private boolean exists(Shop shop, String token, String code) {
        ObjectNode variables = Json.MAPPER.createObjectNode().put("code", code);
        JsonNode node = graphql(shop, token, FIND, variables, "looking up coupon " + code).path("codeDiscountNodeByCode");
        return node.hasNonNull("id");
    }

    private static boolean isTakenCode(JsonNode userError) {
        return "TAKEN".equals(userError.path("code").asText())
                || userError.path("message").asText().toLowerCase(Locale.ROOT).contains("must be unique");
    }

    /** Runs one GraphQL operation and returns its {@code data}. */
    private JsonNode graphql(Shop shop, String token, String query, ObjectNode variables, String what) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("query", query);
        body.set("variables", variables);
        ShopApiClient.Answer answer = api.send(HttpRequest.newBuilder(
                        api.uri(shop, "/admin/api/" + API_VERSION + "/graphql.json"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))), what + " at " + shop.domain());
        if (!answer.ok()) {
            throw ShopApiClient.refused(what + " at " + shop.domain(), answer.status());
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new ProvisioningException(what + " at " + shop.domain() + ": the answer was not JSON", true);
        }
        JsonNode errors = response.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            // Shopify answers 200 with a THROTTLED error when the query cost budget is spent; it refills in seconds.
            boolean throttled = false;
            List<String> messages = new ArrayList<>();
            for (JsonNode error : errors) {
                throttled |= "THROTTLED".equals(error.path("extensions").path("code").asText());
                messages.add(error.path("message").asText());
            }
            throw new ProvisioningException(what + " at " + shop.domain() + " failed: " + String.join("; ", messages),
                    throttled);
        }
        return response.path("data");
    }
}
