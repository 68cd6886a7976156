package loyaltyloop.customers;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import loyaltyloop.ladder.LadderCounts;
import loyaltyloop.ladder.LadderDay;
import loyaltyloop.ladder.LadderPosition;
import loyaltyloop.ladder.LoyaltyLadder;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Shop;

/**
 * The ladder moves that are not an order: a credited referral makes the referrer an advocate; a low rating opens a
 * service recovery that their next order closes (counted by the follow-up scheduler). Orders and refunds are placed
 * by {@code FollowUpScheduler}, in the same write as the rest of the customer's loop state.
 */
@Singleton
public class CustomerLadder {

    private static final int ATTEMPTS = 20;

    private final CustomerStore store;
    private final LadderCounts counts;
    private final Clock clock;

    public CustomerLadder(CustomerStore store, LadderCounts counts, Clock clock) {
        this.store = store;
        this.counts = counts;
        this.clock = clock;
    }

    /** At least one of the customer's referrals was credited; repeating it changes nothing. */
    public void markAdvocate(Shop shop, String email) {
        change(shop, email, LadderPosition::withAdvocate, null);
    }

    /**
     * {@link #markAdvocate}, after the points email went to them at {@code contactAt}: the contact that resets their
     * 90-45 clock rides on the same write of the customer (one write where two would do).
     */
    public void markAdvocateContacted(Shop shop, String email, java.time.Instant contactAt) {
        change(shop, email, LadderPosition::withAdvocate, contactAt);
    }

    /** The customer rated an order 1-2: whether they order again is counted. */
    public void openRecovery(Shop shop, String email) {
        change(shop, email, p -> p.withRecoveryOpen(true), null);
    }

    private void change(Shop shop, String email, UnaryOperator<LadderPosition> change, java.time.Instant contactAt) {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> found = store.find(shop.domain(), email);
            if (found.isEmpty()) {
                return;
            }
            Customer c = found.get();
            LadderPosition before = c.followUp().ladder();
            LadderPosition start = before != null ? before : LoyaltyLadder.place(new LoyaltyLadder.Facts(
                    c.orderCount(), false, Map.of(), false, false), shop.settings().ladder().loyalAfterOrders(),
                    c.firstOrderAt() == null ? today : c.firstOrderAt().atZone(ZoneOffset.UTC).toLocalDate());
            LadderPosition after = change.apply(start);
            Customer contacted = contactAt == null ? c : CustomerHistory.withContact(c, contactAt);
            if (after.equals(before)) {
                if (contacted != c && !store.saveIfUnchanged(contacted)) {
                    continue;
                }
                return;
            }
            if (store.saveIfUnchanged(c.withFollowUp(c.followUp().withLadder(after), contacted.lastContactAt()))) {
                LadderDay move = LoyaltyLadder.move(before, after, today, false);
                if (!move.isEmpty()) {
                    counts.record(shop.domain(), c.email(), move);
                }
                return;
            }
        }
        throw new CustomerAccounts.ConcurrentUpdateException("customer " + CustomerEmails.mask(email));
    }
}
