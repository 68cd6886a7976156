package loyaltyloop.deliverability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.email.EmailKind;
import loyaltyloop.followup.FollowUpPolicy;
import loyaltyloop.json.Json;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.Orders;
import loyaltyloop.shops.Shop;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import loyaltyloop.testing.TestShops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SES's own event shapes ({@code events/ses-*.json}) through the handler, on the moto server. */
@MotoTest
class SesEventsHandlerTest {

    private static final String JANE = "jane.doe@example.com";

    private ApplicationContext context;
    private SesEventsHandler handler;
    private SuppressionList suppressions;
    private LoopStats stats;
    private CustomerAccounts accounts;
    private Shop shop;

    @BeforeEach
    void setUp() {
        context = TestAws.context(TestAws.createTable(), "unused-bus", TestAws.createLinkKey(), Map.of());
        handler = new SesEventsHandler(context);
        suppressions = context.getBean(SuppressionList.class);
        stats = context.getBean(LoopStats.class);
        accounts = context.getBean(CustomerAccounts.class);
        shop = TestShops.shopify(context, "sample-shopify-secret");
        Order order = Orders.anOrder().shop(shop.domain()).orderId("1001").orderName("#1001")
                .createdAt(java.time.Instant.now()).email(JANE).customer("Jane Doe", "Jane")
                .total(new Money(5990, "USD")).marketingConsent(MarketingConsent.GRANTED).build();
        accounts.recordOrder(shop, order);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aPermanentBounceSuppressesTheAddressForEveryEmailAndTakesTheCustomerOffTheLoop() throws Exception {
        assertThat(handler.handleRequest(sample("ses-bounce-permanent.json"), null)).isEqualTo("RECORDED");

        Suppression s = suppressions.find(shop.domain(), JANE);
        assertThat(s.blocks(EmailKind.AFFIRMATION)).isTrue();
        Customer jane = accounts.find(shop.domain(), JANE).orElseThrow();
        assertThat(jane.followUp().bouncedAt()).isEqualTo(java.time.Instant.parse("2026-12-03T10:05:11.402Z"));
        assertThat(FollowUpPolicy.reachability(jane, shop.consentMode())).isEqualTo(FollowUpPolicy.Reachability.BOUNCED);
        assertThat(week().get(LoopStats.Count.EMAILS_BOUNCED)).isEqualTo(1);
    }

    @Test
    void aRepeatedEventIsCountedOnce() throws Exception {
        assertThat(handler.handleRequest(sample("ses-delivery.json"), null)).isEqualTo("RECORDED");
        assertThat(handler.handleRequest(sample("ses-delivery.json"), null)).isEqualTo("REPEATED");
        assertThat(handler.handleRequest(sample("ses-bounce-permanent.json"), null)).isEqualTo("RECORDED");
        assertThat(handler.handleRequest(sample("ses-bounce-permanent.json"), null)).isEqualTo("REPEATED");
        assertThat(week().get(LoopStats.Count.EMAILS_DELIVERED)).isEqualTo(1);
        assertThat(week().get(LoopStats.Count.EMAILS_BOUNCED)).isEqualTo(1);
    }

    @Test
    void aComplaintUnsubscribesFromMarketingAtOnceAndIsNotedForTheDigest() throws Exception {
        assertThat(handler.handleRequest(sample("ses-complaint.json"), null)).isEqualTo("RECORDED");

        Customer jane = accounts.find(shop.domain(), JANE).orElseThrow();
        assertThat(jane.unsubscribed()).isTrue();
        Suppression s = suppressions.find(shop.domain(), JANE);
        assertThat(s.blocks(EmailKind.FOLLOW_UP)).isTrue();
        assertThat(s.blocks(EmailKind.AFFIRMATION)).isFalse();
        assertThat(week().get(LoopStats.Count.EMAILS_COMPLAINED)).isEqualTo(1);
        assertThat(stats.notes(shop.domain(), today())).extracting(LoopStats.DigestNote::kind)
                .containsExactly(LoopStats.DigestNote.COMPLAINT);
    }

    @Test
    void oneTransientBounceStopsNothingButThreeInThirtyDaysStopMarketing() throws Exception {
        Map<String, Object> event = sample("ses-bounce-transient.json");
        handler.handleRequest(event, null);
        assertThat(suppressions.find(shop.domain(), JANE).stopsMarketing()).isFalse();
        assertThat(accounts.find(shop.domain(), JANE).orElseThrow().followUp().bouncedAt()).isNull();

        for (String at : List.of("2026-12-10T08:00:00Z", "2026-12-20T08:00:00Z")) {
            Map<String, Object> later = sample("ses-bounce-transient.json");
            detail(later, "bounce").put("timestamp", at);
            detail(later, "mail").put("messageId", "another-" + at);
            handler.handleRequest(later, null);
        }
        Suppression s = suppressions.find(shop.domain(), JANE);
        assertThat(s.stopsMarketing()).isTrue();
        assertThat(s.blocks(EmailKind.AFFIRMATION)).isFalse();
        assertThat(accounts.find(shop.domain(), JANE).orElseThrow().followUp().bouncedAt()).isNotNull();
        assertThat(week().get(LoopStats.Count.EMAILS_BOUNCED)).isZero(); // SES's rate counts hard bounces only
    }

    @Test
    void anAddressOnSesAccountSuppressionListCountsAsAPermanentBounce() throws Exception {
        assertThat(handler.handleRequest(sample("ses-bounce-suppressed.json"), null)).isEqualTo("RECORDED");
        assertThat(suppressions.find(shop.domain(), "amy.chen@example.com").blocks(EmailKind.COUPON)).isTrue();
    }

    @Test
    void eventsOfEmailsTheLoopDidNotSendChangeNothing() throws Exception {
        Map<String, Object> other = sample("ses-bounce-permanent.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> tags = (Map<String, Object>) detail(other, "mail").get("tags");
        tags.put("shop", List.of("other-shop.myshopify.com"));
        assertThat(handler.handleRequest(other, null)).isEqualTo("NOT_OURS");
        tags.remove("shop");
        assertThat(handler.handleRequest(other, null)).isEqualTo("NOT_OURS");
        assertThat(suppressions.find(shop.domain(), JANE)).isEqualTo(Suppression.NONE);

        Map<String, Object> notSes = sample("ses-bounce-permanent.json");
        notSes.put("source", "loyalty-loop.orders");
        assertThat(handler.handleRequest(notSes, null)).isEqualTo("ignored");
        assertThat(handler.handleRequest(Map.of("source", "aws.ses", "detail", Map.of()), null)).isEqualTo("ignored");
    }

    private Map<LoopStats.Count, Long> week() {
        return stats.totals(shop.domain(), today().minusDays(6), today());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Map<String, Object> event, String field) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("detail")).get(field);
    }

    private static Map<String, Object> sample(String file) throws Exception {
        return Json.MAPPER.readValue(Files.readString(Path.of("../../events", file)),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
