package loyaltyloop.customers;

import java.util.Optional;

/** Customers of every shop, and the referral codes that point at them. */
public interface CustomerStore {

    Optional<Customer> find(String shop, String email);

    /**
     * Writes the customer if the stored version is still {@code customer.version() - 1} (or, for version 1, if
     * no customer is stored). False when someone else wrote first: read again and retry.
     */
    boolean saveIfUnchanged(Customer customer);

    /**
     * Notes that the customer ordered, clicked a link or answered at {@code at} (kept to the day, never moved back):
     * the retention period runs from their last activity.
     */
    void recordActivity(String shop, String email, java.time.Instant at);

    /**
     * Keeps the customer's older orders findable by key once the profile no longer remembers them (it keeps the
     * last 30), for a data export or an erasure.
     */
    void rememberOrders(String shop, String email, java.util.Collection<String> orderIds);

    /** Reserves a referral code for a customer; false when the code is taken in that shop. */
    boolean claimReferralCode(String shop, String code, String email);

    /** The email of the customer who owns the code. */
    Optional<String> findEmailByReferralCode(String shop, String code);
}
