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
}
