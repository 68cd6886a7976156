package loyaltyloop.referral;

import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsLedger;
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
import loyaltyloop.dynamodb.DemoCheckoutProvisioner;
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

/** The statement and redemption behind {@code /p/{token}}, on the moto server. */
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

    private PointsPages.Answer redeem(String form) {
        return pages.redeem(token, form, "/p/" + token + "/redeem");
    }

    private List<Coupon> couponsOf(List<LedgerEntry> entries) {
        return entries.stream().filter(e -> e.reason() == LedgerEntry.Reason.REDEEM)
                .map(e -> f.coupons().find(f.shop.domain(), e.couponCode()).orElseThrow()).toList();
    }

    @Test
    void theStatementShowsBalanceLedgerAndWhatPointsBuyAsHtmlAndAsJson() {
        earn(2);

        PointsPages.Answer html = pages.statement(token, false, null, "/p/" + token);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.html()).contains("1,000 points").contains("Referral: Fay").contains("10% off your next order")
                .contains("action=\"/p/" + token + "/redeem\"").contains("name=\"rid\"");

        PointsPages.Answer json = pages.statement(token, true, "https://evil.example", "/p/" + token);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("balance").asLong()).isEqualTo(1000);
        assertThat(json.json().path("entries")).hasSize(2);
        assertThat(json.json().path("entries").get(0).path("reason").asText()).isEqualTo("referral");
        assertThat(json.json().path("entries").get(0).path("points").asLong()).isEqualTo(500);
        assertThat(Instant.parse(json.json().path("entries").get(0).path("at").asText())).isNotNull();
        assertThat(json.allowOrigin()).isNull();
        assertThat(pages.statement(token, true, f.shop.storefrontUrl(), "/p/x").allowOrigin())
                .isEqualTo(f.shop.storefrontUrl());
    }

    @Test
    void theStatementIsInTheCustomersLanguage() {
        loyaltyloop.orders.Order o = f.order(f.newEmail("mei"), "Mei", null, 1000, Map.of(), List.of(), null);
        f.place(new loyaltyloop.orders.Order(o.shop(), o.platform(), o.orderId(), o.orderName(), o.createdAt(),
                o.email(), o.customerName(), o.firstName(), o.customerId(), "zh-TW", o.currency(), o.total(),
                o.subtotal(), o.lineItems(), o.discountCodes(), o.attributes(), o.landingSite(), o.test(),
                o.marketingConsent()));

        assertThat(pages.statement(f.pointsToken(f.customer(o.email())), false, null, "/p/x").html())
                .contains("lang=\"zh-TW\"").contains("點數").contains("下一筆訂單 10% 折扣");
    }

    @Test
    void redeemingDebitsTheLedgerAndShowsAWorkingCouponAndTheSameFormAgainShowsTheSameCoupon() {
        earn(3);

        PointsPages.Answer done = redeem("points=500&rid=AAAAAAAAAAAAAAAAAAAAAA");
        PointsPages.Answer again = redeem("points=500&rid=AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(done.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.balance()).isEqualTo(1000);
        List<Coupon> coupons = couponsOf(statement.entries());
        assertThat(coupons).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(Coupon.State.ISSUED);
            assertThat(c.origin()).isEqualTo(Coupon.Origin.POINTS);
            assertThat(c.terms().value()).isEqualTo(10);
            assertThat(done.html()).contains(c.code());
            assertThat(again.html()).contains(c.code());
            assertThat(f.context.getBean(DemoCheckoutProvisioner.class).exists(f.shop.domain(), c.code())).isTrue();
        });
        assertThat(f.bus.drain()).extracting(e -> e.path("detail-type").asText())
                .containsExactlyInAnyOrder("PointsRedeemed", "CouponIssued");
    }

    @Test
    void tenConcurrentRedeemsOnABalanceThatCoversOneNeverOverdraw() throws Exception {
        earn(1);

        List<Integer> statuses = Concurrently.run(10, () -> redeem("points=500").status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(9);
        PointsLedger.Statement statement = f.ledger.statement(f.shop.domain(), rita.email());
        assertThat(statement.balance()).isZero();
        assertThat(couponsOf(statement.entries())).hasSize(1);
    }

    @Test
    void notEnoughPointsOrAnUnknownTierIsA400PageThatChangesNothing() {
        earn(1);

        PointsPages.Answer tooMuch = redeem("points=1000&rid=BBBBBBBBBBBBBBBBBBBBBB");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.html()).contains("Not enough points");
        for (String form : new String[] {"points=499", "points=-500", "points=abc", "", "points=500%", "rid=x"}) {
            assertThat(redeem(form).status()).as(form).isEqualTo(400);
        }
        assertThat(f.balance(rita.email())).isEqualTo(500);
        assertThat(f.ledger.statement(f.shop.domain(), rita.email()).entries()).hasSize(1);
    }

    @Test
    void tamperedExpiredAndUnknownTokensGetFriendly4xxAndChangeNothing() {
        earn(1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String expired = f.links.signer().sign(new LinkToken(LinkPurpose.POINTS, f.shop.domain(),
                rita.referralCode(), Instant.now().minus(Duration.ofDays(1))));
        String unsubscribeToken = f.links.signer().sign(new LinkToken(LinkPurpose.UNSUBSCRIBE, f.shop.domain(),
                rita.referralCode(), Instant.now().plus(Duration.ofDays(1))));
        String unknown = f.links.signer().sign(new LinkToken(LinkPurpose.POINTS, f.shop.domain(), "ZZZZ2222",
                Instant.now().plus(Duration.ofDays(1))));

        assertThat(pages.redeem(tampered, "points=500", "/p/x/redeem").status()).isEqualTo(400);
        assertThat(pages.redeem(unsubscribeToken, "points=500", "/p/x/redeem").status()).isEqualTo(400);
        assertThat(pages.redeem(expired, "points=500", "/p/x/redeem").status()).isEqualTo(410);
        assertThat(pages.redeem(unknown, "points=500", "/p/x/redeem").status()).isEqualTo(404);
        for (String bad : new String[] {null, "", "x", "a.b.c", "x".repeat(5000)}) {
            assertThat(pages.statement(bad, false, null, "/p/x").status()).isEqualTo(400);
            PointsPages.Answer json = pages.statement(bad, true, null, "/p/x");
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.json().path("error").asText()).isEqualTo("invalid link");
        }
        assertThat(pages.statement(expired, true, null, "/p/x").status()).isEqualTo(410);
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
        CouponIssuer failing = new CouponIssuer(List.of(down), f.coupons(), f.context.getBean(EventPublisher.class), f.clock);
        PointsPages whileDown = new PointsPages(f.links, f.shops, f.customers, f.ledger, failing, f.coupons(),
                f.context.getBean(EventPublisher.class), f.clock);

        PointsPages.Answer preparing = whileDown.redeem(token, "points=500&rid=CCCCCCCCCCCCCCCCCCCCCC", "/p/t/redeem");
        assertThat(preparing.status()).isEqualTo(202);
        assertThat(preparing.html()).contains("being prepared").contains("CCCCCCCCCCCCCCCCCCCCCC");
        Coupon pending = couponsOf(f.ledger.statement(f.shop.domain(), rita.email()).entries()).get(0);
        assertThat(pending.state()).isEqualTo(Coupon.State.PENDING);
        assertThat(preparing.html()).doesNotContain(pending.code());
        assertThat(f.balance(rita.email())).isZero();

        PointsPages.Answer finished = redeem("points=500&rid=CCCCCCCCCCCCCCCCCCCCCC");

        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.html()).contains(pending.code());
        assertThat(f.coupons().find(f.shop.domain(), pending.code()).orElseThrow().state()).isEqualTo(Coupon.State.ISSUED);
        assertThat(f.balance(rita.email())).isZero();
    }
}
