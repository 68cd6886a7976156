package loyaltyloop.shops;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where shops are registered. */
public interface ShopStore {

    Optional<Shop> find(String domain);

    /**
     * The shop as this process read it at most {@code maxAge} ago, else read now: for a path that reads the same shop
     * on every request (webhook intake) and can act on a copy that old. A change saved through this store is seen at
     * once; an unknown shop is looked up every time.
     */
    default Optional<Shop> find(String domain, java.time.Duration maxAge) {
        return find(domain);
    }

    void save(Shop shop);

    /** Every registered shop (a handful per deployment), for the scheduled runs. */
    List<Shop> all();

    /** Records that the shop's app was uninstalled (its data stays); false when no such shop is registered. */
    boolean markUninstalled(String domain, Instant at);

    /** The shop, if mail may go out for it ({@link Shop#mailAllowed}): what every email path loads. */
    default Optional<Shop> findForMail(String domain) {
        return find(domain).filter(Shop::mailAllowed);
    }

    /** Every shop mail may go out for ({@link Shop#mailAllowed}): what every scheduled email run loads. */
    default List<Shop> allForMail() {
        return all().stream().filter(Shop::mailAllowed).toList();
    }
}
