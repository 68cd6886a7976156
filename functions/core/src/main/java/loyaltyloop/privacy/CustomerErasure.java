package loyaltyloop.privacy;

import jakarta.inject.Singleton;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.followup.SpendStats;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.stats.LoopStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a customer's personal data in a shop: for {@code customers/redact}, {@code shops customers erase} and the
 * retention job alike. Afterwards their links find no one (4xx), nothing is scheduled for them, no email can reach
 * them, and a later order starts a new customer. Idempotent.
 */
@Singleton
public class CustomerErasure {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerErasure.class);

    private final PersonalData data;
    private final CustomerStore customers;
    private final OrderStore orders;
    private final SpendStats spendStats;
    private final LoopStats loopStats;

    public CustomerErasure(PersonalData data, CustomerStore customers, OrderStore orders, SpendStats spendStats,
            LoopStats loopStats) {
        this.data = data;
        this.customers = customers;
        this.orders = orders;
        this.spendStats = spendStats;
        this.loopStats = loopStats;
    }

    /** What an erasure found. */
    public record Outcome(boolean found, int orders) {
    }

    public Outcome erase(String shop, String email, String why) {
        Optional<Customer> customer = customers.find(shop, email);
        CustomerFile file = data.collect(shop, email);
        // Also when nothing shows: the activity and order pointers alone are erased too.
        data.erase(file, PersonalFields.pseudonym(shop, email));
        if (file.isEmpty() && file.orderIds().isEmpty()) {
            LOG.info("erasure ({}) of {} in {}: nothing stored", why, CustomerEmails.mask(email), shop);
            return new Outcome(false, 0);
        }
        // They no longer count among the shop's customers. After the items are gone, so a retry that finds no
        // profile changes no counter twice.
        customer.ifPresent(c -> {
            if (c.followUp().spendBucket() != null) {
                spendStats.move(shop, c.followUp().spendBucket(), null);
            }
            if (c.followUp().unreachableSince() != null) {
                loopStats.addUnreachable(shop, -1);
            }
        });
        LOG.info("erasure ({}) of {} in {}: {} orders stripped, the rest deleted", why, CustomerEmails.mask(email),
                shop, file.orderIds().size());
        return new Outcome(true, file.orderIds().size());
    }

    /** The address a request names, or the one on the first of its orders that is still stored with it. */
    public Optional<String> whoseOrders(String shop, String email, Iterable<String> orderIds) {
        Optional<String> named = CustomerEmails.normalise(email);
        if (named.isPresent()) {
            return named;
        }
        for (String orderId : orderIds) {
            Optional<String> owner = orders.findOrder(shop, orderId).map(o -> o.order().email())
                    .flatMap(CustomerEmails::normalise);
            if (owner.isPresent()) {
                return owner;
            }
        }
        return Optional.empty();
    }
}
