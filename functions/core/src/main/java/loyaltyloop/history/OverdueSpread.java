package loyaltyloop.history;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When an imported customer's follow-up is due. Their 90-45 clock runs from their last order; a customer already
 * past it gets a moment on one of the {@code spreadDays} days after the import day (the shop's
 * {@code history.overdueSpreadDays}), picked from their address, so the first sweeps after an import mail a day's
 * share each and never everyone at once; and a second import picks the same moment.
 */
public final class OverdueSpread {

    private static final long DAY_SECONDS = 86_400;

    private OverdueSpread() {
    }

    /** {@code naturalDue} when it is still ahead; else a moment in the spread window after {@code importedAt}'s day. */
    public static Instant dueAt(Instant naturalDue, Instant importedAt, String email, int spreadDays) {
        if (naturalDue.isAfter(importedAt)) {
            return naturalDue;
        }
        Instant dayAfter = importedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return dayAfter.plusSeconds(Math.floorMod(mix(email), spreadDays * DAY_SECONDS));
    }

    public static boolean overdue(Instant naturalDue, Instant importedAt) {
        return !naturalDue.isAfter(importedAt);
    }

    // String.hashCode is fixed by the language, so the moment is the same on every machine; the mix spreads
    // addresses that differ in one character.
    private static long mix(String email) {
        long h = email.hashCode() * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
