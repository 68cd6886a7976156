package loyaltyloop.referral;

import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsLedger;
import loyaltyloop.points.PointsOutcome;
import loyaltyloop.points.PointsOutcome.CouponPreparing;
import loyaltyloop.points.PointsOutcome.LinkRefused;
import loyaltyloop.points.PointsOutcome.NotEnoughPoints;
import loyaltyloop.points.PointsOutcome.Redeemed;
import loyaltyloop.points.PointsOutcome.Statement;
import loyaltyloop.points.PointsOutcome.UnknownReward;
import loyaltyloop.points.PointsPages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.dynamodb.DemoCheckoutProvisioner;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkToken;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.Concurrently;
import loyaltyloop.testing.MotoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement and redemption behind a points link, on the moto server; their pages are PointsResponsesTest's. */
@MotoTest
class PointsPagesTest {

    private ReferralFixture f;
    private PointsPages pages;
    private Customer rita;
    private String token;

    @BeforeEach
    void setUp() {
        f = ReferralFixture.start();
        pages = f.pages();
        rita = f.referrer(f.newEmail("rita"), null, 10_000);
        token = f.pointsToken(rita);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void earn(int referrals) {
        ReferralCredits credits = f.credits();
        for (int i = 0; i < referrals; i++) {
            Order friends = f.friendOrder(f.newEmail("friend"), "Fay", rita.referralCode(), 1000);
            assertThat(credits.onOrderPlaced(new OrderPlaced(friends, 1, ReferralFixture.BASE_URL)))
                    .isEqualTo(ReferralCredits.Outcome.CREDITED);
        }
        f.bus.drain();
    }

    private PointsOutcome redeem(String points, String redemptionId) {
        return pages.redeem(token, points, redemptionId);
    }

    /** The redemption id a statement page puts in its forms, as the customer's browser would send it back. */
    private String formId() {
        return ((Statement) pages.statement(token)).redemptionId();
    }

    private List<Coupon> couponsOf(List<LedgerEntry> entries) {
        return entries.stream().filter(e -> e.reason() == LedgerEntry.Reason.REDEEM)
                .map(e -> f.coupons().find(f.shop.domain(), e.couponCode()).orElseThrow()).toList();
    }

    @Test
    void theStatementHasTheBalanceTheLedgerAndAFreshRedemptionIdForItsForms() {
        earn(2);

        PointsOutcome first = pages.statement(token);
        PointsOutcome second = pages.statement(token);

        assertThat(first).isInstanceOfSatisfying(Statement.class, statement -> {
            assertThat(statement.shop()).isEqualTo(f.shop);
            assertThat(statement.locale()).isEqualTo(EmailLocale.EN);
            assertThat(statement.balance()).isEqualTo(1000);
            assertThat(statement.entries()).hasSize(2).allSatisfy(e -> {
                assertThat(e.reason()).isEqualTo(LedgerEntry.Reason.REFERRAL);
                assertThat(e.points()).isEqualTo(500);
                assertThat(e.friendName()).isEqualTo("Fay");
                assertThat(e.at()).isNotNull();
            });
            assertThat(statement.redemptionId()).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}")
                    .isNotEqualTo(((Statement) second).redemptionId());
        });
    }

    @Test
    void theStatementIsInTheCustomersLanguage() {
        loyaltyloop.orders.Order o = f.order(f.newEmail("mei"), "Mei", null, 1000, Map.of(), List.of(), null);
        f.place(new loyaltyloop.orders.Order(o.shop(), o.platform(), o.orderId(), o.orderName(), o.createdAt(),
                o.email(), o.customerName(), o.firstName(), o.customerId(), "zh-TW", o.currency(), o.total(),
                o.subtotal(), o.lineItems(), o.discountCodes(), o.attributes(), o.landingSite(), o.test(),
                o.marketingConsent()));

        assertThat(pages.statement(f.pointsToken(f.customer(o.email()))))
                .isInstanceOfSatisfying(Statement.class, s -> assertThat(s.locale()).isEqualTo(EmailLocale.ZH_HANT));
    }

