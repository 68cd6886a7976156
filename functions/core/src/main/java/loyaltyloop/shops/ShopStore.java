package loyaltyloop.shops;

import java.util.Optional;

/** Where shops are registered. */
public interface ShopStore {

    Optional<Shop> find(String domain);

    void save(Shop shop);
}
