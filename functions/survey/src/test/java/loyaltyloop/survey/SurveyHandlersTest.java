package loyaltyloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.links.Links;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.orders.OrderStatus;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The survey module's three handlers with the sample events of {@code events/}, on the moto server. */
@MotoTest
class SurveyHandlersTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Pattern CODE = Pattern.compile("class=\"code\">([A-Z0-9-]+)<");

    private ApplicationContext context;
    private TestAws.EventTap bus;
    private Shop shop;
    private Order order;
    private String token;

    @BeforeEach
    void setUp() throws IOException {
        bus = TestAws.tapBus();
        context = TestAws.context(TestAws.createTable(), bus.bus(), TestAws.createLinkKey(), Map.of());
        Shop registered = TestShops.shopify(context, "sample-shopify-secret");
        shop = registered.withCouponProvisioning(LoyaltySettings.Provisioning.DEMO);
        context.getBean(ShopStore.class).save(shop);
        // What intake did with the sample order before the survey: stored and counted it.
        Map<String, Object> placed = read("order-placed.json");
        order = OrderJson.fromJson(JSON.valueToTree(((Map<?, ?>) placed.get("detail")).get("order")));
        context.getBean(OrderStore.class).createOrder(new StoredOrder(order, OrderStatus.PLACED, "d-1", order.createdAt()));
        context.getBean(CustomerAccounts.class).recordOrder(shop, order);
        String ref = context.getBean(CustomerAccounts.class).find(shop.domain(), order.email()).orElseThrow()
                .referralCode();
        String url = context.getBean(Links.class).surveyUrl("https://x", shop.domain(), ref, order.orderId(),
                Duration.ofDays(30));
        token = url.substring(url.lastIndexOf('/') + 1);
        TestAws.verifySender(shop.senderAddress());
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private static Map<String, Object> read(String file) throws IOException {
        return JSON.readValue(Files.readString(Path.of("../../events", file)), new TypeReference<>() { });
    }

    private static APIGatewayV2HTTPEvent http(String file, String token) throws IOException {
        String json = Files.readString(Path.of("../../events", file)).replace("REPLACE_WITH_SIGNED_TOKEN", token);
        APIGatewayV2HTTPEvent event = JSON.readValue(json, APIGatewayV2HTTPEvent.class);
        Map<String, String> params = new HashMap<>();
        params.put("token", token);
        event.setPathParameters(params);
        return event;
    }

    private static Map<String, Object> withCode(String file, String code) throws IOException {
        return JSON.readValue(Files.readString(Path.of("../../events", file)).replace("REPLACE_WITH_COUPON_CODE", code),
                new TypeReference<>() { });
    }

    private static String code(APIGatewayV2HTTPResponse page) {
        Matcher m = CODE.matcher(page.getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theSampleGetShowsTheSurveyFormAsASafePage() throws IOException {
        APIGatewayV2HTTPResponse page = new SurveyPageHandler(context).handleRequest(http("survey-get.json", token), null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(page.getHeaders().get("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getBody()).contains("<form method=\"post\"", "name=\"rating\"", "#1001");
    }

    @Test
    void theSamplePostEarnsACouponAndTheWholeFollowThroughRunsFromTheSampleEvents() throws IOException {
        SurveyPageHandler page = new SurveyPageHandler(context);
        APIGatewayV2HTTPResponse thanks = page.handleRequest(http("survey-post.json", token), null);
        assertThat(thanks.getStatusCode()).isEqualTo(200);
        String code = code(thanks);
        assertThat(code(page.handleRequest(http("survey-post.json", token), null))).isEqualTo(code);
        List<JsonNode> events = bus.drain();
        assertThat(events).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("SurveyCompleted", "CouponIssued");

        SurveyFollowThroughHandler followThrough = new SurveyFollowThroughHandler(context);
        assertThat(followThrough.handleRequest(withCode("survey-completed.json", code), null)).isEqualTo("DONE");
        assertThat(followThrough.handleRequest(withCode("survey-completed.json", code), null)).isEqualTo("DONE");
        List<JsonNode> toCustomer = TestAws.sentEmailsTo(order.email());
        assertThat(toCustomer).hasSize(2); // the coupon and the apology, once each
        assertThat(TestAws.sentEmailsTo(shop.ownerEmail()).stream()
                .filter(e -> e.path("subject").asText().contains("2/5"))).hasSize(1);

        CouponRedemptionHandler redemption = new CouponRedemptionHandler(context);
        assertThat(redemption.handleRequest(withCode("order-placed-with-code.json", code), null)).isEqualTo("redeemed 1");
        assertThat(redemption.handleRequest(withCode("order-placed-with-code.json", code), null)).isEqualTo("redeemed 0");
        Coupon redeemed = context.getBean(CouponStore.class).find(shop.domain(), code).orElseThrow();
        assertThat(redeemed.state()).isEqualTo(Coupon.State.REDEEMED);
        assertThat(redeemed.redeemedOrderId()).isEqualTo("820982911946159999");
    }

    @Test
    void aTamperedTokenIsAFriendly400AndAnUnknownMethod405() throws IOException {
        SurveyPageHandler page = new SurveyPageHandler(context);
        APIGatewayV2HTTPResponse bad = page.handleRequest(http("survey-post.json", token + "x"), null);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("<html").doesNotContain("Exception");
        APIGatewayV2HTTPEvent delete = http("survey-get.json", token);
        delete.getRequestContext().getHttp().setMethod("DELETE");
        assertThat(page.handleRequest(delete, null).getStatusCode()).isEqualTo(405);
    }

    @Test
    void eventsThatAreNotForTheseFunctionsAreIgnored() {
        assertThat(new SurveyFollowThroughHandler(context).handleRequest(Map.of("detail", Map.of()), null))
                .isEqualTo("ignored");
        assertThat(new CouponRedemptionHandler(context).handleRequest(Map.of("detail", Map.of("shop", "x")), null))
                .isEqualTo("ignored");
    }
}
