package loyaltyloop.deliverability;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.stats.LoopStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SES tells us about the emails we sent. A permanent bounce suppresses the address in that shop for every
 * email; a transient bounce counts towards the three-in-30-days that stop marketing; a complaint unsubscribes the
 * customer from marketing at once and is noted for the owner's digest; a delivery is counted, so the digest can
 * show bounce and complaint rates. A repeated event changes and counts nothing twice.
 */
@Singleton
public class MailFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(MailFeedback.class);
    private static final int ATTEMPTS = 10;

    private final ShopStore shops;
    private final SuppressionList suppressions;
    private final CustomerStore customers;
    private final CustomerAccounts accounts;
    private final LoopStats loopStats;
    private final Clock clock;

    public MailFeedback(ShopStore shops, SuppressionList suppressions, CustomerStore customers,
            CustomerAccounts accounts, LoopStats loopStats, Clock clock) {
        this.shops = shops;
        this.suppressions = suppressions;
        this.customers = customers;
        this.accounts = accounts;
        this.loopStats = loopStats;
        this.clock = clock;
    }

    public enum Outcome { RECORDED, REPEATED, NOT_OURS, IGNORED }

    public Outcome on(SesMailEvent event) {
        if (event.shop() == null || shops.find(event.shop()).isEmpty()) {
            LOG.info("SES {} for an email without a known shop tag; ignored", event.type());
            return Outcome.NOT_OURS;
        }
        String shop = event.shop();
        if (event.type() == SesMailEvent.Type.BOUNCE && !event.permanentBounce() && !event.transientBounce()) {
            LOG.info("SES bounce of type {} in {}; nothing to do", event.bounceType(), shop);
            return Outcome.IGNORED;
        }
        Instant at = event.at() != null ? event.at() : clock.instant();
        LocalDate day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        boolean any = false;
        for (String raw : event.recipients()) {
            Optional<String> address = CustomerEmails.normalise(raw);
            if (address.isEmpty()) {
                continue;
            }
            String email = address.get();
            // The changes are idempotent; the counts are claimed per event so a repeated delivery counts once.
            boolean first = suppressions.claimEvent(shop, event.messageId() + "#" + event.type() + "#" + email);
            any |= first;
            switch (event.type()) {
                case DELIVERY -> {
                    if (first) {
                        loopStats.add(shop, day, LoopStats.Count.EMAILS_DELIVERED, 1);
                    }
                }
                case BOUNCE -> bounced(shop, email, event, at, day, first);
                case COMPLAINT -> complained(shop, email, event, at, day, first);
            }
        }
        return any ? Outcome.RECORDED : Outcome.REPEATED;
    }

    private void bounced(String shop, String email, SesMailEvent event, Instant at, LocalDate day, boolean first) {
        Suppression after = change(shop, email, s -> event.permanentBounce()
                ? s.withPermanentBounce(at) : s.withTransientBounce(at));
        if (event.permanentBounce() && first) {
            // SES's own rate counts hard bounces; transient ones only count towards our marketing stop.
            loopStats.add(shop, day, LoopStats.Count.EMAILS_BOUNCED, 1);
            LOG.info("permanent bounce ({}) of {} in {}: nothing more goes to that address", event.bounceSubType(),
                    CustomerEmails.mask(email), shop);
        } else if (after.stopsMarketing() && first) {
            LOG.info("third transient bounce in 30 days of {} in {}: marketing stops", CustomerEmails.mask(email),
                    shop);
        }
        if (after.permanentBounceAt() != null || after.marketingStoppedAt() != null) {
            markBounced(shop, email, at);
        }
    }

    private void complained(String shop, String email, SesMailEvent event, Instant at, LocalDate day,
            boolean first) {
        change(shop, email, s -> s.withComplaint(at));
        accounts.unsubscribe(shop, email);
        if (!first) {
            return;
        }
        loopStats.add(shop, day, LoopStats.Count.EMAILS_COMPLAINED, 1);
        loopStats.note(shop, day, new LoopStats.DigestNote(LoopStats.DigestNote.COMPLAINT, email,
                event.messageId() == null ? "-" : event.messageId()));
        LOG.info("complaint from {} in {} about a {} email: unsubscribed from marketing", CustomerEmails.mask(email),
                shop, event.kind());
    }

    private Suppression change(String shop, String email, java.util.function.UnaryOperator<Suppression> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Suppression before = suppressions.find(shop, email);
            Suppression after = change.apply(before);
            if (after == before || suppressions.saveIfUnchanged(shop, email, after)) {
                return after;
            }
        }
        throw new CustomerAccounts.ConcurrentUpdateException("suppression of " + CustomerEmails.mask(email));
    }

    /** The follow-up policy reads {@code bouncedAt}: the sweep takes the customer off the schedule. */
    private void markBounced(String shop, String email, Instant at) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> found = customers.find(shop, email);
            if (found.isEmpty() || found.get().followUp().bouncedAt() != null) {
                return;
            }
            Customer c = found.get();
            if (customers.saveIfUnchanged(c.withFollowUp(c.followUp().withBouncedAt(at), c.lastContactAt()))) {
                return;
            }
        }
        throw new CustomerAccounts.ConcurrentUpdateException("customer " + CustomerEmails.mask(email));
    }
}
