package loyaltyloop.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.owner.OwnerDigests.Outcome;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Platform;
import loyaltyloop.shops.Shop;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import loyaltyloop.owner.OwnerDigests;
import loyaltyloop.followup.LoopFixture;

/** The owner's daily "pick three" against the moto server, sent through SES on moto. */
@MotoTest
class OwnerDigestsTest {

    /** 07:00 UTC, when the digest's schedule fires. */
    private static final Instant T0 = Instant.parse("2025-03-03T07:00:00Z");

    private LoopFixture loop;

    @BeforeEach
    void start() {
        loop = LoopFixture.start(T0);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    private List<JsonNode> ownerInbox() {
        return TestAws.sentEmailsTo(loop.shop.ownerEmail());
    }

    @Test
    void aShopWithNothingToSayGetsNoDigest() {
        // Ten tied regulars: nobody is in the top 10%, nobody is due this week, nothing was sent.
        for (int i = 0; i < 10; i++) {
            loop.place(loop.newEmail("regular"), "Reg", 2_000);
        }
        loop.clock.advance(Duration.ofDays(2));

        Map<String, Outcome> outcomes = loop.digests().run();

        assertThat(outcomes).containsEntry(loop.shop.domain(), Outcome.NOTHING_TO_SAY);
        assertThat(ownerInbox()).isEmpty();
    }

    @Test
    void anEmptyShopGetsNoDigest() {
        assertThat(loop.digests().run()).containsExactly(Map.entry(loop.shop.domain(), Outcome.NOTHING_TO_SAY));
        assertThat(ownerInbox()).isEmpty();
    }

    @Test
    void aBigFirstOrderYesterdayAndAVipDueInThreeDaysAreTheOwnersPicks() {
        for (int i = 0; i < 20; i++) {
            loop.place(loop.newEmail("regular"), "Reg", 2_000);
        }
        String vip = loop.newEmail("vip");
        loop.place(vip, "Vera", 50_000);
        assertThat(loop.customer(vip).followUp().dueAt()).isEqualTo(T0.plus(Duration.ofDays(45)));
        // Yesterday afternoon, 41 days on: a new customer's first order is the biggest the shop has seen.
        loop.clock.set(T0.plus(Duration.ofDays(41)).plus(Duration.ofHours(8)));
        String newcomer = loop.newEmail("newcomer");
        Order big = loop.place(newcomer, "Nina", 80_000);
        // This morning at 07:00: Vera's follow-up is due in 3 days.
        loop.clock.set(T0.plus(Duration.ofDays(42)));

        Map<String, Outcome> outcomes = loop.digests().run();

        assertThat(outcomes).containsEntry(loop.shop.domain(), Outcome.SENT);
        List<JsonNode> inbox = ownerInbox();
        assertThat(inbox).hasSize(1);
        assertThat(inbox.get(0).path("subject").asText()).isEqualTo("Today's two: Nina Doe and Vera Doe — Demo Shop");
        EmailMessage digest = loop.sentTo(loop.shop.ownerEmail()).get(0);
        assertThat(digest.kind()).isEqualTo(EmailKind.OWNER_DIGEST);
        assertThat(digest.kind().wireName()).isEqualTo("owner-digest");
        assertThat(digest.fromAddress()).isEqualTo(loop.shop.senderAddress());
        // The big first order first, with the order; then the VIP, with when their follow-up is due.
        String text = digest.text();
        assertThat(text).contains(newcomer).contains(vip).contains(big.orderName()).contains("$800.00");
        assertThat(text.indexOf(newcomer)).isLessThan(text.indexOf(vip));
        assertThat(text).contains("in 3 days");
        assertThat(digest.html()).contains("mailto:" + newcomer);
    }

    @Test
    void theDigestShowsTheLoopsHealth() {
        for (int i = 0; i < 9; i++) {
            loop.place(loop.newEmail("regular"), "Reg", 2_000);
        }
        loop.place(loop.order(loop.newEmail("denied"), "Dan", 2_000, loyaltyloop.orders.MarketingConsent.DENIED));
        String vip = loop.newEmail("vip");
        loop.place(vip, "Vera", 50_000);
        loop.clock.advance(Duration.ofDays(45));
        loop.sweep().run(() -> true);
        // The next morning: Vera had her follow-up yesterday; nine regulars were checked and moved to 90 days.
        loop.clock.advance(Duration.ofDays(1));

        OwnerDigestsView view = new OwnerDigestsView(loop);

        assertThat(view.health().customers()).isEqualTo(11);
        assertThat(view.health().unreachable()).isEqualTo(1);
        assertThat(view.health().followUpsSentThisWeek()).isEqualTo(1);
        assertThat(view.health().dueThisWeek()).isZero();
        assertThat(loop.digests().run()).containsEntry(loop.shop.domain(), Outcome.SENT);
    }

    @Test
    void aSecondRunOnTheSameDaySendsNoSecondDigest() {
        for (int i = 0; i < 20; i++) {
            loop.place(loop.newEmail("regular"), "Reg", 2_000);
        }
        loop.place(loop.newEmail("vip"), "Vera", 50_000);
        loop.clock.advance(Duration.ofDays(40));
        OwnerDigests digests = loop.digests();

        assertThat(digests.run()).containsEntry(loop.shop.domain(), Outcome.SENT);
        loop.clock.advance(Duration.ofHours(5));
        assertThat(digests.run()).containsEntry(loop.shop.domain(), Outcome.ALREADY_SENT);
        assertThat(loop.digests().run()).containsEntry(loop.shop.domain(), Outcome.ALREADY_SENT);

        assertThat(ownerInbox()).hasSize(1);
        loop.clock.advance(Duration.ofDays(1));
        assertThat(digests.run()).containsEntry(loop.shop.domain(), Outcome.SENT);
        assertThat(ownerInbox()).hasSize(2);
    }

    @Test
    void aShopWithoutAnOwnerAddressGetsNoDigestAndTheShopsAfterItStillGetTheirs() {
        Shop withOwner = loop.shop;
        // Registration allows a shop without an owner address; it sorts first in the shop registry.
        Shop ownerless = new Shop("aaa-" + TestAws.unique("ownerless") + ".example", Platform.WOOCOMMERCE,
                "https://ownerless.example", withOwner.senderAddress(), "Ownerless", null, "en", "USD",
                withOwner.webhookSecretRef());
        loop.saveShop(ownerless);
        loop.place(loop.newEmail("vip"), "Olga", 50_000);
        loop.saveShop(withOwner);
        loop.place(loop.newEmail("vip"), "Vera", 50_000);
        // Both shops have a VIP due within the week.
        loop.clock.advance(Duration.ofDays(40));

        Map<String, Outcome> outcomes = loop.digests().run();

        assertThat(outcomes).containsEntry(ownerless.domain(), Outcome.NO_OWNER_ADDRESS)
                .containsEntry(withOwner.domain(), Outcome.SENT);
        assertThat(ownerInbox()).hasSize(1);
    }

    /** The digest as it would be built now (package-private {@link OwnerDigests#build}). */
    private record OwnerDigestsView(loyaltyloop.owner.OwnerDigestView view) {
        OwnerDigestsView(LoopFixture loop) {
            this(loop.digests().build(loop.shop, loop.clock.instant(),
                    java.time.LocalDate.ofInstant(loop.clock.instant(), java.time.ZoneOffset.UTC)));
        }

        loyaltyloop.owner.OwnerDigestView.Health health() {
            return view.health();
        }
    }
}
