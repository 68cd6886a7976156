package loyaltyloop.deliverability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import loyaltyloop.aws.SesSendingAccounts;
import loyaltyloop.deliverability.MailSetupCheck.Finding;
import loyaltyloop.deliverability.MailSetupCheck.Level;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The mail part of {@code shops check}, against SES's documented {@code GetAccount} answers (recorded in
 * {@code contracts/ses/}, served locally: the moto server has no SES v2 GetAccount).
 */
@UnitTest
class MailSetupCheckTest {

    private static final Shop SHOP = new Shop("demo.myshopify.com", Platform.SHOPIFY, "https://demo.myshopify.com",
            "hello@demo.example", "Demo Shop", "owner@demo.example", "en", "USD", "/x/webhook-secret");

    @Test
    void aSandboxedAccountIsAProblemAndALowQuotaAWarning() throws Exception {
        List<Finding> findings = checkWith("get-account-sandbox.json", SHOP);

        assertThat(findings).filteredOn(f -> f.level() == Level.PROBLEM).extracting(Finding::text)
                .singleElement().asString().contains("sandbox").contains("production access");
        assertThat(findings).filteredOn(f -> f.level() == Level.WARNING).extracting(Finding::text)
                .anySatisfy(t -> assertThat(t).contains("6 of the daily quota of 200 emails left"))
                .anySatisfy(t -> assertThat(t).contains("No postal address"));
    }

    @Test
    void aProductionAccountWithRoomAndAnAddressIsWell() throws Exception {
        Shop withAddress = SHOP.withSettings(SHOP.settings().withPostalAddress("1 Example Street, Springfield"));
        List<Finding> findings = checkWith("get-account-production.json", withAddress);

        assertThat(findings).allSatisfy(f -> assertThat(f.level()).isEqualTo(Level.OK));
        assertThat(findings).extracting(Finding::text)
                .anySatisfy(t -> assertThat(t).contains("48,760 of the daily quota of 50,000 emails left")
                        .contains("up to 14 a second"));
    }

    @Test
    void aPausedOrShutDownAccountIsAProblem() {
        assertThat(MailSetupCheck.account(new SendingAccount(true, false, "HEALTHY", 50_000, 0, 14)))
                .anySatisfy(f -> assertThat(f.level()).isEqualTo(Level.PROBLEM));
        assertThat(MailSetupCheck.account(new SendingAccount(true, true, "SHUTDOWN", 50_000, 0, 14)))
                .anySatisfy(f -> assertThat(f.level()).isEqualTo(Level.PROBLEM));
        assertThat(MailSetupCheck.account(new SendingAccount(true, true, "PROBATION", 50_000, 0, 14)))
                .anySatisfy(f -> assertThat(f.level()).isEqualTo(Level.WARNING));
    }

    private static List<Finding> checkWith(String recorded, Shop shop) throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/contracts/ses", recorded));
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (SesV2Client ses = SesV2Client.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            List<Finding> findings = new MailSetupCheck(new SesSendingAccounts(ses)).check(shop);
            assertThat(asked.get()).isEqualTo("GET /v2/email/account");
            return findings;
        } finally {
            server.stop(0);
        }
    }
}
