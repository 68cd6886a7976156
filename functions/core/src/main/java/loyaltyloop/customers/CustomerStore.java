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
     * Keeps the customer's older orders findable by key once the profile no longer remembers them (it keeps the
     * last 30), for a data export or an erasure.
     */
    void rememberOrders(String shop, String email, java.util.Collection<String> orderIds);

    /**
     * Reserves a referral code for a new customer; false when the code is taken in that shop. The reservation is
     * also where the retention run finds the customer, from {@code firstOrderAt} on (docs/privacy.md): it is written
     * once per customer anyway, so that costs no write of its own.
     */
    boolean claimReferralCode(String shop, String code, String email, java.time.Instant firstOrderAt);

    /**
     * Puts a customer stored before activity was kept on the profile where the retention run finds them (as
     * {@link #claimReferralCode} does for a new one), from {@code from} on; nothing when they are there already.
     */
    void keepForRetention(String shop, String email, String referralCode, java.time.Instant from);

    /** The email of the customer who owns the code. */
    Optional<String> findEmailByReferralCode(String shop, String code);
}
