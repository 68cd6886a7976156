package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.Customers;
import loyaltyloop.followup.FollowUpPolicy.Reachability;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.shops.ConsentMode;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import loyaltyloop.customers.FollowUpState;

/** The 90-45 rule as plain functions: due times, the sweep window, the frequency cap, consent. */
@UnitTest
class FollowUpPolicyTest {

    private static final Instant CONTACT = Instant.parse("2025-03-01T10:15:30Z");
    private static final Duration SWEEP = FollowUpSweep.INTERVAL;

    // --- when a customer is due ---

    @Test
    void aRegularCustomerIsDueNinetyDaysAfterTheirLastContact() {
        assertThat(FollowUpPolicy.dueAt(CONTACT, false)).isEqualTo(Instant.parse("2025-05-30T10:15:30Z"));
        assertThat(FollowUpPolicy.limit(false)).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aTopTenPercentCustomerIsDueFortyFiveDaysAfterTheirLastContact() {
        assertThat(FollowUpPolicy.dueAt(CONTACT, true)).isEqualTo(Instant.parse("2025-04-15T10:15:30Z"));
        assertThat(FollowUpPolicy.limit(true)).isEqualTo(Duration.ofDays(45));
    }

    @ParameterizedTest(name = "top={0}")
    @CsvSource({"false", "true"})
    void exactlyAtTheLimitTheCustomerIsDue(boolean top) {
        Instant due = FollowUpPolicy.dueAt(CONTACT, top);

        assertThat(FollowUpPolicy.dueBy(due, due, SWEEP)).isTrue();
    }

    @ParameterizedTest(name = "top={0}")
    @CsvSource({"false", "true"})
    void aSweepSendsWhatFallsDueBeforeItsNextRun(boolean top) {
        Instant due = FollowUpPolicy.dueAt(CONTACT, top);

        // One second before the limit, and up to one sweep interval before it: the next run would be too late.
        assertThat(FollowUpPolicy.dueBy(due, due.minusSeconds(1), SWEEP)).isTrue();
        assertThat(FollowUpPolicy.dueBy(due, due.minus(SWEEP).plusSeconds(1), SWEEP)).isTrue();
        // Exactly one interval before, the next run is still in time (it runs at the limit itself).
        assertThat(FollowUpPolicy.dueBy(due, due.minus(SWEEP), SWEEP)).isFalse();
        assertThat(FollowUpPolicy.dueBy(due, due.minus(SWEEP).minusSeconds(1), SWEEP)).isFalse();
    }

    @Test
    void oneSecondBeforeTheFortyFiveDayLimitARegularCustomerIsNotDue() {
        Instant now = FollowUpPolicy.dueAt(CONTACT, true).minusSeconds(1);

        assertThat(FollowUpPolicy.dueBy(FollowUpPolicy.dueAt(CONTACT, false), now, SWEEP)).isFalse();
        assertThat(FollowUpPolicy.dueBy(FollowUpPolicy.dueAt(CONTACT, true), now, SWEEP)).isTrue();
    }

    @Test
    void withoutASweepWindowOnlyATimeAlreadyPassedIsDue() {
        Instant due = FollowUpPolicy.dueAt(CONTACT, false);

        assertThat(FollowUpPolicy.dueBy(due, due.plusSeconds(1), Duration.ZERO)).isTrue();
        assertThat(FollowUpPolicy.dueBy(due, due, Duration.ZERO)).isFalse();
    }

    @Test
    void aCustomerWithoutADueTimeIsNeverDue() {
        assertThat(FollowUpPolicy.dueBy(null, Instant.MAX.minus(SWEEP), SWEEP)).isFalse();
    }

    // --- the frequency cap ---

    @Test
    void noMarketingEmailYetMeansNothingIsHeldBack() {
        assertThat(FollowUpPolicy.heldBackUntil(null, CONTACT)).isNull();
    }

    @Test
    void aMarketingEmailTwentyThreeHoursFiftyNineMinutesAgoHoldsTheNextOneBackUntilTwentyFourHours() {
        Instant last = CONTACT;
        Instant now = last.plus(Duration.ofHours(23).plusMinutes(59));

        assertThat(FollowUpPolicy.heldBackUntil(last, now)).isEqualTo(last.plus(Duration.ofHours(24)));
    }

    @Test
    void aMarketingEmailTwentyFourHoursAgoHoldsNothingBack() {
        assertThat(FollowUpPolicy.heldBackUntil(CONTACT, CONTACT.plus(Duration.ofHours(24)))).isNull();
        assertThat(FollowUpPolicy.heldBackUntil(CONTACT, CONTACT.plus(Duration.ofDays(30)))).isNull();
    }

    @Test
    void aMarketingEmailJustNowHoldsTheNextOneBackAFullDay() {
        assertThat(FollowUpPolicy.heldBackUntil(CONTACT, CONTACT)).isEqualTo(CONTACT.plus(Duration.ofDays(1)));
    }

    // --- reachability under the shop's consent mode ---

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource({
            "GRANTED, EXPLICIT,    REACHABLE",
            "DENIED,  EXPLICIT,    NO_CONSENT",
            "UNKNOWN, EXPLICIT,    NO_CONSENT",
            "GRANTED, SOFT_OPT_IN, REACHABLE",
            "DENIED,  SOFT_OPT_IN, NO_CONSENT",
            "UNKNOWN, SOFT_OPT_IN, REACHABLE"})
    void consentDecidesUnderTheShopsConsentMode(MarketingConsent consent, ConsentMode mode, Reachability expected) {
        assertThat(FollowUpPolicy.reachability(customer(consent, null, null), mode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"GRANTED, EXPLICIT", "GRANTED, SOFT_OPT_IN", "UNKNOWN, SOFT_OPT_IN", "DENIED, EXPLICIT"})
    void anUnsubscribedCustomerIsUnreachableWhateverTheirConsent(MarketingConsent consent, ConsentMode mode) {
        Customer unsubscribed = customer(consent, CONTACT, null);

        assertThat(FollowUpPolicy.reachability(unsubscribed, mode)).isEqualTo(Reachability.UNSUBSCRIBED);
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"GRANTED, EXPLICIT", "GRANTED, SOFT_OPT_IN", "UNKNOWN, SOFT_OPT_IN"})
    void aCustomerWhoseAddressBouncedIsUnreachableWhateverTheirConsent(MarketingConsent consent, ConsentMode mode) {
        Customer bounced = customer(consent, null, CONTACT);

        assertThat(FollowUpPolicy.reachability(bounced, mode)).isEqualTo(Reachability.BOUNCED);
    }

    @Test
    void theConsentModeDefaultsAreExplicitForShopifyAndSoftOptInForWooCommerce() {
        assertThat(ConsentMode.defaultFor(loyaltyloop.shops.Platform.SHOPIFY)).isEqualTo(ConsentMode.EXPLICIT);
        assertThat(ConsentMode.defaultFor(loyaltyloop.shops.Platform.WOOCOMMERCE)).isEqualTo(ConsentMode.SOFT_OPT_IN);
    }

    private static Customer customer(MarketingConsent consent, Instant unsubscribedAt, Instant bouncedAt) {
        return Customers.aCustomer().shop("demo.myshopify.com").email("jane@example.com").named("Jane", "Jane Doe")
                .firstOrderAt(CONTACT).orderCount(1).netSpend(new Money(5_990, "USD")).locale("en")
                .lastContactAt(CONTACT).marketingConsent(consent).unsubscribedAt(unsubscribedAt)
                .referralCode("K7QH2MZP").countedOrders(Map.of("1", 1))
                .followUp(new FollowUpState(null, 5_990L, null, bouncedAt, null, 0)).version(3).build();
    }
}
