package loyaltyloop.referral;

import loyaltyloop.customers.CustomerLadder;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsClawedBack;
import loyaltyloop.points.PointsCredited;
import loyaltyloop.points.PointsLedger;
import loyaltyloop.points.PointsRules;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailSender;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.links.Links;
import loyaltyloop.orders.Money;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderCancelled;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.orders.OrderRefunded;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.orders.StoredOrder;
import loyaltyloop.shops.LoyaltySettings.ReferralSettings;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import loyaltyloop.points.Conversion;

/**
 * Credits referrers for converted referrals ({@code OrderPlaced}) and claws points back on refunds and
 * cancellations ({@code OrderRefunded}, {@code OrderCancelled}). Every effect happens once however often and
 * however concurrently an event is delivered: conversions, ledger entries and refunds applied are conditional
 * writes in the same transaction as the balance.
 */
@Singleton
@Requires(beans = {EmailSender.class, EventPublisher.class})
public class ReferralCredits {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralCredits.class);
    private static final int ATTEMPTS = 8;
    static final String CANCEL = "cancel";

    private final ShopStore shops;
    private final CustomerStore customers;
    private final OrderStore orders;
    private final SpendStats spend;
    private final PointsLedger ledger;
    private final EventPublisher events;
    private final EmailSender sender;
    private final Links links;
    private final Clock clock;
    private final PointsEmails emails;
    private final CustomerLadder ladder;
    private final LoopStats loopStats;
    private final LoopMetrics metrics;

    public ReferralCredits(ShopStore shops, CustomerStore customers, OrderStore orders, SpendStats spend,
            PointsLedger ledger, EventPublisher events, EmailSender sender, Links links, Clock clock,
            PointsEmails emails, LoopMetrics metrics, CustomerLadder ladder, LoopStats loopStats) {
        this.metrics = metrics;
        this.ladder = ladder;
        this.loopStats = loopStats;
        this.shops = shops;
        this.customers = customers;
        this.orders = orders;
        this.spend = spend;
        this.ledger = ledger;
        this.events = events;
        this.sender = sender;
        this.links = links;
        this.clock = clock;
        this.emails = emails;
    }

    public enum Outcome {
        CREDITED, ALREADY_CREDITED, NOT_REFERRED, NOT_FIRST_ORDER, UNKNOWN_CODE, SELF_REFERRAL, UNKNOWN_SHOP,
        CLAWED_BACK, ALREADY_CLAWED_BACK, NOT_A_CONVERSION, OUTSIDE_WINDOW, NOTHING_TO_CLAW_BACK
    }

    /** Credits the referrer of a converted first order. */
    public Outcome onOrderPlaced(OrderPlaced placed) {
        Order order = placed.order();
        var candidates = Attribution.candidates(order);
        if (candidates.isEmpty()) {
            return Outcome.NOT_REFERRED;
        }
        if (placed.customerOrderNumber() != 1) {
            return Outcome.NOT_FIRST_ORDER;
        }
        Optional<Shop> shop = shops.findForMail(order.shop());
        if (shop.isEmpty()) {
            return Outcome.UNKNOWN_SHOP;
        }
        Attribution.Candidate match = null;
        Customer referrer = null;
        for (Attribution.Candidate candidate : candidates) {
            Optional<Customer> owner = customers.findEmailByReferralCode(order.shop(), candidate.code())
                    .flatMap(email -> customers.find(order.shop(), email));
            if (owner.isPresent()) {
                match = candidate;
                referrer = owner.get();
                break;
            }
        }
        if (match == null) {
            return Outcome.UNKNOWN_CODE;
        }
        Optional<Conversion> existing = ledger.findConversion(order.shop(), order.orderId());
        if (existing.isPresent()) {
            if (existing.get().notifyPending() && ledger.claimNotifyPending(order.shop(), order.orderId())) {
                sendOwed(shop.get(), existing.get(), placed.linkBaseUrl());
            }
            return Outcome.ALREADY_CREDITED;
        }
        Instant now = clock.instant();
        String selfReferral = selfReferral(order, referrer);
        if (selfReferral != null) {
            ledger.recordRejected(new Conversion(order.shop(), order.orderId(), referrer.email(), match.code(),
                    match.source(), Conversion.Status.REJECTED, selfReferral, 0, order.total().minor(),
                    order.currency(), order.createdAt(), now, 0, 0, null, 0));
            LOG.info("order {} of {} used {}'s own referral code: {}", order.orderId(), order.shop(),
                    CustomerEmails.mask(referrer.email()), selfReferral);
            return Outcome.SELF_REFERRAL;
        }
        ReferralSettings settings = shop.get().settings().referrals();
        boolean top = referrer.netSpend() != null
                && spend.histogram(order.shop()).topTenPercent(referrer.netSpend().minor());
        PointsRules.Credit credit = PointsRules.credit(settings, referrer.firstOrderAt(), top, now);
        Conversion conversion = new Conversion(order.shop(), order.orderId(), referrer.email(), match.code(),
                match.source(), Conversion.Status.CREDITED, null, credit.points(), order.total().minor(),
                order.currency(), order.createdAt(), now, 0, 0, null, 0);
        String friend = firstNameOnly(order.firstName());
        LedgerEntry entry = new LedgerEntry(LedgerEntry.Reason.REFERRAL, order.orderId(), credit.points(), now, friend,
                0, null, note(credit));
        Optional<Long> balance = ledger.credit(conversion, entry);
        if (balance.isEmpty()) {
            return Outcome.ALREADY_CREDITED;
        }
        metrics.pointsCredited(credit.points());
        LOG.info("referral {} credited {} points to {} for order {} of {}", match.code(), credit.points(),
                CustomerEmails.mask(referrer.email()), order.orderId(), order.shop());
        events.publish(PointsCredited.of(order.shop(), referrer.email(), entry, balance.get(), match.code(),
                match.source().wireName()));
        // Counted by the call that credited, so once per conversion; a crash here loses the count, not the points.
        loopStats.add(order.shop(), now.atZone(java.time.ZoneOffset.UTC).toLocalDate(), java.util.Map.of(
                LoopStats.Count.REFERRAL_CONVERSIONS, 1L, LoopStats.Count.LOOP_REVENUE_MINOR,
                order.total().currency().equals(shop.get().currency()) ? order.total().minor() : 0L));
        notify(shop.get(), referrer, entry, balance.get(), placed.linkBaseUrl());
        return Outcome.CREDITED;
    }

    /** Claws back the share of a conversion's points that the refund took off its order. */
    public Outcome onOrderRefunded(OrderRefunded refunded) {
        // Intake names each refund; an event without one falls back to its amount.
        String refundRef = refunded.refundId() != null ? refunded.refundId() : "amount-" + refunded.amount().minor();
        return clawBack(refunded.shop(), refunded.orderId(), refundRef, refunded.amount());
    }

    /** Claws back all of a conversion's points: a cancelled order converted nothing. */
    public Outcome onOrderCancelled(OrderCancelled cancelled) {
        return clawBack(cancelled.shop(), cancelled.orderId(), CANCEL, null);
    }

    /** {@code refund} is null for a cancellation. */
    private Outcome clawBack(String shopDomain, String orderId, String refundRef, Money refund) {
        boolean cancelled = refund == null;
        Optional<Conversion> found = ledger.findConversion(shopDomain, orderId);
        if (found.isEmpty() || found.get().status() != Conversion.Status.CREDITED) {
            return Outcome.NOT_A_CONVERSION;
        }
        Optional<Shop> shop = shops.findForMail(shopDomain);
        if (shop.isEmpty()) {
            return Outcome.UNKNOWN_SHOP;
        }
        long refundMinor = cancelled ? 0 : refund.minor();
        if (!cancelled && (refundMinor <= 0 || !refund.currency().equalsIgnoreCase(found.get().currency()))) {
            return Outcome.NOTHING_TO_CLAW_BACK;
        }
        Instant now = clock.instant();
        if (!PointsRules.withinClawbackWindow(shop.get().settings().referrals(), found.get().orderPlacedAt(), now)) {
            return Outcome.OUTSIDE_WINDOW;
        }
        Conversion conversion = found.get();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (conversion.appliedRefunds().contains(refundRef)) {
                return Outcome.ALREADY_CLAWED_BACK;
            }
            long refunded = cancelled ? conversion.orderTotalMinor() : conversion.refundedMinor() + refundMinor;
            long target = cancelled ? conversion.points()
                    : PointsRules.clawbackTarget(conversion.points(), conversion.orderTotalMinor(), refunded);
            long due = Math.max(0, target - conversion.clawedPoints());
            long balance = ledger.balance(shopDomain, conversion.referrerEmail());
            long taken = Math.min(balance, due);
            LedgerEntry entry = new LedgerEntry(LedgerEntry.Reason.CLAWBACK, orderId + ":" + refundRef, -taken, now,
                    null, due - taken, null, cancelled ? CANCEL : "refund");
            Conversion after = conversion.withClawback(refundRef, refunded,
                    conversion.clawedPoints() + due);
            switch (ledger.clawback(conversion, after, entry, balance)) {
                case APPLIED:
                    if (due == 0) {
                        return Outcome.NOTHING_TO_CLAW_BACK;
                    }
                    published(shopDomain, conversion, entry, balance - taken);
                    return Outcome.CLAWED_BACK;
                case ALREADY_APPLIED:
                    return Outcome.ALREADY_CLAWED_BACK;
                default:
                    Optional<Conversion> again = ledger.findConversion(shopDomain, orderId);
                    if (again.isEmpty()) {
                        return Outcome.NOT_A_CONVERSION;
                    }
                    conversion = again.get();
            }
        }
        throw new IllegalStateException("clawback of order " + orderId + " kept conflicting; the retry will finish it");
    }

    private void published(String shop, Conversion conversion, LedgerEntry entry, long balance) {
        LOG.info("clawed back {} points (short {}) from {} for order {} of {}", -entry.points(), entry.shortfall(),
                CustomerEmails.mask(conversion.referrerEmail()), conversion.orderId(), shop);
        events.publish(PointsClawedBack.of(shop, conversion.referrerEmail(), conversion.orderId(), entry, balance));
    }

    /** Null when the order is not the referrer's own; else why it is. */
    private String selfReferral(Order order, Customer referrer) {
        if (SelfReferral.sameEmail(order.email(), referrer.email())) {
            return SelfReferral.SAME_EMAIL;
        }
        if (order.customerId() == null) {
            return null;
        }
        // The referrer's platform customer id is on their orders: any one of them will do (one read, no write).
        for (String referrerOrderId : referrer.countedOrders().keySet()) {
            Optional<StoredOrder> theirs = orders.findOrder(order.shop(), referrerOrderId);
            if (theirs.isPresent()) {
                return SelfReferral.sameCustomerId(order.customerId(), theirs.get().order().customerId())
                        ? SelfReferral.SAME_CUSTOMER_ID : null;
            }
        }
        return null;
    }

    /**
     * Sends the points email and makes the referrer an advocate on the ladder, with the email's contact in the same
     * write. When SES refuses it, the referrer is made an advocate all the same, the conversion notes the email as
     * owed and the error goes to Lambda, whose retry of the same event sends it (the points are credited once either
     * way).
     */
    private void notify(Shop shop, Customer referrer, LedgerEntry entry, long balance, String baseUrl) {
        try {
            String statementUrl = baseUrl == null || baseUrl.isBlank() ? null
                    : links.pointsUrl(baseUrl, shop.domain(), referrer.referralCode());
            sender.send(emails.creditedEmail(shop, referrer, entry, balance, statementUrl));
        } catch (RuntimeException e) {
            LOG.warn("points email for {} of {} not sent, owed to the retry: {}", CustomerEmails.mask(referrer.email()),
                    shop.domain(), e.toString());
            ledger.markNotifyPending(shop.domain(), entry.reference());
            ladder.markAdvocate(shop, referrer.email());
            throw e;
        }
        // Any email we send is a contact: the referrer's 90-45 clock starts again from it.
        ladder.markAdvocateContacted(shop, referrer.email(), clock.instant());
    }

    /** The points email a failed send left owed, with the balance as it is now. */
    private void sendOwed(Shop shop, Conversion conversion, String baseUrl) {
        Optional<Customer> referrer = customers.find(shop.domain(), conversion.referrerEmail());
        Optional<LedgerEntry> entry = ledger.findEntry(shop.domain(), conversion.referrerEmail(),
                LedgerEntry.Reason.REFERRAL, conversion.orderId());
        if (referrer.isPresent() && entry.isPresent()) {
            notify(shop, referrer.get(), entry.get(), ledger.balance(shop.domain(), conversion.referrerEmail()), baseUrl);
        }
    }

    private static String note(PointsRules.Credit credit) {
        if (credit.tenure() && credit.top()) {
            return "tenure+top";
        }
        return credit.tenure() ? "tenure" : credit.top() ? "top" : null;
    }

    /** The friend's first name only: the first word of what the platform calls the first name. */
    static String firstNameOnly(String firstName) {
        if (firstName == null || firstName.isBlank()) {
            return null;
        }
        String trimmed = firstName.strip();
        int space = trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        return first.length() > 60 ? first.substring(0, 60) : first;
    }
}
