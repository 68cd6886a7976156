package loyaltyloop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.dynamodb.DynamoCouponPool;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** {@code shops add} and {@code shops coupons upload} writing to the moto server, in a table and stack of their own. */
@MotoTest
class ShopsCommandEmulatorTest {

    @TempDir
    Path dir;

    private String table;
    private String stack;
    private ApplicationContext context;
    private SsmClient ssm;

    @BeforeEach
    void tableAndStack() {
        table = TestAws.createTable();
        stack = "admin-" + ProcessHandle.current().pid() + "-" + table.substring(table.lastIndexOf('-') + 1);
        context = TestAws.context(table, "unused-bus", "/unused/link-key", Map.of());
        ssm = TestAws.ssm();
    }

    @AfterEach
    void close() {
        context.close();
        ssm.close();
    }

    private List<String> add(String domain, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("add", "--domain", domain, "--platform", "shopify",
                "--storefront", "https://" + domain, "--sender-address", "hello@" + domain, "--sender-name", "Shop",
                "--owner-email", "owner@" + domain, "--webhook-secret", "s3cret-s3cret",
                "--aws-endpoint", TestAws.endpoint(), "--table", table, "--stack", stack));
        args.addAll(List.of(more));
        return args;
    }

    private Optional<String> parameter(String name) {
        try {
            return Optional.of(ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter().value());
        } catch (ParameterNotFoundException missing) {
            return Optional.empty();
        }
    }

    @Test
    void addWithSettingsAndCredentialsThenUploadingAPoolTwiceAddsEachCodeOnce() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.json"),
                "{\"coupons\": {\"provisioning\": \"pool\", \"prefix\": \"TEA\"}}");
        Path codes = Files.writeString(dir.resolve("codes.txt"), "tea-aaa1\nTEA-BBB2\n\nTEA-CCC3\n");

        int added = ShopsCommand.run(add("pool.example", "--settings", settings.toString(),
                "--coupon-api-credentials", "shpat_admin_token"));

        assertThat(added).isZero();
        Shop shop = context.getBean(ShopStore.class).find("pool.example").orElseThrow();
        String reference = shop.settings().coupons().apiSecretRef();
        assertThat(reference).isEqualTo("/loyalty-loop/" + stack + "/shops/pool.example/coupon-api");
        assertThat(parameter(reference)).hasValue("shpat_admin_token");
        assertThat(parameter(shop.webhookSecretRef())).hasValue("s3cret-s3cret");

        List<String> upload = List.of("coupons", "upload", "--domain", "pool.example", "--file", codes.toString(),
                "--aws-endpoint", TestAws.endpoint(), "--table", table);
        assertThat(ShopsCommand.run(upload)).isZero();
        assertThat(ShopsCommand.run(upload)).isZero();

        DynamoCouponPool pool = context.getBean(DynamoCouponPool.class);
        assertThat(pool.countFree("pool.example")).isEqualTo(3);
        assertThat(pool.newCode(shop, "order-1")).isIn("TEA-AAA1", "TEA-BBB2", "TEA-CCC3");
        assertThat(ShopsCommand.run(List.of("coupons", "upload", "--domain", "nobody.example", "--file",
                codes.toString(), "--aws-endpoint", TestAws.endpoint(), "--table", table))).isEqualTo(1);
    }

    @Test
    void thePostalAddressIsStoredAndKeptWhenTheShopIsRegisteredAgainWithoutIt() {
        assertThat(ShopsCommand.run(add("mail.example", "--postal-address", "Tea Co\n1 Example Street\nSpringfield")))
                .isZero();
        assertThat(ShopsCommand.run(add("mail.example"))).isZero();

        Shop shop = context.getBean(ShopStore.class).find("mail.example").orElseThrow();
        assertThat(shop.settings().mail().postalAddress()).isEqualTo("Tea Co, 1 Example Street, Springfield");
    }

    @Test
    void theFirstRegistrationInAStackMakesItsLinkKeyAndLaterOnesNeverReplaceIt() {
        String name = "/loyalty-loop/" + stack + "/link-key";
        assertThat(parameter(name)).isEmpty();

        assertThat(ShopsCommand.run(add("first.example"))).isZero();
        String key = parameter(name).orElseThrow();
        assertThat(ShopsCommand.run(add("second.example"))).isZero();

        assertThat(key).hasSize(64).matches("[A-Za-z0-9]+");
        assertThat(parameter(name)).as("kept").hasValue(key);
    }

    private List<String> addApp(String domain, String clientId, String clientSecret) {
        return List.of("add", "--domain", domain, "--platform", "shopify", "--storefront", "https://" + domain,
                "--sender-address", "hello@" + domain, "--sender-name", "Shop", "--owner-email", "owner@" + domain,
                "--client-id", clientId, "--client-secret", clientSecret,
                "--aws-endpoint", TestAws.endpoint(), "--table", table, "--stack", stack);
    }

    @Test
    void aShopifyAppsClientSecretGoesToSsmAndTheShopKeepsOnlyItsName() {
        int added = ShopsCommand.run(addApp("app.myshopify.com", "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f",
                "shpss_clientsecret0123456789abcdef"));

        assertThat(added).isZero();
        ShopStore shops = context.getBean(ShopStore.class);
        Shop shop = shops.find("app.myshopify.com").orElseThrow();
        String reference = "/loyalty-loop/" + stack + "/shops/app.myshopify.com/client-secret";
        assertThat(shop.connection().isApp()).isTrue();
        assertThat(shop.connection().appClientId()).isEqualTo("3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f");
        assertThat(shop.connection().appClientSecretRef()).isEqualTo(reference);
        assertThat(shop.signingSecretRef()).isEqualTo(reference);
        assertThat(shop.webhookSecretRef()).isNull();
        assertThat(parameter(reference)).hasValue("shpss_clientsecret0123456789abcdef");
        assertThat(parameter("/loyalty-loop/" + stack + "/shops/app.myshopify.com/webhook-secret")).isEmpty();
        assertThat(shop.toString()).doesNotContain("shpss_clientsecret0123456789abcdef");

        // Uninstalled, then installed again and registered again: mail resumes.
        assertThat(shops.markUninstalled("app.myshopify.com", java.time.Instant.parse("2026-12-05T09:30:00Z"))).isTrue();
        assertThat(shops.findForMail("app.myshopify.com")).isEmpty();
        assertThat(ShopsCommand.run(addApp("app.myshopify.com", "3f9c2b1a7e6d5c4b3a2f1e0d9c8b7a6f",
                "shpss_rotatedsecret0123456789abcd"))).isZero();
        assertThat(shops.findForMail("app.myshopify.com")).isPresent();
        assertThat(parameter(reference)).hasValue("shpss_rotatedsecret0123456789abcd");
    }

    @Test
    void checkNamesADisabledWooCommerceWebhookAndExitsNonZero() throws IOException {
        com.sun.net.httpserver.HttpServer woo = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] webhooks = """
                [{"id": 142, "name": "loyalty-loop order created", "status": "active", "topic": "order.created",
                  "delivery_url": "https://abc123.execute-api.us-east-1.amazonaws.com/webhooks/woocommerce"},
                 {"id": 143, "name": "loyalty-loop order updated", "status": "disabled", "topic": "order.updated",
                  "delivery_url": "https://abc123.execute-api.us-east-1.amazonaws.com/webhooks/woocommerce"}]"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        woo.createContext("/wp-json/wc/v3/webhooks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, webhooks.length);
            exchange.getResponseBody().write(webhooks);
            exchange.close();
        });
        woo.start();
        String before = System.getProperty("loyalty.coupons.api-base-url");
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try {
            assertThat(ShopsCommand.run(List.of("add", "--domain", "woo.example", "--platform", "woocommerce",
                    "--storefront", "https://woo.example", "--sender-address", "hello@woo.example", "--sender-name",
                    "Woo", "--owner-email", "owner@woo.example", "--webhook-secret", "s3cret-s3cret",
                    "--coupon-api-credentials", "ck_1:cs_2",
                    "--aws-endpoint", TestAws.endpoint(), "--table", table, "--stack", stack))).isZero();
            // The CLI's context reads system properties: the platform's origin becomes the local stand-in.
            System.setProperty("loyalty.coupons.api-base-url", "http://127.0.0.1:" + woo.getAddress().getPort());
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));

            int exit = ShopsCommand.run(List.of("check", "--domain", "woo.example",
                    "--aws-endpoint", TestAws.endpoint(), "--table", table, "--stack", stack));

            assertThat(exit).isEqualTo(1);
        } finally {
            System.setOut(out);
            if (before == null) {
                System.clearProperty("loyalty.coupons.api-base-url");
            } else {
                System.setProperty("loyalty.coupons.api-base-url", before);
            }
            woo.stop(0);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("PROBLEM  webhook \"loyalty-loop order updated\" (order.updated) is disabled")
                .contains("ok       webhook \"loyalty-loop order created\" (order.created) is active")
                .contains("warning  No postal address")
                .contains("1 thing needs fixing");
    }
}
