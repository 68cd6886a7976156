package loyaltyloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;

/** The shop, coupons and checks the edge's tests share. */
final class EdgeFixtures {

    static final Shop SHOP = new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com",
            "hello@demo.example", "Demo Shop", "owner@demo.example", "en", "USD",
            "/loyalty-loop/test/shops/demo.myshopify.com/webhook-secret");

    private EdgeFixtures() {
    }

    static Coupon coupon(String code, CouponTerms terms, Coupon.Origin origin, Coupon.State state) {
        return new Coupon(SHOP.domain(), code, "rita@example.com", terms, "USD", origin, "ref-1", state,
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"), null, null);
    }

    /** A page with the headers every page carries, in the language asked for, saying nothing technical. */
    static String page(APIGatewayV2HTTPResponse response, int status, String lang) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "img-src data:; form-action 'self'; frame-ancestors 'none'");
        assertThat(response.getBody()).contains("<html lang=\"" + lang + "\">").doesNotContain("Exception", "<script");
        return response.getBody();
    }
}
