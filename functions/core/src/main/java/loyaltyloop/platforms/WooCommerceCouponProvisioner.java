package loyaltyloop.platforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.json.Json;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/**
 * Creates each coupon at a WooCommerce shop through its REST API ({@code POST /wp-json/wc/v3/coupons}, a REST key
 * with write access): the coupon's code, percent or fixed-cart, one use, restricted to the customer's email, not
 * combinable with other coupons, expiring with the coupon, with the minimum order when the terms have one. The key
 * is read from the secret named by the shop's {@code coupons.apiSecretRef} as {@code consumer_key:consumer_secret}
 * and sent as HTTP Basic auth, which WooCommerce accepts over HTTPS.
 *
 * <p>Idempotent: when WooCommerce says the code already exists, an earlier attempt may have created it, so the
 * code is looked up and counts as provisioned only if it is there.
 */
@Singleton
public class WooCommerceCouponProvisioner extends PlatformApiProvisioner {

    static final String COUPONS = "/wp-json/wc/v3/coupons";
    static final String CODE_EXISTS = "woocommerce_rest_coupon_code_already_exists";
    private static final DateTimeFormatter EXPIRY_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public WooCommerceCouponProvisioner(ShopApiClient api) {
        super(Platform.WOOCOMMERCE, api);
    }

    @Override
    public void provision(Shop shop, Coupon coupon) {
        String what = "creating coupon " + coupon.code() + " at " + shop.domain();
        ShopApiClient.Answer answer = call(shop, "POST", COUPONS, Json.write(body(coupon, currency(shop, coupon))), what);
        if (answer.ok()) {
            return;
        }
        String errorCode = errorCode(answer.body());
        if (answer.status() == 400 && CODE_EXISTS.equals(errorCode)) {
            if (exists(shop, coupon.code())) {
                return; // an earlier attempt created it
            }
            throw new ProvisioningException(what + ": WooCommerce says the code exists but it cannot be found",
                    false);
        }
        if (answer.status() == 400) {
            throw new ProvisioningException(what + " was rejected: " + errorCode, false);
        }
        throw refused(what, answer.status());
    }

    /** The coupon as WooCommerce's REST API takes it. */
    static ObjectNode body(Coupon coupon, String currency) {
        CouponTerms terms = coupon.terms();
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.put("code", coupon.code());
        if (terms.kind() == CouponTerms.Kind.PERCENT) {
            b.put("discount_type", "percent");
            b.put("amount", Long.toString(terms.value()));
        } else {
            b.put("discount_type", "fixed_cart");
            b.put("amount", Amounts.decimal(terms.value(), currency));
        }
        b.put("individual_use", true);
        b.put("usage_limit", 1);
        b.put("usage_limit_per_user", 1);
        // WooCommerce reads a _gmt date without an offset as UTC.
        b.put("date_expires_gmt", EXPIRY_FORMAT.format(coupon.expiresAt()));
        if (terms.minimumOrderMinor() > 0) {
            b.put("minimum_amount", Amounts.decimal(terms.minimumOrderMinor(), currency));
        }
        b.putArray("email_restrictions").add(coupon.email());
        b.put("description", "loyalty-loop " + coupon.origin().name().toLowerCase(Locale.ROOT) + " coupon for "
                + coupon.reference());
        return b;
    }

    private boolean exists(Shop shop, String code) {
        String what = "looking up coupon " + code + " at " + shop.domain();
        ShopApiClient.Answer answer = call(shop, "GET",
                COUPONS + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8), null, what);
        if (!answer.ok()) {
            throw refused(what, answer.status());
        }
        try {
            for (JsonNode found : Json.MAPPER.readTree(answer.body())) {
                // WooCommerce stores codes in lower case; its checkout compares them case-insensitively.
                if (code.equalsIgnoreCase(found.path("code").asText())) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            throw new ProvisioningException(what + ": the answer was not JSON", true);
        }
    }

    /** One REST call through the shop's API client; its failures become provisioning failures. */
    private ShopApiClient.Answer call(Shop shop, String method, String pathAndQuery, String body, String what) {
        try {
            return api.wooCommerce(shop, method, pathAndQuery, body, what);
        } catch (ShopApiException e) {
            throw new ProvisioningException(e.getMessage(), e.retryable(), e);
        }
    }

    private static ProvisioningException refused(String what, int status) {
        ShopApiException e = ShopApiClient.refused(what, status);
        return new ProvisioningException(e.getMessage(), e.retryable(), e);
    }

    /** WooCommerce's error code ({@code {"code": "...", "message": ..., "data": {"status": 400}}}), or "unknown". */
    private static String errorCode(String body) {
        try {
            String code = Json.MAPPER.readTree(body).path("code").asText();
            return code.isEmpty() ? "unknown" : code;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "unknown";
        }
    }
}
