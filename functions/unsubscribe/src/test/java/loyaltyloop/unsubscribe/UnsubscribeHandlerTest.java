package loyaltyloop.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkToken;
import loyaltyloop.links.Links;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /u/{token}} with the sample events of {@code events/}, on the moto server. */
@MotoTest
class UnsubscribeHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApplicationContext context;
    private UnsubscribeHandler handler;
    private Shop shop;
    private Customer customer;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        handler = new UnsubscribeHandler(context);
        shop = TestShops.shopify(context, "sample-shopify-secret");
        Order order = Orders.anOrder().shop(shop.domain()).orderId("1").orderName("#1").createdAt(Instant.now())
                .email("jane@example.com").customer("Jane <script>alert(1)</script>", "Jane").locale("zh-TW")
                .total(new Money(1000, "USD")).marketingConsent(MarketingConsent.GRANTED).build();
        CustomerAccounts accounts = context.getBean(CustomerAccounts.class);
        accounts.recordOrder(shop, order);
        customer = accounts.find(shop.domain(), "jane@example.com").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void pageAsksToConfirmInTheCustomersLanguageAndChangesNothing() throws Exception {
        APIGatewayV2HTTPResponse page = handler.handleRequest(event("unsubscribe-get.json", validToken()), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(page.getBody()).contains("<form").contains("method=\"post\"").contains("lang=\"zh-TW\"");
        assertThat(current().unsubscribed()).isFalse();
    }

    @Test
    void oneClickPostUnsubscribesOnceAndAgainIsHarmless() throws Exception {
        APIGatewayV2HTTPResponse done = handler.handleRequest(event("unsubscribe-post.json", validToken()), null);
        Instant first = current().unsubscribedAt();
        APIGatewayV2HTTPResponse again = handler.handleRequest(event("unsubscribe-post.json", validToken()), null);

        assertThat(done.getStatusCode()).isEqualTo(200);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(first).isNotNull();
        assertThat(current().unsubscribedAt()).isEqualTo(first);
    }

    @Test
    void tamperedTokenGetsAFriendlyPageAndChangesNothing() throws Exception {
        String token = validToken();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("unsubscribe-post.json", tampered), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("<html").doesNotContain("Exception");
        assertThat(current().unsubscribed()).isFalse();
    }

    @Test
    void garbageAndMissingTokensAreFriendly4xx() throws Exception {
        for (String token : new String[] {"", "not-a-token", "a.b.c", "%00", "x".repeat(5000)}) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event("unsubscribe-post.json", token), null);
            assertThat(response.getStatusCode()).as(token).isBetween(400, 499);
        }
        assertThat(current().unsubscribed()).isFalse();
    }

    @Test
    void expiredTokenIsGoneAndChangesNothing() throws Exception {
        String expired = context.getBean(Links.class).signer().sign(new LinkToken(LinkPurpose.UNSUBSCRIBE,
                shop.domain(), customer.referralCode(), Instant.now().minus(Duration.ofDays(1))));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event("unsubscribe-post.json", expired), null);

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(current().unsubscribed()).isFalse();
    }

    @Test
    void validSignatureForAnUnknownCustomerIsNotFound() throws Exception {
        String unknown = context.getBean(Links.class).signer().sign(new LinkToken(LinkPurpose.UNSUBSCRIBE,
                shop.domain(), "ZZZZZZZZ", Instant.now().plus(Duration.ofDays(1))));

        assertThat(handler.handleRequest(event("unsubscribe-post.json", unknown), null).getStatusCode()).isEqualTo(404);
    }

    private String validToken() {
        String url = context.getBean(Links.class).unsubscribeUrl("https://x.example", shop.domain(), customer.referralCode());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private Customer current() {
        return context.getBean(CustomerAccounts.class).find(shop.domain(), "jane@example.com").orElseThrow();
    }

    private static APIGatewayV2HTTPEvent event(String file, String token) throws Exception {
        String json = Files.readString(Path.of("../../events", file)).replace("REPLACE_WITH_SIGNED_TOKEN", token);
        APIGatewayV2HTTPEvent event = JSON.readValue(json, APIGatewayV2HTTPEvent.class);
        Map<String, String> params = new HashMap<>();
        params.put("token", token);
        event.setPathParameters(params);
        return event;
    }
}
