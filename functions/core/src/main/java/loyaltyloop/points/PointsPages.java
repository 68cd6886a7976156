package loyaltyloop.points;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.customers.LinkedCustomers;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.points.PointsOutcome.CouponPreparing;
import loyaltyloop.points.PointsOutcome.LinkRefused;
import loyaltyloop.points.PointsOutcome.NotEnoughPoints;
import loyaltyloop.points.PointsOutcome.Redeemed;
import loyaltyloop.points.PointsOutcome.Statement;
import loyaltyloop.points.PointsOutcome.TryLater;
import loyaltyloop.points.PointsOutcome.UnknownReward;
import loyaltyloop.shops.LoyaltySettings.RedeemTier;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's points behind their points link: the statement (balance and ledger), and exchanging points for a
 * coupon. A bad or expired link changes nothing. A redemption is idempotent per redemption id (the statement hands
 * one out for its forms): redeeming with the same id again shows the same coupon, and finishes one the shop had not
 * confirmed yet.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class PointsPages {

    private static final Logger LOG = LoggerFactory.getLogger(PointsPages.class);
    private static final Pattern REDEMPTION_ID = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
    private static final String REDEMPTION_TAG = "redeem";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PointsLedger ledger;
    private final CouponIssuer issuer;
    private final CouponStore coupons;
    private final EventPublisher events;
    private final Clock clock;
    private final LinkedCustomers linkedCustomers;
    private final Links links;

    public PointsPages(Links links, ShopStore shops, CustomerStore customers, PointsLedger ledger, CouponIssuer issuer,
            CouponStore coupons, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.issuer = issuer;
        this.coupons = coupons;
        this.events = events;
        this.clock = clock;
        this.linkedCustomers = new LinkedCustomers(links, shops, customers);
        this.links = links;
    }

    /** The statement: a {@link Statement}, or why the link cannot be used. */
    public PointsOutcome statement(String token) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return refused(r);
        }
        PointsLedger.Statement statement = ledger.statement(r.shop.domain(), r.customer.email());
        return new Statement(r.shop, r.locale, statement.balance(), statement.entries(),
                newRedemptionId(r.shop.domain(), r.customer.email()));
    }

    /**
     * Points for the reward that costs {@code points}; {@code redemptionId} as the statement's form sent it (a
     * missing or malformed one starts a new redemption). Blanks around either are ignored.
     */
    public PointsOutcome redeem(String token, String points, String redemptionId) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return refused(r);
        }
        String wanted = points == null ? null : points.trim();
        RedeemTier tier = null;
        for (RedeemTier t : r.shop.settings().referrals().tiers()) {
            if (String.valueOf(t.points()).equals(wanted)) {
                tier = t;
            }
        }
        if (tier == null) {
            return new UnknownReward(r.locale);
        }
        String shop = r.shop.domain();
        String email = r.customer.email();
        String sent = redemptionId == null ? null : redemptionId.trim();
        String rid = ours(sent, shop, email) ? sent : newRedemptionId(shop, email);
        Optional<LedgerEntry> done = ledger.findEntry(shop, email, LedgerEntry.Reason.REDEEM, rid);
        if (done.isPresent()) {
            return finish(r, done.get());
        }
        long balance = ledger.balance(shop, email);
        if (balance < tier.points()) {
            return notEnoughPoints(r, rid, tier, balance);
        }
        Coupon draft;
        try {
            draft = issuer.draft(r.shop, email, tier.terms(), Coupon.Origin.POINTS, rid);
        } catch (ProvisioningException e) {
            LOG.warn("points redemption at {} unavailable: {}", shop, e.getMessage());
            return new TryLater(r.locale);
        }
        LedgerEntry entry = new LedgerEntry(LedgerEntry.Reason.REDEEM, rid, -tier.points(), clock.instant(), null, 0,
                draft.code(), null);
        PointsLedger.Redemption outcome;
        try {
            outcome = ledger.redeem(shop, email, entry, draft);
        } catch (RuntimeException e) {
            issuer.discard(r.shop, draft);
            throw e;
        }
        switch (outcome) {
            case NOT_ENOUGH_POINTS:
                issuer.discard(r.shop, draft);
                return notEnoughPoints(r, rid, tier, ledger.balance(shop, email));
            case ALREADY_REDEEMED:
                issuer.discard(r.shop, draft);
                return ledger.findEntry(shop, email, LedgerEntry.Reason.REDEEM, rid)
                        .map(e -> finish(r, e))
                        .orElseThrow(() -> new IllegalStateException("redemption " + rid + " vanished"));
            default:
                events.publish(PointsRedeemed.of(shop, email, entry, balance - tier.points()));
                LOG.info("{} redeemed {} points at {} (redemption {})", CustomerEmails.mask(email), tier.points(), shop,
                        rid);
                return finish(r, entry);
        }
    }

    /**
     * Not enough points, unless this very redemption took them meanwhile: the same form sent several times at once
     * finds the balance already spent by the submit that won, and shows that one's coupon.
     */
    private PointsOutcome notEnoughPoints(Resolved r, String rid, RedeemTier tier, long balance) {
        return ledger.findEntry(r.shop.domain(), r.customer.email(), LedgerEntry.Reason.REDEEM, rid)
                .map(e -> finish(r, e))
                .orElseGet(() -> new NotEnoughPoints(r.locale, tier.points(), balance));
    }

    /** The coupon a redemption bought, made to work at checkout first when it does not yet. */
    private PointsOutcome finish(Resolved r, LedgerEntry entry) {
        String shop = r.shop.domain();
        Coupon coupon = coupons.find(shop, entry.couponCode())
                .orElseThrow(() -> new IllegalStateException("coupon of redemption " + entry.reference() + " missing"));
        try {
            coupon = issuer.complete(r.shop, coupon);
        } catch (ProvisioningException e) {
            return new CouponPreparing(r.locale, -entry.points(), entry.reference());
        }
        return new Redeemed(r.shop, r.locale, coupon, ledger.balance(shop, r.customer.email()));
    }

    private Resolved resolve(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.POINTS);
        return new Resolved(linked.shop(), linked.customer(), linked.locale(), linked.problem());
    }

    private record Resolved(Shop shop, Customer customer, EmailLocale locale, LinkProblem problem) {
    }

    private static LinkRefused refused(Resolved r) {
        return new LinkRefused(r.problem, r.locale, r.shop);
    }

    /**
     * A redemption id for a statement's forms: random, and signed for this customer ({@code random.tag}), so an id
     * that did not come from one of our pages starts a new redemption instead of naming one.
     */
    private String newRedemptionId(String shop, String email) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return random + "." + links.signer().tag(REDEMPTION_TAG, shop, email, random);
    }

    private boolean ours(String sent, String shop, String email) {
        if (sent == null || !REDEMPTION_ID.matcher(sent).matches()) {
            return false;
        }
        int dot = sent.indexOf('.');
        return links.signer().tagMatches(sent.substring(dot + 1), REDEMPTION_TAG, shop, email, sent.substring(0, dot));
    }
}
