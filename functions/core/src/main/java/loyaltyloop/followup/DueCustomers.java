package loyaltyloop.followup;

import java.time.Instant;
import java.util.List;

/** The due index: which customers of a shop the sweep must look at by a given time. */
public interface DueCustomers {

    /**
     * One page of the customers due before {@code until}: {@code cursor} null for the first page, then each page's
     * {@link Page#nextCursor()} until it is null. A page may hold fewer than {@code limit} customers, or none, while
     * more follow; each page is one read, so a caller can stop between pages and lose nothing (what it did not
     * reach stays due).
     */
    Page due(String shop, Instant until, String cursor, int limit);

    /**
     * Where to start walks that together cover the shop's whole due index, one cursor each, for {@link #due} to
     * follow independently (in parallel): the sweep's fan-out gives each to its own worker. A walk started from one
     * of these ends where its part ends, not at the end of the index.
     */
    List<String> partWalks(String shop);

    /**
     * Up to {@code limit} of the customers due before {@code until}, soonest first. When more are due they are close
     * to the {@code limit} soonest rather than exactly them, so finding them costs a fixed few reads.
     */
    List<String> dueSoonest(String shop, Instant until, int limit);

    /** How many customers of the shop are due before {@code until}. */
    long count(String shop, Instant until);

    /** @param nextCursor where the next page starts; null when there is none */
    record Page(List<String> emails, String nextCursor) {
    }
}
