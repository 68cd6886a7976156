package loyaltyloop.owner;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import loyaltyloop.links.Links;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.deliverability.MailHealth;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.owner.OwnerDigestView;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import loyaltyloop.followup.DueCustomers;
import loyaltyloop.followup.FollowUpPolicy;
import loyaltyloop.followup.FollowUpScheduler;
import loyaltyloop.followup.SpendHistogram;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.stats.LoopStats;

/**
 * The owner's daily "pick three": the customers most worth a personal touch today — big first orders from
 * yesterday, then top-10% customers whose follow-up is closest — and the loop's health. Sent once a day per shop,
 * and not at all when there is nothing to say.
 */
@Singleton
@Requires(beans = EmailSender.class) // only the functions that send email have an EmailSender; elsewhere this is no bean
public class OwnerDigests {

    static final int PICKS = 3;
    /** The digest notes reconciliation writes: an order only it brought, the shop's API refusing our credentials. */
    public static final String RECOVERED_ORDER = "RECOVERED_ORDER";
    public static final String API_REFUSED = "API_REFUSED";
    private static final Duration WEEK = Duration.ofDays(7);
    /** The VIPs worth a call are looked for among this many customers due this week, the soonest. */
    private static final int VIP_CANDIDATES = 400;
    private static final Logger LOG = LoggerFactory.getLogger(OwnerDigests.class);

    private final ShopStore shops;
    private final CustomerStore customers;
    private final OrderStore orders;
    private final DueCustomers due;
    private final SpendStats spendStats;
    private final LoopStats loopStats;
    private final EmailSender sender;
    private final Clock clock;
    private final OwnerDigestEmail emails;
    private final OwnerInsights insights;
    private final Links links;
    private final String publicBaseUrl;

    public OwnerDigests(ShopStore shops, CustomerStore customers, OrderStore orders, DueCustomers due,
            SpendStats spendStats, LoopStats loopStats, EmailSender sender, Clock clock, OwnerDigestEmail emails,
            OwnerInsights insights, Links links, @Value("${loyalty.public-base-url:}") String publicBaseUrl) {
        this.insights = insights;
        this.links = links;
        this.publicBaseUrl = publicBaseUrl;
        this.shops = shops;
        this.customers = customers;
        this.orders = orders;
        this.due = due;
        this.spendStats = spendStats;
        this.loopStats = loopStats;
        this.sender = sender;
        this.clock = clock;
        this.emails = emails;
    }

    public enum Outcome { SENT, NOTHING_TO_SAY, ALREADY_SENT, NO_OWNER_ADDRESS }

