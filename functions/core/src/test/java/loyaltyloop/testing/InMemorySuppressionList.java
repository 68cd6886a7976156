package loyaltyloop.testing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import loyaltyloop.deliverability.Suppression;
import loyaltyloop.deliverability.SuppressionList;

/** The suppression list in memory, with the same version check as the table, for unit-tier tests of the rules. */
public final class InMemorySuppressionList implements SuppressionList {

    private final Map<String, Suppression> stored = new ConcurrentHashMap<>();
    private final Set<String> events = java.util.Collections.synchronizedSet(new HashSet<>());

    @Override
    public Suppression find(String shop, String email) {
        return stored.getOrDefault(shop + "#" + email, Suppression.NONE);
    }

    @Override
    public synchronized boolean saveIfUnchanged(String shop, String email, Suppression after) {
        if (find(shop, email).version() != after.version() - 1) {
            return false;
        }
        stored.put(shop + "#" + email, after);
        return true;
    }

    @Override
    public boolean claimEvent(String shop, String eventKey) {
        return events.add(shop + "#" + eventKey);
    }
}
