package loyaltyloop.customers;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import loyaltyloop.orders.Order;
import loyaltyloop.shops.Shop;
import loyaltyloop.orders.CustomerEmails;

/**
 * Applies {@link CustomerHistory} to stored customers: read, change, write if nobody else wrote in between.
 * Every change is idempotent, so a repeated or concurrent delivery changes a customer once.
 */
@Singleton
public class CustomerAccounts {

    private static final int ATTEMPTS = 20;

    private final CustomerStore store;
    private final Clock clock;
    private final ReferralCodes referralCodes;

    public CustomerAccounts(CustomerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.referralCodes = new ReferralCodes();
    }

    /** Counts the order for its customer and answers which of their orders it is (1 for the first). */
    public int recordOrder(Shop shop, Order order) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Customer before = store.find(shop.domain(), order.email())
                    .orElseGet(() -> CustomerHistory.newCustomer(shop.domain(), order.email(), shop.currency(),
                            newReferralCode(shop.domain(), order.email(), order.createdAt())));
            Customer after = CustomerHistory.withOrder(before, order, shop.currency(), clock.instant());
            if (after == before || store.saveIfUnchanged(after)) {
                if (after != before) {
                    java.util.Set<String> forgotten = new java.util.HashSet<>(before.countedOrders().keySet());
                    forgotten.removeAll(after.countedOrders().keySet());
                    if (!forgotten.isEmpty()) {
                        store.rememberOrders(shop.domain(), order.email(), forgotten);
                    }
                    if (CustomerHistory.firstActivityOfStoredCustomer(before, after)) {
                        store.keepForRetention(shop.domain(), order.email(), after.referralCode(),
                                after.firstOrderAt());
                    }
                }
                return after.countedOrders().get(order.orderId());
            }
        }
        throw new ConcurrentUpdateException("customer " + CustomerEmails.mask(order.email()));
    }

    /**
     * The stored customer, or a new one (version 0, to be saved with {@link CustomerStore#saveIfUnchanged}) holding a
     * referral code reserved for them: for a caller that applies several changes in one write (a history import).
     * {@code firstOrderAt}: their first order's time, from which the retention run looks at a new customer.
     */
    public Customer findOrStart(Shop shop, String email, Instant firstOrderAt) {
        return store.find(shop.domain(), email).orElseGet(() -> CustomerHistory.newCustomer(shop.domain(), email,
                shop.currency(), newReferralCode(shop.domain(), email, firstOrderAt)));
    }

    /**
     * Claims the thank-you email for an order: true exactly once per order, also under concurrent delivery.
     * The claim is also the contact that resets the 90-45 clock.
     */
    public boolean claimAffirmation(String shop, String email, String orderId) {
        return change(shop, email, c -> CustomerHistory.withAffirmationSent(c, orderId, clock.instant())).isPresent();
    }

    /** Gives a claim back after the email could not be sent, so the retry sends it. */
    public void releaseAffirmation(String shop, String email, String orderId) {
        change(shop, email, c -> CustomerHistory.withAffirmationReleased(c, orderId));
    }

    /** Records the unsubscribe; true if the customer exists. Repeating it changes nothing. */
    public boolean unsubscribe(String shop, String email) {
        if (store.find(shop, email).isEmpty()) {
            return false;
        }
        change(shop, email, c -> CustomerHistory.withUnsubscribe(c, clock.instant()));
        return true;
    }

    public void recordRefund(String shop, String email, loyaltyloop.orders.Money amount) {
        change(shop, email, c -> CustomerHistory.withRefund(c, amount));
    }

    /** An email we sent is a contact: it resets the 90-45 clock (never backwards). */
    public void recordContact(String shop, String email, java.time.Instant at) {
        change(shop, email, c -> CustomerHistory.withContact(c, at));
    }

    /**
     * A contact after a low rating: besides resetting the clock, the customer's ladder position notes the open
     * service recovery, so their next order counts as recovered (in the same write, so it costs nothing extra).
     */
    public void recordRecoveryContact(String shop, String email, java.time.Instant at) {
        change(shop, email, c -> {
            Instant contact = c.lastContactAt() != null && !at.isAfter(c.lastContactAt()) ? c.lastContactAt() : at;
            loyaltyloop.ladder.LadderPosition ladder = c.followUp().ladder();
            boolean open = ladder != null && !ladder.recoveryOpen();
            if (!open && contact.equals(c.lastContactAt())) {
                return c;
            }
            return c.withFollowUp(open ? c.followUp().withLadder(ladder.withRecoveryOpen(true)) : c.followUp(),
                    contact);
        });
    }

    public Optional<Customer> find(String shop, String email) {
        return store.find(shop, email);
    }

    /** Applies the change; empty when the customer is missing or the change was a no-op (already applied). */
    private Optional<Customer> change(String shop, String email, UnaryOperator<Customer> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> before = store.find(shop, email);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            Customer after = change.apply(before.get());
            if (after == before.get()) {
                return Optional.empty();
            }
            if (store.saveIfUnchanged(after)) {
                return Optional.of(after);
            }
        }
        throw new ConcurrentUpdateException("customer " + CustomerEmails.mask(email));
    }

    private String newReferralCode(String shop, String email, Instant firstOrderAt) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String code = referralCodes.next();
            if (store.claimReferralCode(shop, code, email, firstOrderAt)) {
                return code;
            }
        }
        throw new IllegalStateException("no free referral code after 10 draws in " + shop);
    }

    /** Too many writers at once on one customer; the caller's retry (Lambda, the shop) will try again. */
    public static final class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String what) {
            super("gave up updating " + what + " after " + ATTEMPTS + " conflicting writes");
        }
    }
}