    /** Sends today's digest to every shop's owner; answers what happened per shop. */
    public Map<String, Outcome> run() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Shop shop : shops.allForMail()) {
            outcomes.put(shop.domain(), send(shop));
        }
        return outcomes;
    }

    Outcome send(Shop shop) {
        if (shop.ownerEmail() == null || shop.ownerEmail().isBlank()) {
            // Registration allows a shop without one; failing here would also stop the shops after it.
            return Outcome.NO_OWNER_ADDRESS;
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        OwnerDigestView view = build(shop, now, today);
        OwnerDigestView.Health health = view.health();
        boolean mailTrouble = view.mail() != null && view.mail().bounced() + view.mail().complained() > 0;
        if (view.picks().isEmpty() && health.dueThisWeek() == 0 && health.followUpsSentThisWeek() == 0
                && !view.connection().worthSaying() && !mailTrouble) {
            return Outcome.NOTHING_TO_SAY;
        }
        if (!loopStats.claimDigest(shop.domain(), today)) {
            return Outcome.ALREADY_SENT;
        }
        RenderedEmail email = emails.render(view);
        try {
            sender.send(new EmailMessage(EmailKind.OWNER_DIGEST, shop.senderAddress(), shop.senderName(),
                    shop.ownerEmail(), null, email.subject(), email.text(), email.html(), Map.of(), shop.domain()));
        } catch (RuntimeException e) {
            loopStats.releaseDigest(shop.domain(), today);
            throw e;
        }
        LOG.info("owner digest for {} sent with {} picks", shop.domain(), view.picks().size());
        return Outcome.SENT;
    }

    OwnerDigestView build(Shop shop, Instant now, LocalDate today) {
        SpendHistogram standing = spendStats.histogram(shop.domain());
        List<OwnerDigestView.Pick> picks = new ArrayList<>();
        List<String> picked = new ArrayList<>();

        List<OwnerDigestView.Pick> bigFirstOrders = new ArrayList<>();
        List<OwnerDigestView.Pick> lowRatings = new ArrayList<>();
        int recovered = 0;
        boolean credentialsRefused = false;
        for (LoopStats.DigestNote note : loopStats.notes(shop.domain(), today.minusDays(1))) {
            // Reconciliation's notes (loyaltyloop.history.Reconciliation).
            if (RECOVERED_ORDER.equals(note.kind())) {
                recovered++;
                continue;
            }
            if (API_REFUSED.equals(note.kind())) {
                credentialsRefused = true;
                continue;
            }
            boolean low = LoopStats.DigestNote.LOW_RATING.equals(note.kind());
            if (!low && !FollowUpScheduler.BIG_FIRST_ORDER.equals(note.kind())) {
                continue;
            }
            Optional<Customer> c = customers.find(shop.domain(), note.email());
            Optional<Order> order = orders.findOrderToShow(shop.domain(), note.orderId());
            if (c.isPresent() && order.isPresent()) {
                (low ? lowRatings : bigFirstOrders).add(pick(low ? OwnerDigestView.Reason.LOW_RATING
                        : OwnerDigestView.Reason.BIG_FIRST_ORDER, c.get(), order.get()));
            }
        }
        // An unhappy customer first: a person's reply matters most there.
        for (OwnerDigestView.Pick p : lowRatings) {
            if (picks.size() < PICKS && !picked.contains(p.email())) {
                picks.add(p);
                picked.add(p.email());
            }
        }
        bigFirstOrders.sort(Comparator.comparingLong((OwnerDigestView.Pick p) -> p.orderTotal().minor()).reversed());
        for (OwnerDigestView.Pick p : bigFirstOrders) {
            if (picks.size() < PICKS && !picked.contains(p.email())) {
                picks.add(p);
                picked.add(p.email());
            }
        }

        if (picks.size() < PICKS) {
            List<Customer> vips = new ArrayList<>();
            for (String email : due.dueSoonest(shop.domain(), now.plus(WEEK), VIP_CANDIDATES)) {
                customers.find(shop.domain(), email)
                        .filter(c -> standing.topTenPercent(c.netSpend().minor()))
                        .filter(c -> FollowUpPolicy.reachability(c, shop.consentMode())
                                == FollowUpPolicy.Reachability.REACHABLE)
                        .ifPresent(vips::add);
            }
            vips.sort(Comparator.comparing(c -> c.followUp().dueAt()));
            for (Customer c : vips) {
                if (picks.size() < PICKS && !picked.contains(c.email())) {
                    picks.add(pick(OwnerDigestView.Reason.VIP_DUE_SOON, c, null));
                    picked.add(c.email());
                }
            }
        }

        Map<LoopStats.Count, Long> week = loopStats.totals(shop.domain(), today.minusDays(6), today);
        OwnerDigestView.Health health = new OwnerDigestView.Health(standing.customers(),
                due.count(shop.domain(), now.plus(WEEK)), loopStats.unreachable(shop.domain()),
                week.get(LoopStats.Count.FOLLOW_UPS_SENT), week.get(LoopStats.Count.SURVEYS_ANSWERED),
                week.get(LoopStats.Count.COUPONS_REDEEMED));
        MailHealth mail = new MailHealth(week.get(LoopStats.Count.EMAILS_DELIVERED),
                week.get(LoopStats.Count.EMAILS_BOUNCED), week.get(LoopStats.Count.EMAILS_COMPLAINED));
        return new OwnerDigestView(shop, today, picks, health, ladder(shop),
                new OwnerDigestView.Connection(recovered, credentialsRefused), mail);
    }

    /** The owner page in two lines, with its signed link (none without a public base URL to link to). */
    private OwnerDigestView.Ladder ladder(Shop shop) {
        OwnerInsight insight = insights.of(shop);
        List<Long> stages = new ArrayList<>();
        for (loyaltyloop.ladder.Stage stage : List.of(loyaltyloop.ladder.Stage.FIRST_TIME,
                loyaltyloop.ladder.Stage.REPEAT, loyaltyloop.ladder.Stage.LOYAL, loyaltyloop.ladder.Stage.ADVOCATE,
                loyaltyloop.ladder.Stage.LAPSED)) {
            stages.add(insight.stages().get(stage));
        }
        String url = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : links.ownerUrl(publicBaseUrl, shop.domain());
        return new OwnerDigestView.Ladder(insight.customers(), stages, insight.promiseKeptPercent(), insight.overdue(),
                url);
    }

    private static OwnerDigestView.Pick pick(OwnerDigestView.Reason reason, Customer c, Order order) {
        return new OwnerDigestView.Pick(reason, c.name() != null ? c.name() : c.firstName(), c.email(), c.orderCount(),
                c.netSpend(), c.firstOrderAt(), c.lastContactAt(), c.followUp().dueAt(),
                order == null ? null : order.orderName(), order == null ? null : order.total());
    }
}
