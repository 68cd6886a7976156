package loyaltyloop.followup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.followup.FollowUpView;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.email.SendingDeferred;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.links.Links;
import loyaltyloop.orders.LineItem;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.stats.LoopStats;

/**
 * The scheduled sweep that sends due 90-45 follow-ups.
 *
 * <p>It reads only the due index, page by page, so its cost follows what is due, not the size of the customer
 * base; it stops at a batch limit or when time runs short and the next run carries on (what it did not reach stays
 * due). For each customer it re-reads the customer, re-checks standing, consent and the frequency cap, and claims
 * the follow-up with a write conditional on the version it read: a repeated or concurrent sweep, or a new order in
 * between, makes the claim fail and nothing is sent twice. As with every email, the process dying after the claim
 * and before SES answers loses that one email rather than risking two.
 *
 * <p>In a function the hourly run only fans out ({@link FollowUpFanOut}): each part of each shop's due index goes to
 * a worker ({@link #runPart}), which sends at its share of SES's rate ({@link SendPace}) and hands on the rest of
 * its part when its time runs short.
 */
@Singleton
@Requires(beans = EmailSender.class) // only the functions that send email have an EmailSender; elsewhere this is no bean
public class FollowUpSweep {

    public static final Duration INTERVAL = Duration.ofHours(1);
    private static final int PAGE = 100;
    /** A paced page takes at most this long to send, less than the workers' 15 s margin before their timeout. */
    private static final Duration PAGE_TIME = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSweep.class);

    private final ShopStore shops;
    private final CustomerStore customers;
    private final OrderStore orders;
    private final DueCustomers due;
    private final SpendStats spendStats;
    private final LoopStats loopStats;
    private final EmailSender sender;
    private final Links links;
    private final Clock clock;
    private final String publicBaseUrl;
    private final int batchLimit;
    private final FollowUpEmail emails;
    private final SurveyEmails surveyEmails;
    private final SendPace pace;

    public FollowUpSweep(ShopStore shops, CustomerStore customers, OrderStore orders, DueCustomers due,
            SpendStats spendStats, LoopStats loopStats, EmailSender sender, Links links, Clock clock,
            FollowUpEmail emails, SurveyEmails surveyEmails, SendPace pace,
            @Value("${loyalty.public-base-url:}") String publicBaseUrl,
            @Value("${loyalty.follow-up.batch-limit:500}") int batchLimit) {
        this.shops = shops;
        this.customers = customers;
        this.orders = orders;
        this.due = due;
        this.spendStats = spendStats;
        this.loopStats = loopStats;
        this.sender = sender;
        this.links = links;
        this.clock = clock;
        this.emails = emails;
        this.surveyEmails = surveyEmails;
        this.pace = pace;
        this.publicBaseUrl = publicBaseUrl;
        this.batchLimit = batchLimit;
    }

    public enum Visit { SENT, SURVEY_SENT, RESCHEDULED, DEFERRED, UNREACHABLE, SKIPPED, FAILED }

    /** What one run did, per outcome, and whether it stopped before reaching everything due. */
    public record Report(Map<Visit, Integer> visits, boolean incomplete) {
        public int count(Visit visit) {
            return visits.getOrDefault(visit, 0);
        }
    }

    /** What one worker's part of a shop did, and where the rest of the part starts (null when it is done). */
    public record PartReport(Report report, String rest) {
    }

    /**
     * Runs the whole sweep in this process until everything due is handled, the batch limit is reached or
     * {@code timeLeft} says stop (tests, and stacks small enough for one run; the hourly function fans out instead).
     */
    public Report run(BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (Shop shop : shops.allForMail()) {
            if (walk(shop, null, now, tally, timeLeft) != null) {
                return tally.report(true);
            }
        }
        return tally.report(false);
    }

    /**
     * Runs one part of a shop's due index (a cursor of {@link DueCustomers#partWalks}, or a part's rest) until it is
     * done, the batch limit is reached or {@code timeLeft} says stop; the answer says where the rest starts.
     */
    public PartReport runPart(String shopDomain, String walk, BooleanSupplier timeLeft) {
        Tally tally = new Tally();
        Optional<Shop> shop = shops.findForMail(shopDomain);
        if (shop.isEmpty()) {
            // Removed or uninstalled since the fan-out: nothing is sent for it.
            return new PartReport(tally.report(false), null);
        }
        String rest = walk(shop.get(), walk, clock.instant(), tally, timeLeft);
        return new PartReport(tally.report(rest != null), rest);
    }

    /** Visits per outcome over one run. */
    private static final class Tally {
        final Map<Visit, Integer> visits = new LinkedHashMap<>();
        int visited;

        Tally() {
            for (Visit v : Visit.values()) {
                visits.put(v, 0);
            }
        }

        Report report(boolean incomplete) {
            return new Report(visits, incomplete);
        }
    }

    /** Walks the shop's due index from {@code cursor} (null: all of it); answers where it stopped, null when done. */
    private String walk(Shop shop, String start, Instant now, Tally tally, BooleanSupplier timeLeft) {
        SpendHistogram standing = spendStats.histogram(shop.domain());
        int sentHere = 0;
        String cursor = start;
        do {
            if (tally.visited >= batchLimit || !timeLeft.getAsBoolean()) {
                loopStats.addFollowUpsSent(shop.domain(), today(now), sentHere);
                // Where to carry on; a whole-shop walk stopped before its first page has no cursor yet, only "not done".
                return cursor != null ? cursor : start == null ? "" : start;
            }
            DueCustomers.Page page = due.due(shop.domain(), now.plus(INTERVAL), cursor,
                    Math.min(pace.sendsWithin(PAGE_TIME, PAGE), batchLimit - tally.visited));
            for (String email : page.emails()) {
                Visit visit;
                try {
                    visit = visit(shop, standing, email, now);
                } catch (SendingDeferred notNow) {
                    // SES's rate, daily quota or a pause: every further send would be refused too. The claim was
                    // given back; this customer and the rest stay due, and the walk stops where it is.
                    LOG.warn("SES refused for now ({}); the sweep stops and the next run carries on",
                            notNow.getMessage());
                    tally.visits.merge(Visit.FAILED, 1, Integer::sum);
                    loopStats.addFollowUpsSent(shop.domain(), today(now), sentHere);
                    return cursor != null ? cursor : start == null ? "" : start;
                }
                tally.visits.merge(visit, 1, Integer::sum);
                tally.visited++;
                if (visit == Visit.SENT) {
                    sentHere++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        loopStats.addFollowUpsSent(shop.domain(), today(now), sentHere);
        return null;
    }

    Visit visit(Shop shop, SpendHistogram runStanding, String email, Instant now) {
        SpendHistogram standing = runStanding;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Customer> found = customers.find(shop.domain(), email);
            if (found.isEmpty()) {
                return Visit.SKIPPED;
            }
            Customer c = found.get();
            FollowUpState loop = c.followUp();
            if (!FollowUpPolicy.dueBy(loop.dueAt(), now, INTERVAL)) {
                return Visit.SKIPPED; // someone moved it since the index was read
            }
            if (FollowUpPolicy.reachability(c, shop.consentMode()) != FollowUpPolicy.Reachability.REACHABLE) {
                FollowUpState off = loop.withDueAt(null).withUnreachableSince(now);
                if (!customers.saveIfUnchanged(c.withFollowUp(off, c.lastContactAt()))) {
                    continue;
                }
                if (loop.unreachableSince() == null) {
                    loopStats.addUnreachable(shop.domain(), 1);
                }
                return Visit.UNREACHABLE;
            }
            FollowUpState.SurveyState survey = loop.survey();
            boolean surveyDue = FollowUpPolicy.dueBy(survey.dueAt(), now, INTERVAL);
            if (surveyDue && SurveySchedule.tooSoonAfter(survey.lastSentAt(), now)) {
                survey = survey.dropped(); // asked within 60 days: this order goes without
                loop = loop.withSurvey(survey);
                surveyDue = false;
            }
            if (attempt > 0 && standing == runStanding) {
                // Someone wrote the customer while we looked (a new order, a refund): the run's histogram may still
                // count them in their old bucket, so judge them on the shop as it is now. Rare: one more Query.
                standing = spendStats.histogram(shop.domain());
            }
            long spend = c.netSpend().minor();
            boolean top = standing.topTenPercent(spend);
            Instant realDue = FollowUpPolicy.dueAt(c.lastContactAt(), top);
            if (!surveyDue && !FollowUpPolicy.dueBy(realDue, now, INTERVAL)) {
                // An early hint (a later contact, or a 45-day check of someone not in the top 10% after all).
                Instant next = FollowUpState.nextVisit(realDue, survey);
                if (!customers.saveIfUnchanged(c.withFollowUp(loop.withDueAt(next), c.lastContactAt()))) {
                    continue;
                }
                return Visit.RESCHEDULED;
            }
            Instant heldBack = FollowUpPolicy.heldBackUntil(loop.lastMarketingAt(), now);
            if (heldBack != null) {
                if (!customers.saveIfUnchanged(c.withFollowUp(loop.withDueAt(heldBack), c.lastContactAt()))) {
                    continue;
                }
                return Visit.DEFERRED;
            }
            boolean checkEarly = standing.inTop(spend, FollowUpPolicy.CHECK_EARLY_PERCENT);
            Instant nextFollowUp = FollowUpPolicy.dueAt(now, checkEarly);
            if (surveyDue) {
                Optional<Order> surveyed = orders.findOrderToShow(shop.domain(), survey.orderId());
                if (surveyed.isEmpty()) {
                    FollowUpState without = loop.withSurvey(survey.dropped());
                    if (!customers.saveIfUnchanged(c.withFollowUp(without.withDueAt(realDue), c.lastContactAt()))) {
                        continue;
                    }
                    return Visit.RESCHEDULED;
                }
                EmailMessage invitation = surveyMessage(shop, c, surveyed.get(), now);
                // A survey is a contact like a follow-up: the 90-45 clock starts again from it.
                Customer claimed = c.withFollowUp(loop.withSurveySent(now, nextFollowUp), now);
                if (!customers.saveIfUnchanged(claimed)) {
                    continue;
                }
                return send(invitation, c, loop, claimed, now, Visit.SURVEY_SENT);
            }
            EmailMessage message = message(shop, c, top, now);
            Customer claimed = c.withFollowUp(loop.withFollowUpSent(now, FollowUpState.nextVisit(nextFollowUp, survey)),
                    now);
            if (!customers.saveIfUnchanged(claimed)) {
                continue; // a new order or email got there first: look again
            }
            Visit sent = send(message, c, loop, claimed, now, Visit.SENT);
            if (sent == Visit.SENT) {
                LOG.info("follow-up sent to {} of {}{}", CustomerEmails.mask(email), shop.domain(),
                        top ? " (top 10%)" : "");
            }
            return sent;
        }
        return Visit.SKIPPED;
    }

    private Visit send(EmailMessage message, Customer c, FollowUpState before, Customer claimed, Instant now,
            Visit sent) {
        try {
            pace.beforeSend();
            sender.send(message);
            return sent;
        } catch (RuntimeException e) {
            LOG.error("{} to {} of {} failed; it stays due", message.kind().wireName(), CustomerEmails.mask(c.email()),
                    c.shop(), e);
            // Give the claim back (due now) unless something newer was written meanwhile.
            customers.saveIfUnchanged(c.withFollowUp(before.withDueAt(now), claimed.version() + 1));
            if (e instanceof SendingDeferred) {
                throw e;
            }
            return Visit.FAILED;
        }
    }

    private EmailMessage surveyMessage(Shop shop, Customer c, Order order, Instant now) {
        String unsubscribeUrl = links.unsubscribeUrl(publicBaseUrl, shop.domain(), c.referralCode());
        String surveyUrl = links.surveyUrl(publicBaseUrl, shop.domain(), c.referralCode(), order.orderId(),
                Duration.ofDays(shop.settings().survey().linkValidityDays()));
        RenderedEmail email = surveyEmails.survey(shop, order.locale() != null ? order.locale() : c.locale(),
                c.firstName(), order.orderName() != null ? order.orderName() : order.orderId(),
                Duration.between(order.createdAt(), now).toDays(), surveyUrl, unsubscribeUrl);
        return new EmailMessage(EmailKind.SURVEY, shop.senderAddress(), shop.senderName(), c.email(), null,
                email.subject(), email.text(), email.html(), unsubscribeHeaders(unsubscribeUrl), shop.domain());
    }

    private static Map<String, String> unsubscribeHeaders(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private EmailMessage message(Shop shop, Customer c, boolean vip, Instant now) {
        Optional<Order> last = lastOrder(c);
        List<FollowUpView.Item> items = last.map(o -> o.lineItems().stream()
                .map(item -> new FollowUpView.Item(item.title(), tip(shop, item)))
                .toList()).orElse(List.of());
        String unsubscribeUrl = links.unsubscribeUrl(publicBaseUrl, shop.domain(), c.referralCode());
        RenderedEmail email = emails.render(new FollowUpView(shop, c.firstName(), c.locale(), vip,
                c.firstOrderAt() == null ? 0 : Duration.between(c.firstOrderAt(), now).toDays(), c.orderCount(),
                last.map(Order::orderName).orElse(null),
                last.map(o -> Duration.between(o.createdAt(), now).toDays()).orElse(0L),
                items, unsubscribeUrl, null));
        return new EmailMessage(EmailKind.FOLLOW_UP, shop.senderAddress(), shop.senderName(), c.email(), null,
                email.subject(), email.text(), email.html(), unsubscribeHeaders(unsubscribeUrl), shop.domain());
    }

    private Optional<Order> lastOrder(Customer c) {
        return c.countedOrders().entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry::getValue))
                .flatMap(latest -> orders.findOrderToShow(c.shop(), latest.getKey()));
    }

    private static String tip(Shop shop, LineItem item) {
        return item.productId() == null ? null : shop.productTips().get(item.productId());
    }

    private static java.time.LocalDate today(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
