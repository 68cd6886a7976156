package loyaltyloop.referral;

import loyaltyloop.points.Conversion;
import loyaltyloop.orders.Orders;
import loyaltyloop.points.PointsRules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.LoyaltySettings.ReferralSettings;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Attribution, self-referral folding and the points arithmetic, without AWS. */
@UnitTest
class ReferralRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static Order order(Map<String, String> attributes, String landingSite, List<String> codes) {
        Money total = new Money(1000, "USD");
        return Orders.anOrder().shop("s.myshopify.com").orderId("1").orderName("#1").createdAt(NOW)
                .email("f@example.com").customer("F", "F").locale("en").currency("USD").total(total)
                .discountCodes(codes).attributes(attributes).landingSite(landingSite)
                .marketingConsent(MarketingConsent.GRANTED).build();
    }

    @Test
    void candidatesAreTheAttributeThenTheLandingSiteRefThenDiscountCodesNormalisedAndDeduplicated() {
        Order order = order(Map.of("loyalty_ref", " k7qh2mzp "), "/products/mug?utm_source=x&ref=ABCDEFGH#top",
                List.of("WELCOME10", "abcdefgh", "ZZZZ2222"));

        assertThat(Attribution.candidates(order)).containsExactly(
                new Attribution.Candidate("K7QH2MZP", Conversion.Source.ATTRIBUTE),
                new Attribution.Candidate("ABCDEFGH", Conversion.Source.LANDING_SITE),
                new Attribution.Candidate("ZZZZ2222", Conversion.Source.DISCOUNT_CODE));
    }

    @Test
    void landingSitesAbsoluteEncodedOrWithoutRefAndValuesThatCannotBeCodes() {
        assertThat(Attribution.refParameter("https://shop.example/?a=1&ref=K7QH2MZP")).isEqualTo("K7QH2MZP");
        assertThat(Attribution.refParameter("/?REF=K7QH2MZP")).isNull();
        assertThat(Attribution.refParameter("/?ref=k7qh%32mzp")).isEqualTo("k7qh2mzp");
        assertThat(Attribution.refParameter("/?href=K7QH2MZP&preref=1")).isNull();
        assertThat(Attribution.refParameter("/products/mug")).isNull();
        assertThat(Attribution.refParameter(null)).isNull();
        assertThat(Attribution.refParameter("/?ref=%zz")).isEqualTo("%zz");
        // Wrong length, look-alike characters (0, O, 1, I), markup: never a candidate.
        assertThat(Attribution.candidates(order(Map.of("Loyalty_Ref", "K7QH2MZP"), null, List.of()))).isEmpty();
        assertThat(Attribution.candidates(order(Map.of("loyalty_ref", "<script>"), "/?ref=K7QH2MZ0",
                List.of("K7QH2MZPX", "")))).isEmpty();
    }

    @Test
    void selfReferralFoldsCaseSpacesPlusTagsAndGmailDots() {
        assertThat(SelfReferral.sameEmail(" Jane.Doe+promo@GMAIL.com ", "janedoe@googlemail.com")).isTrue();
        assertThat(SelfReferral.sameEmail("jane+x@example.com", "jane@example.com")).isTrue();
        // Dots matter outside Gmail.
        assertThat(SelfReferral.sameEmail("jane.doe@example.com", "janedoe@example.com")).isFalse();
        assertThat(SelfReferral.sameEmail("jane@example.com", "john@example.com")).isFalse();
        assertThat(SelfReferral.sameCustomerId("7001", " 7001")).isTrue();
        assertThat(SelfReferral.sameCustomerId(null, null)).isFalse();
        assertThat(SelfReferral.sameCustomerId("", "")).isFalse();
    }

    @Test
    void creditMultipliesForTenureAndTopStandingAndRoundsDown() {
        ReferralSettings defaults = ReferralSettings.DEFAULTS;
        Instant yearAgo = NOW.minus(Duration.ofDays(365));
        assertThat(PointsRules.credit(defaults, NOW.minus(Duration.ofDays(10)), false, NOW).points()).isEqualTo(500);
        assertThat(PointsRules.credit(defaults, yearAgo, false, NOW).points()).isEqualTo(750);
        assertThat(PointsRules.credit(defaults, yearAgo.plusSeconds(1), false, NOW).points()).isEqualTo(500);
        assertThat(PointsRules.credit(defaults, NOW, true, NOW).points()).isEqualTo(1000);
        assertThat(PointsRules.credit(defaults, yearAgo, true, NOW)).isEqualTo(new PointsRules.Credit(1500, true, true));
        ReferralSettings odd = new ReferralSettings(333, 30, 1.25, 1.1, 60, null);
        assertThat(PointsRules.credit(odd, NOW.minus(Duration.ofDays(31)), true, NOW).points()).isEqualTo(457); // 457.875
    }

    @Test
    void clawbackIsProportionalRoundedDownAndWholeForAFullRefund() {
        assertThat(PointsRules.clawbackTarget(500, 5990, 1995)).isEqualTo(166); // 166.52
        assertThat(PointsRules.clawbackTarget(500, 5990, 5990)).isEqualTo(500);
        assertThat(PointsRules.clawbackTarget(500, 5990, 9999)).isEqualTo(500);
        assertThat(PointsRules.clawbackTarget(500, 0, 1)).isEqualTo(500);
        assertThat(PointsRules.clawbackTarget(500, 5990, 0)).isZero();
        assertThat(PointsRules.clawbackTarget(1_000_000, Long.MAX_VALUE, Long.MAX_VALUE - 1)).isEqualTo(999_999);
    }

    @Test
    void theClawbackWindowCountsFromTheReferredOrder() {
        ReferralSettings defaults = ReferralSettings.DEFAULTS;
        assertThat(PointsRules.withinClawbackWindow(defaults, NOW, NOW.plus(Duration.ofDays(60)))).isTrue();
        assertThat(PointsRules.withinClawbackWindow(defaults, NOW, NOW.plus(Duration.ofDays(60)).plusSeconds(1))).isFalse();
    }
}
