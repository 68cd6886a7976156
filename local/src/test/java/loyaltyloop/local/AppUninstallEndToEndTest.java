package loyaltyloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import loyaltyloop.admin.ShopsCommand;
import loyaltyloop.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop connected as a Dev Dashboard app, through the local runner: its webhooks are signed with the app's client
 * secret; once Shopify says {@code app/uninstalled}, no email of any kind goes out for it (thank-yous, surveys,
 * follow-ups, the owner's digest), while another shop's loop carries on.
 */
@EndToEndTest
class AppUninstallEndToEndTest {

    private static final String SECRET = "e2e-webhook-secret-uninstall-0123456789";
    private static final String APP_SHOP = "tea.myshopify.com";
    private static final String CLIENT_SECRET = "shpss_e2e_clientsecret0123456789abcd";
    private static LocalRunner runner;
    private static RunnerHttp http;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerOptions.defaults().withPort(0).withWebhookSecret(SECRET));
        http = new RunnerHttp(runner, SECRET);
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private static String order(long id, String email) {
        return """
                {"id":%d,"order_number":%d,"name":"#%d","email":"%s","created_at":"2026-11-28T10:15:30-05:00",
                 "currency":"USD","total_price":"30.00","subtotal_price":"30.00","customer_locale":"en","test":false,
                 "buyer_accepts_marketing":true,
                 "customer":{"id":%d,"first_name":"Ada","last_name":"Lee","email":"%s",
                   "email_marketing_consent":{"state":"subscribed","opt_in_level":"single_opt_in"}},
                 "line_items":[{"title":"Sencha","quantity":1,"price":"30.00","product_id":632910392}]}"""
                .formatted(id, id, id, email, id + 7, email);
    }

    /** A delivery to the app's shop, signed with the app's client secret. */
    private static void appDelivery(String topic, String body) throws Exception {
        HttpResponse<String> response = http.post("/webhooks/shopify", "application/json", body,
                "X-Shopify-Topic", topic, "X-Shopify-Shop-Domain", APP_SHOP,
                "X-Shopify-Webhook-Id", UUID.randomUUID().toString(),
                "X-Shopify-Hmac-Sha256", RunnerHttp.sign(body, CLIENT_SECRET));
        assertThat(response.statusCode()).as(topic).isEqualTo(200);
        assertThat(runner.eventBus().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private static List<String> mailFor(String domainOrAddress) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode email : http.outbox()) {
            String to = email.path("to").asText();
            String from = email.path("from").asText();
            if (to.contains(domainOrAddress) || from.contains(domainOrAddress)) {
                kinds.add(email.path("kind").asText() + " to " + to);
            }
        }
        return kinds;
    }

    @Test
    void afterAppUninstalledNoMailOfAnyKindGoesOutForThatShop() throws Exception {
        assertThat(ShopsCommand.run(List.of("add", "--domain", APP_SHOP, "--platform", "shopify",
                "--storefront", "https://tea.example", "--sender-address", "hello@tea.example", "--sender-name", "Tea",
                "--owner-email", "owner@tea.example", "--client-id", "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f",
                "--client-secret", CLIENT_SECRET, "--settings", settingsFile(),
                "--aws-endpoint", runner.awsEndpoint()))).isZero();

        appDelivery("orders/create", order(5001, "ada@tea-customers.example"));
        assertThat(mailFor("ada@tea-customers.example")).containsExactly("affirmation to ada@tea-customers.example");

        appDelivery("app/uninstalled", "{\"id\":548380009,\"name\":\"Tea\",\"domain\":\"tea.example\","
                + "\"myshopify_domain\":\"" + APP_SHOP + "\"}");
        // An order already on its way (a late delivery) is stored, but thanked for by no one.
        appDelivery("orders/paid", order(5002, "bo@tea-customers.example"));
        http.shopify("orders/create", order(6001, "cy@demo-customers.example"));

        for (String advance : List.of("P14D", "P80D")) {
            http.post("/_local/clock", "application/json", "{\"advance\":\"" + advance + "\"}");
            assertThat(http.post("/_local/schedules/FollowUpSweepFunction", null, "").statusCode()).isEqualTo(200);
            assertThat(http.post("/_local/schedules/OwnerDigestFunction", null, "").statusCode()).isEqualTo(200);
        }

        assertThat(mailFor("tea-customers.example")).containsExactly("affirmation to ada@tea-customers.example");
        assertThat(mailFor("tea.example")).containsExactly("affirmation to ada@tea-customers.example");
        // The other shop's loop goes on: its customer is thanked and asked about the order.
        assertThat(mailFor("cy@demo-customers.example")).contains("affirmation to cy@demo-customers.example",
                "survey to cy@demo-customers.example");
        assertThat(runner.applicationContext().getBean(loyaltyloop.orders.OrderStore.class)
                .findOrder(APP_SHOP, "5002")).as("its data stays until shop/redact").isPresent();
    }

    /** Coupons for this shop would go to Shopify's API: not reached here, so the demo checkout stands in. */
    private static String settingsFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("tea-settings", ".json");
        file.toFile().deleteOnExit();
        java.nio.file.Files.writeString(file, "{\"coupons\": {\"provisioning\": \"demo\"}}");
        return file.toString();
    }
}
