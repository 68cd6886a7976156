package loyaltyloop.coupons;

import loyaltyloop.stats.LoopStats;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import loyaltyloop.metrics.LoopMetrics;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.shops.CouponTerms;
import loyaltyloop.shops.Shop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues coupons in two steps, so no customer is ever shown a code that does not work:
 * {@link #draft} makes a PENDING coupon (with its code) for the caller to store atomically with whatever earned it
 * (a survey answer, a points debit); {@link #complete} creates the discount at the shop and only then marks the
 * coupon ISSUED and publishes {@code CouponIssued}. Completing is idempotent and safe to run concurrently.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class CouponIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(CouponIssuer.class);
    private static final int ATTEMPTS = 3;

    private final List<CouponProvisioner> provisioners;
    private final CouponStore store;
    private final EventPublisher events;
    private final Clock clock;
    private final LoopStats loopStats;
    private final Duration retryPause;
    private final LoopMetrics metrics;

    public CouponIssuer(List<CouponProvisioner> provisioners, CouponStore store, EventPublisher events, Clock clock,
            LoopMetrics metrics, LoopStats loopStats) {
        this(provisioners, store, events, clock, metrics, loopStats, Duration.ofMillis(250));
    }

    CouponIssuer(List<CouponProvisioner> provisioners, CouponStore store, EventPublisher events, Clock clock,
            LoopMetrics metrics, LoopStats loopStats, Duration retryPause) {
        this.metrics = metrics;
        this.provisioners = List.copyOf(provisioners);
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.loopStats = loopStats;
        this.retryPause = retryPause;
    }

    /** A new PENDING coupon for the customer, not stored yet. */
    public Coupon draft(Shop shop, String email, CouponTerms terms, Coupon.Origin origin, String reference) {
        Instant now = clock.instant();
        String code = provisioner(shop).newCode(shop, reference);
        return new Coupon(shop.domain(), code, email, terms, shop.currency(), origin, reference, Coupon.State.PENDING,
                now, now.plus(Duration.ofDays(terms.validDays())), null, null);
    }

    /** Hands a drafted code back when its coupon was never stored. */
    public void discard(Shop shop, Coupon draft) {
        provisioner(shop).release(shop, draft.code());
    }

    /**
     * Makes a stored coupon work at checkout and marks it issued. Returns the coupon as it now is.
     *
     * @throws ProvisioningException when the shop could not be given the code; the coupon stays PENDING and a
     *     later call tries again
     */
    public Coupon complete(Shop shop, Coupon coupon) {
        if (coupon.state() != Coupon.State.PENDING) {
            return coupon;
        }
        CouponProvisioner provisioner = provisioner(shop);
        for (int attempt = 1; ; attempt++) {
            try {
                provisioner.provision(shop, coupon);
                break;
            } catch (ProvisioningException e) {
                if (!e.retryable() || attempt == ATTEMPTS) {
                    LOG.warn("coupon for {} {} of {} not provisioned: {}", coupon.origin(), coupon.reference(),
                            shop.domain(), e.getMessage());
                    throw e;
                }
                pause(attempt);
            }
        }
        if (store.markIssued(shop.domain(), coupon.code())) {
            // Only the call that flipped the state publishes, so CouponIssued goes out once per coupon.
            events.publish(CouponIssued.of(coupon));
            metrics.couponIssued();
            loopStats.add(shop.domain(), clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    LoopStats.Count.COUPONS_ISSUED, 1);
        }
        return coupon.issued();
    }

    private CouponProvisioner provisioner(Shop shop) {
        for (CouponProvisioner p : provisioners) {
            if (p.serves(shop)) {
                return p;
            }
        }
        throw new ProvisioningException("no coupon provisioning for " + shop.domain() + " ("
                + shop.settings().coupons().provisioning().wireName() + ", " + shop.platform().wireName() + ")", false);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryPause.toMillis() * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while retrying", true, e);
        }
    }
}
