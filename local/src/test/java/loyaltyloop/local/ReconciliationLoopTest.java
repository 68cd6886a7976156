package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import loyaltyloop.admin.ShopRegistration;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reconciliation through the local runner, with the shop's WooCommerce REST API played by a stub on loopback
 * ({@code loyalty.coupons.api-base-url}): an order whose webhook never arrived reaches the loop with exactly one
 * thank-you, its webhook arriving late adds nothing, and the owner's next digest says a webhook is failing; when
 * the shop's API then refuses the key, the digest after says so.
 */
@EndToEndTest
class ReconciliationLoopTest {

    private static final String SECRET = "reconciliation-secret-0123456789abcdef";
    private static final String SHOP = "woo.reconcile.local";
    private static final DateTimeFormatter WOO_GMT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static volatile int status = 200;
    private static volatile String orders = "[]";
    private static HttpServer shopApi;
    private static LocalRunner runner;
    private static RunnerHttp http;

    @BeforeAll
    static void start() throws Exception {
        shopApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shopApi.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (status == 200 ? orders : "{\"code\":\"woocommerce_rest_cannot_view\","
                    + "\"message\":\"Sorry, you cannot list resources.\",\"data\":{\"status\":401}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.getResponseHeaders().set("X-WP-Total", "1");
            exchange.getResponseHeaders().set("X-WP-TotalPages", "1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shopApi.start();
        System.setProperty("loyalty.coupons.api-base-url", "http://127.0.0.1:" + shopApi.getAddress().getPort());
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
        http = new RunnerHttp(runner, SECRET);
        ShopRegistration registration = new ShopRegistration(runner.applicationContext().getBean(SsmClient.class),
                runner.applicationContext().getBean(ShopStore.class), LocalRunner.SHOP_SECRET_PREFIX);
        registration.register(new ShopRegistration.Request("https://" + SHOP, Platform.WOOCOMMERCE,
                "https://" + SHOP, "shop@" + SHOP, "Reconciled Woo", "owner@" + SHOP, "en", "USD", SECRET, null, null,
                LocalRunner.DEMO_SETTINGS, "ck_0123456789abcdef0123:cs_0123456789abcdef0123"));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("loyalty.coupons.api-base-url");
        if (runner != null) {
            runner.close();
        }
        if (shopApi != null) {
            shopApi.stop(0);
        }
    }

    private static String wooOrder(Instant createdAt) {
        return ("{\"id\":4242,\"parent_id\":0,\"number\":\"4242\",\"status\":\"processing\",\"currency\":\"USD\","
                + "\"date_created_gmt\":\"%s\",\"date_modified_gmt\":\"%s\",\"total\":\"64.00\",\"customer_id\":0,"
                + "\"billing\":{\"first_name\":\"Lost\",\"last_name\":\"Hook\",\"email\":\"lost@example.com\"},"
                + "\"meta_data\":[],\"line_items\":[{\"id\":1,\"name\":\"Copper kettle\",\"product_id\":95,"
                + "\"quantity\":1,\"subtotal\":\"64.00\",\"total\":\"64.00\",\"price\":64}],\"coupon_lines\":[],"
                + "\"refunds\":[]}").formatted(WOO_GMT.format(createdAt), WOO_GMT.format(createdAt.plusSeconds(60)));
    }

    private static List<JsonNode> emails(String kind, String to) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            if (email.get("kind").asText().equals(kind) && email.get("to").asText().equals(to)) {
                found.add(email);
            }
        }
        return found;
    }

    @Test
    void anOrderWhoseWebhookNeverCameIsThankedOnceAndTheOwnerHearsOfIt() throws Exception {
        String order = wooOrder(runner.clock().instant().minus(Duration.ofHours(1)));
        orders = "[" + order + "]";

        assertThat(http.post("/_local/schedules/ReconciliationFunction", null, "").statusCode()).isEqualTo(200);
        assertThat(emails("affirmation", "lost@example.com")).hasSize(1);
        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("/wp-json/wc/v3/orders?per_page=100&page=1")
                .contains("&modified_after=").contains("auth=Basic "));

        // Read again by the next run, and its webhook finally arriving: still one thank-you.
        http.post("/_local/schedules/ReconciliationFunction", null, "");
        HttpResponse<String> late = http.post("/webhooks/woocommerce", "application/json", order,
                "X-WC-Webhook-Source", "https://" + SHOP + "/", "X-WC-Webhook-Topic", "order.updated",
                "X-WC-Webhook-Delivery-ID", "late-1", "X-WC-Webhook-Signature", RunnerHttp.sign(order, SECRET));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(emails("affirmation", "lost@example.com")).hasSize(1);

        http.post("/_local/clock", "application/json", "{\"advance\":\"P1D\"}");
        http.post("/_local/schedules/OwnerDigestFunction", null, "");
        List<JsonNode> digests = emails("owner-digest", "owner@" + SHOP);
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).get("text").asText())
                .contains("1 order arrived only through reconciliation: check the webhook.");

        // The shop then refuses the key: the next day's digest says so.
        status = 401;
        http.post("/_local/schedules/ReconciliationFunction", null, "");
        http.post("/_local/clock", "application/json", "{\"advance\":\"P1D\"}");
        http.post("/_local/schedules/OwnerDigestFunction", null, "");
        digests = emails("owner-digest", "owner@" + SHOP);
        assertThat(digests).hasSize(2);
        assertThat(digests.get(1).get("text").asText()).contains("stopped accepting loyalty-loop's credentials")
                .doesNotContain("arrived only through reconciliation");
    }
}
