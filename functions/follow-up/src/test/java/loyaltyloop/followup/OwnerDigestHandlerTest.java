package loyaltyloop.followup;

import static loyaltyloop.followup.FollowUpEvents.orderPlaced;
import static loyaltyloop.followup.FollowUpEvents.recordOrderAsIntakeDid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The daily digest function with the sample {@code Scheduled Event}, sending through SES on the moto server. */
@MotoTest
class OwnerDigestHandlerTest {

    private ApplicationContext context;
    private OwnerDigestHandler digest;
    private FollowUpSchedulingHandler scheduling;
    private Shop shop;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        digest = new OwnerDigestHandler(context);
        scheduling = new FollowUpSchedulingHandler(context);
        // A shop of its own, so its owner's inbox holds only this test's digests.
        shop = TestShops.register(context, TestAws.unique("digest") + ".myshopify.com", Platform.SHOPIFY,
                "sample-shopify-secret", "USD", "en");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private static Map<String, Object> daily() {
        return FollowUpEvents.read("scheduled-daily.json");
    }

    private List<JsonNode> ownerInbox() {
        return TestAws.sentEmailsTo(shop.ownerEmail());
    }

    @Test
    void aTopCustomerDueThisWeekMakesTheMorningDigestAndItIsSentOnce() {
        String vip = TestAws.unique("vip") + "@example.com";
        Map<String, Object> event = orderPlaced(vip, Instant.now().minus(Duration.ofDays(40)));
        FollowUpEvents.detail(event).put("shop", shop.domain());
        FollowUpEvents.order(event).put("shop", shop.domain());
        recordOrderAsIntakeDid(context, shop, event);
        assertThat(scheduling.handleRequest(event, null)).isEqualTo("SCHEDULED");

        assertThat(digest.handleRequest(daily(), null)).isEqualTo("{" + shop.domain() + "=SENT}");
        assertThat(digest.handleRequest(daily(), null)).isEqualTo("{" + shop.domain() + "=ALREADY_SENT}");

        List<JsonNode> inbox = ownerInbox();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("subject").asText()).isEqualTo("Today's pick: Jane Doe — Demo Shop");
        assertThat(inbox.get(0).path("body").asText()).contains(vip);
    }

    @Test
    void aShopWithNothingToSayGetsNoDigest() {
        assertThat(digest.handleRequest(daily(), null)).isEqualTo("{" + shop.domain() + "=NOTHING_TO_SAY}");
        assertThat(ownerInbox()).isEmpty();
    }
}
