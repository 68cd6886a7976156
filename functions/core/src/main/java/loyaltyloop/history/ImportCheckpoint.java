package loyaltyloop.history;

import java.time.Instant;

/**
 * How far an import of one source got: written after every page, so an import that stops (a crash, a timeout, the
 * platform failing) continues with the page after the last one finished.
 *
 * @param cursor where the next page starts; null once {@code done}
 * @param counts what the import did up to here
 */
public record ImportCheckpoint(String shop, String sourceKey, String cursor, boolean done, ImportCounts counts,
        Instant at) {
}
