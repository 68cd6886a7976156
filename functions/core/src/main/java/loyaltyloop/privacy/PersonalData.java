package loyaltyloop.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the loop stores about people, found by key: one customer's items in one shop (read for an export,
 * erased on request or after the retention period), the customers idle and the orders stored before a time, and
 * a whole shop's items for {@code shop/redact}.
 */
public interface PersonalData {

    /** Everything stored about the customer in the shop; an empty file when nothing is. */
    CustomerFile collect(String shop, String email);

    /**
     * Erases the customer's personal data in the shop: deletes their profile, order pointers, points
     * ledger and balance, referral code and digest notes; strips the person from their orders (through
     * {@link PersonalFields}), survey answers, coupons and the referrals they made, keeping amounts, dates and
     * {@code pseudonym}. Idempotent: a second call finds nothing left to change.
     */
    void erase(CustomerFile file, String pseudonym);

    /** Strips the person from one stored order, as {@link #erase} does; false when there is no such order. */
    boolean eraseFromOrder(String shop, String orderId, String pseudonym);

    /**
     * Customers of the shop the retention run should look at before {@code before}: their oldest order still holding
     * personal fields, or their last activity, is older; at most {@code limit}.
     */
    List<String> dueForRetention(String shop, Instant before, int limit);

    /** The UTC day of the customer's last order, click or answer; empty when none is recorded. */
    Optional<Instant> lastActivity(String shop, String email);

    /**
     * Strips the person from the customer's orders placed before {@code before} and moves them in the retention index
     * to their next such order (or their last activity). Answers how many orders it stripped.
     */
    int stripOrdersPlacedBefore(String shop, String email, Instant before, String pseudonym);

    /**
     * Claims a privacy request once (by the platform's request id): true for the first caller only, so a repeated
     * delivery mails no second export.
     */
    boolean claimRequest(String shop, String requestId, Instant at);

    /** Gives a claim back after its work failed, so the retry does it. */
    void releaseRequest(String shop, String requestId);

    /** Deletes one page of the shop's items; the cursor to continue from, empty when the shop is gone. */
    ShopErasurePage eraseShopPage(String shop, Optional<String> cursor);

    /** @param scanned items read in this page, {@code deleted} of them the shop's */
    record ShopErasurePage(int scanned, int deleted, Optional<String> next) {
    }
}
