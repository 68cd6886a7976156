package loyaltyloop.history;

import java.time.Instant;
import java.util.Optional;

/** Where an import is up to (its checkpoint) and how far reconciliation has read (its watermark), per shop. */
public interface HistoryMarks {

    Optional<ImportCheckpoint> checkpoint(String shop, String sourceKey);

    void saveCheckpoint(ImportCheckpoint checkpoint);

    /** The time reconciliation last read the shop's orders up to; empty before its first run. */
    Optional<Instant> watermark(String shop);

    void saveWatermark(String shop, Instant readUpTo);
}
