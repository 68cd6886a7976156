package loyaltyloop.affirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The affirmation handler with the sample {@code OrderPlaced} event, sending through SES on the moto server. */
@MotoTest
class AffirmationHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationContext context;
    private AffirmationHandler handler;
    private Shop shop;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        handler = new AffirmationHandler(context);
        shop = TestShops.shopify(context, "sample-shopify-secret");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void firstOrderGetsOneWelcomeEmailWithReferralAndUnsubscribeLinks() throws Exception {
        String email = TestAws.unique("jane") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);

        assertThat(handler.handleRequest(event, null)).isEqualTo("SENT");

        List<JsonNode> sent = TestAws.sentEmailsTo(email);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("subject").asText()).contains("Jane").contains("#1001");
        assertThat(sent.get(0).path("source").asText()).contains(shop.senderAddress());
        Customer customer = context.getBean(CustomerAccounts.class).find(shop.domain(), email).orElseThrow();
        String body = sent.get(0).path("body").asText();
        assertThat(body).contains("http://localhost:3000/r/" + customer.referralCode());
        assertThat(body).contains("http://localhost:3000/u/");
        assertThat(customer.lastContactAt()).isNotNull();
    }

    @Test
    void anUnsubscribedCustomersThankYouIsPurelyTransactional() throws Exception {
        String email = TestAws.unique("quiet") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);
        CustomerAccounts accounts = context.getBean(CustomerAccounts.class);
        accounts.unsubscribe(shop.domain(), email);

        assertThat(handler.handleRequest(event, null)).isEqualTo("SENT");

        List<JsonNode> sent = TestAws.sentEmailsTo(email);
        assertThat(sent).hasSize(1);
        String body = sent.get(0).path("body").asText();
        Customer customer = accounts.find(shop.domain(), email).orElseThrow();
        assertThat(body).contains("#1001").doesNotContain("/r/" + customer.referralCode()).doesNotContain("/u/");
    }

    @Test
    void nothingGoesToAnAddressThatBouncedForGood() throws Exception {
        String email = TestAws.unique("gone") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);
        loyaltyloop.deliverability.SuppressionList suppressions =
                context.getBean(loyaltyloop.deliverability.SuppressionList.class);
        suppressions.saveIfUnchanged(shop.domain(), email,
                loyaltyloop.deliverability.Suppression.NONE.withPermanentBounce(java.time.Instant.now()));

        handler.handleRequest(event, null);

        assertThat(TestAws.sentEmailsTo(email)).isEmpty();
    }

    @Test
    void repeatedOrderPlacedSendsNoSecondEmail() throws Exception {
        String email = TestAws.unique("twice") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);

        handler.handleRequest(event, null);
        assertThat(handler.handleRequest(event, null)).isEqualTo("ALREADY_SENT");

        assertThat(TestAws.sentEmailsTo(email)).hasSize(1);
    }

    @Test
    void eightConcurrentDeliveriesSendOneEmail() throws Exception {
        String email = TestAws.unique("concurrent") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> handler.handleRequest(event, null));
            }
            List<String> outcomes = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce("SENT");
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestAws.sentEmailsTo(email)).hasSize(1);
    }

    @Test
    void refusedSendGivesTheClaimBackSoTheRetrySends() throws Exception {
        String email = TestAws.unique("retry") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        recordOrderAsIntakeDid(event);
        Shop unverified = new Shop(shop.domain(), shop.platform(), shop.storefrontUrl(),
                TestAws.unique("unverified") + "@nowhere.example", shop.senderName(), shop.ownerEmail(),
                shop.defaultLocale(), shop.currency(), shop.webhookSecretRef());
        context.getBean(ShopStore.class).save(unverified);

        assertThatThrownBy(() -> handler.handleRequest(event, null)).isInstanceOf(RuntimeException.class);
        assertThat(TestAws.sentEmailsTo(email)).isEmpty();

        context.getBean(ShopStore.class).save(shop);
        assertThat(handler.handleRequest(event, null)).isEqualTo("SENT");
        assertThat(TestAws.sentEmailsTo(email)).hasSize(1);
    }

    @Test
    void eventForAnUnknownShopSendsNothing() throws Exception {
        String email = TestAws.unique("nobody") + "@example.com";
        Map<String, Object> event = orderPlaced(email);
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) ((Map<String, Object>) event.get("detail")).get("order");
        order.put("shop", "unknown.myshopify.com");

        assertThat(handler.handleRequest(event, null)).isEqualTo("UNKNOWN_SHOP");
        assertThat(TestAws.sentEmailsTo(email)).isEmpty();
    }

    @Test
    void otherEventTypesAreIgnored() {
        assertThat(handler.handleRequest(Map.of("detail-type", "OrderRefunded", "detail", Map.of()), null))
                .isEqualTo("ignored");
    }

    /** The sample event of {@code events/order-placed.json}, for another customer address. */
    private static Map<String, Object> orderPlaced(String email) throws Exception {
        Map<String, Object> event = JSON.readValue(Files.readString(Path.of("../../events/order-placed.json")),
                new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) ((Map<String, Object>) event.get("detail")).get("order");
        order.put("email", email);
        return event;
    }

    private void recordOrderAsIntakeDid(Map<String, Object> event) {
        Order order = OrderJson.fromJson(JSON.valueToTree(event).path("detail").path("order"));
        context.getBean(CustomerAccounts.class).recordOrder(shop, order);
    }
}