    @Test
    void redeemingDebitsTheLedgerAndGivesAWorkingCouponAndTheSameFormAgainGivesTheSameCoupon() {
        earn(3);

        String form = formId();
        PointsOutcome done = redeem("500", form);
        PointsOutcome again = redeem("500", form);

        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.balance()).isEqualTo(1000);
        List<Coupon> coupons = couponsOf(statement.entries());
        assertThat(coupons).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(Coupon.State.ISSUED);
            assertThat(c.origin()).isEqualTo(Coupon.Origin.POINTS);
            assertThat(c.terms().value()).isEqualTo(10);
            for (PointsOutcome shown : List.of(done, again)) {
                assertThat(shown).isInstanceOfSatisfying(Redeemed.class, r -> {
                    assertThat(r.coupon()).isEqualTo(c);
                    assertThat(r.balance()).isEqualTo(1000);
                });
            }
            assertThat(f.context.getBean(DemoCheckoutProvisioner.class).exists(f.shop.domain(), c.code())).isTrue();
        });
        assertThat(f.bus.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("PointsRedeemed", "CouponIssued");
    }

    @Test
    void theSameFormSentSixteenTimesAtOnceShowsOneCouponToEverySubmitAndTakesThePointsOnce() throws Exception {
        earn(3);
        String form = formId();

        List<PointsOutcome> outcomes = Concurrently.run(16, () -> redeem("500", form));
        PointsOutcome later = redeem("500", form);

        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.balance()).isEqualTo(1000);
        Coupon coupon = couponsOf(statement.entries()).get(0);
        assertThat(couponsOf(statement.entries())).hasSize(1);
        assertThat(outcomes).hasSize(16).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Redeemed.class,
                r -> assertThat(r.coupon().code()).isEqualTo(coupon.code())));
        assertThat(later).isInstanceOfSatisfying(Redeemed.class, r -> assertThat(r.coupon().code()).isEqualTo(coupon.code()));
    }

    @Test
    void aRedemptionIdNotSignedForThisCustomerStartsANewRedemption() {
        earn(2);
        String ritasForm = formId();
        String forged = "A".repeat(22) + "." + "B".repeat(22);
        Customer other = f.referrer(f.newEmail("otto"), null, 10_000);
        String ottosForm = ((Statement) pages.statement(f.pointsToken(other))).redemptionId();

        PointsOutcome first = redeem("500", forged);
        PointsOutcome second = redeem("500", ottosForm);

        assertThat(first).isInstanceOf(Redeemed.class);
        assertThat(second).isInstanceOf(Redeemed.class);
        assertThat(((Redeemed) first).coupon().code()).isNotEqualTo(((Redeemed) second).coupon().code());
        assertThat(f.ledger.findEntry(f.shop.domain(), rita.email(), LedgerEntry.Reason.REDEEM, forged)).isEmpty();
        assertThat(f.ledger.findEntry(f.shop.domain(), rita.email(), LedgerEntry.Reason.REDEEM, ottosForm)).isEmpty();
        assertThat(redeem("500", ritasForm)).isEqualTo(new NotEnoughPoints(EmailLocale.EN, 500, 0));
    }

    @Test
    void tenConcurrentRedeemsOnABalanceThatCoversOneNeverOverdraw() throws Exception {
        earn(1);

        List<PointsOutcome> outcomes = Concurrently.run(10, () -> redeem("500", null));

        assertThat(outcomes).filteredOn(Redeemed.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(NotEnoughPoints.class::isInstance).hasSize(9);
        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.balance()).isZero();
        assertThat(couponsOf(statement.entries())).hasSize(1);
    }

    @Test
    void notEnoughPointsOrARewardTheShopDoesNotOfferChangesNothing() {
        earn(1);

        assertThat(redeem("1000", formId()))
                .isEqualTo(new NotEnoughPoints(EmailLocale.EN, 1000, 500));
        for (String points : new String[] {"499", "-500", "abc", "", null, "500%", "5 00", "0500"}) {
            assertThat(redeem(points, "x")).as(points).isEqualTo(new UnknownReward(EmailLocale.EN));
        }
        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(f.ledger.statement(f.shop.domain(), rita.email()).entries()).hasSize(1);
    }

    @Test
    void tamperedExpiredAndUnknownTokensAreRefusedAndChangeNothing() {
        earn(1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String expired = f.links.signer().sign(new LinkToken(LinkPurpose.POINTS, f.shop.domain(),
                rita.referralCode(), Instant.now().minus(Duration.ofDays(1))));
        String unsubscribeToken = f.links.signer().sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, f.shop.domain(),
                rita.referralCode(), Instant.now().plus(Duration.ofDays(1))));
        String unknown = f.links.signer().sign(new LinkToken(LinkPurpose.POINTS, f.shop.domain(), "ZZZZ2222",
                Instant.now().plus(Duration.ofDays(1))));

        assertThat(pages.redeem(tampered, "500", null)).isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN, null));
        assertThat(pages.redeem(unsubscribeToken, "500", null))
                .isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN, null));
        // A link we signed names its shop: the storefront may read why its widget shows nothing.
        assertThat(pages.redeem(expired, "500", null)).isEqualTo(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN, f.shop));
        assertThat(pages.redeem(unknown, "500", null)).isEqualTo(new LinkRefused(LinkProblem.NOT_FOUND, EmailLocale.EN, f.shop));
        for (String bad : new String[] {null, "", "x", "a.b.c", "x".repeat(5000)}) {
            assertThat(pages.statement(bad)).isEqualTo(new LinkRefused(LinkProblem.INVALID, EmailLocale.EN, null));
        }
        assertThat(pages.statement(expired)).isEqualTo(new LinkRefused(LinkProblem.EXPIRED, EmailLocale.EN, f.shop));
        assertThat(f.balance(rita.email())).isEqualTo(500);
    }

    @Test
    void aCouponTheShopCouldNotConfirmIsPreparedAndTheRetryFinishesIt() {
        earn(1);
        CouponProvisioner demo = f.context.getBean(DemoCheckoutProvisioner.class);
        CouponProvisioner down = new CouponProvisioner() {
            @Override
            public boolean serves(Shop shop) {
                return true;
            }

            @Override
            public String newCode(Shop shop, String reference) {
                return demo.newCode(shop, reference);
            }

            @Override
            public void release(Shop shop, String code) {
            }

            @Override
            public void provision(Shop shop, Coupon coupon) {
                throw new ProvisioningException("shop unreachable", false);
            }
        };
        CouponIssuer failing = new CouponIssuer(List.of(down), f.coupons(), f.context.getBean(EventPublisher.class), f.clock,
                new loyaltyloop.testing.RecordingLoopMetrics(), f.context.getBean(loyaltyloop.stats.LoopStats.class));
        PointsPages whileDown = new PointsPages(f.links, f.shops, f.customers, f.ledger, failing, f.coupons(),
                f.context.getBean(EventPublisher.class), f.clock);

        // Says which redemption to send again, and (having no coupon) cannot show a code that does not work yet.
        String form = formId();
        assertThat(whileDown.redeem(token, "500", form)).isEqualTo(new CouponPreparing(EmailLocale.EN, 500, form));
        Coupon pending = couponsOf(f.ledger.statement(f.shop.domain(), rita.email()).entries()).get(0);
        assertThat(pending.state()).isEqualTo(Coupon.State.PENDING);
        assertThat(f.balance(rita.email())).isZero();

        PointsOutcome finished = redeem("500", form);

        assertThat(finished).isInstanceOfSatisfying(Redeemed.class, r -> {
            assertThat(r.coupon().code()).isEqualTo(pending.code());
            assertThat(r.coupon().state()).isEqualTo(Coupon.State.ISSUED);
        });
        assertThat(f.coupons().find(f.shop.domain(), pending.code()).orElseThrow().state()).isEqualTo(Coupon.State.ISSUED);
        assertThat(f.balance(rita.email())).isZero();
    }
}
