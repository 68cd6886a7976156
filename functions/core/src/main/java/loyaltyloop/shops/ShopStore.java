package loyaltyloop.shops;

import java.util.List;
import java.util.Optional;

/** Where shops are registered. */
public interface ShopStore {

    Optional<Shop> find(String domain);

    void save(Shop shop);

    /** Every registered shop (a handful per deployment), for the scheduled runs. */
    List<Shop> all();
}
