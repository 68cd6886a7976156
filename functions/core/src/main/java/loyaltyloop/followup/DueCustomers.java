package loyaltyloop.followup;

import java.time.Instant;
import java.util.List;

/** The due index: which customers of a shop the sweep must look at by a given time, shard by shard. */
public interface DueCustomers {

    /** One page of customers due before {@code until} in a shard, earliest first; {@code cursor} null for the first. */
    Page due(String shop, int shard, Instant until, int limit, String cursor);

    /** How many customers of the shop are due before {@code until} (all shards). */
    long count(String shop, Instant until);

    record Page(List<String> emails, String nextCursor) {
    }
}
