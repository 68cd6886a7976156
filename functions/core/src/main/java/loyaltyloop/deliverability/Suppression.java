package loyaltyloop.deliverability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import loyaltyloop.email.EmailKind;

/**
 * What bounces and complaints decided about one address in one shop. The rule of who may still be mailed lives
 * here, and only here ({@link #blocks}):
 * <ul>
 * <li>a permanent bounce (including SES refusing the address because it is on the account's suppression list)
 * stops every email to the address;</li>
 * <li>three transient bounces within 30 days stop marketing email;</li>
 * <li>a complaint stops marketing email at once.</li>
 * </ul>
 *
 * @param transientBounces the transient bounces of the last 30 days, oldest first
 * @param marketingStoppedAt when the third transient bounce within 30 days arrived; null while marketing may go
 * @param version optimistic-concurrency version; 0 when nothing is stored
 */
public record Suppression(Instant permanentBounceAt, List<Instant> transientBounces, Instant marketingStoppedAt,
        Instant complainedAt, long version) {

    public static final Suppression NONE = new Suppression(null, List.of(), null, null, 0);
    public static final Duration TRANSIENT_WINDOW = Duration.ofDays(30);
    public static final int TRANSIENT_LIMIT = 3;

    public Suppression {
        transientBounces = transientBounces == null ? List.of() : List.copyOf(transientBounces);
    }

    /** True when an email of {@code kind} must not go to this address. */
    public boolean blocks(EmailKind kind) {
        if (permanentBounceAt != null) {
            return true;
        }
        return kind.marketing() && (complainedAt != null || marketingStoppedAt != null);
    }

    /** True when marketing email may not go to this address any more. */
    public boolean stopsMarketing() {
        return blocks(EmailKind.FOLLOW_UP);
    }

    public Suppression withPermanentBounce(Instant at) {
        if (permanentBounceAt != null) {
            return this;
        }
        return new Suppression(at, transientBounces, marketingStoppedAt, complainedAt, version + 1);
    }

    /** One more transient bounce; the third within 30 days stops marketing. A repeated event changes nothing. */
    public Suppression withTransientBounce(Instant at) {
        if (transientBounces.contains(at)) {
            return this;
        }
        List<Instant> recent = new ArrayList<>();
        for (Instant earlier : transientBounces) {
            if (earlier.isAfter(at.minus(TRANSIENT_WINDOW))) {
                recent.add(earlier);
            }
        }
        recent.add(at);
        recent.sort(null);
        while (recent.size() > TRANSIENT_LIMIT) {
            recent.remove(0);
        }
        Instant stopped = marketingStoppedAt;
        if (stopped == null && recent.size() >= TRANSIENT_LIMIT
                && !recent.get(0).isBefore(recent.get(recent.size() - 1).minus(TRANSIENT_WINDOW))) {
            stopped = at;
        }
        return new Suppression(permanentBounceAt, recent, stopped, complainedAt, version + 1);
    }

    public Suppression withComplaint(Instant at) {
        if (complainedAt != null) {
            return this;
        }
        return new Suppression(permanentBounceAt, transientBounces, marketingStoppedAt, at, version + 1);
    }
}
