package loyaltyloop.survey;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a completed survey sets off ({@code SurveyCompleted}): the coupon is made to work at checkout and emailed;
 * a rating of 1 or 2 also sends the customer an apology (with the coupon, replies going to the owner) and the owner
 * an alert (replies going to the customer), and makes the customer one of the owner's daily picks.
 *
 * <p>Each email is claimed on the answer before it is sent, so repeated or concurrent events send each once; a
 * failed send gives its claim back and the event's retry sends it. A failure to provision the coupon fails the
 * event, so Lambda retries it, and no coupon email goes out before the code works.
 */
@Singleton
@Requires(beans = {EmailSender.class, CouponIssuer.class})
public class SurveyFollowThrough {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyFollowThrough.class);

    private final ShopStore shops;
    private final CustomerAccounts customers;
    private final OrderStore orders;
    private final SurveyResponses responses;
    private final CouponStore coupons;
    private final CouponIssuer issuer;
    private final EmailSender sender;
    private final LoopStats loopStats;
    private final Clock clock;
    private final SurveyEmails emails;

    public SurveyFollowThrough(ShopStore shops, CustomerAccounts customers, OrderStore orders,
            SurveyResponses responses, CouponStore coupons, CouponIssuer issuer, EmailSender sender,
            LoopStats loopStats, Clock clock, SurveyEmails emails) {
        this.shops = shops;
        this.customers = customers;
        this.orders = orders;
        this.responses = responses;
        this.coupons = coupons;
        this.issuer = issuer;
        this.sender = sender;
        this.loopStats = loopStats;
        this.clock = clock;
        this.emails = emails;
    }

    public enum Outcome { DONE, UNKNOWN }

    public Outcome onSurveyCompleted(SurveyCompleted completed) {
        return handle(completed.shop(), completed.orderId());
    }

    /** The answer is read from the store: the event only says which one. */
    Outcome handle(String shopDomain, String orderId) {
        Optional<Shop> shop = shops.findForMail(shopDomain);
        Optional<SurveyResponse> found = shop.flatMap(s -> responses.find(s.domain(), orderId));
        if (found.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        SurveyResponse response = found.get();
        Optional<Customer> customer = customers.find(shopDomain, response.email());
        Optional<Coupon> stored = coupons.find(shopDomain, response.couponCode());
        if (customer.isEmpty() || stored.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Coupon coupon = issuer.complete(shop.get(), stored.get()); // throws while the shop cannot be reached
        Customer c = customer.get();
        Optional<Order> order = orders.findOrderToShow(shopDomain, orderId);
        String locale = order.map(Order::locale).orElse(c.locale());
        String orderName = order.map(Order::orderName).orElse(orderId);

        once(response, SurveyResponses.Step.COUPON_EMAIL, () -> {
            RenderedEmail email = emails.coupon(shop.get(), locale, c.firstName(), coupon);
            sender.send(customerEmail(EmailKind.COUPON, shop.get(), c, email));
        });
        if (response.unhappy()) {
            once(response, SurveyResponses.Step.RECOVERY_EMAIL, () -> {
                RenderedEmail email = emails.serviceRecovery(shop.get(), locale, c.firstName(), orderName, coupon);
                sender.send(customerEmail(EmailKind.SERVICE_RECOVERY, shop.get(), c, email));
            });
            once(response, SurveyResponses.Step.OWNER_ALERT, () -> {
                sendOwnerAlert(shop.get(), c, response, order, orderName, coupon);
                loopStats.note(shopDomain, clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                        new LoopStats.DigestNote(LoopStats.DigestNote.LOW_RATING, c.email(), orderId));
            });
        }
        if (response.unhappy()) {
            customers.recordRecoveryContact(shopDomain, c.email(), clock.instant());
        } else {
            customers.recordContact(shopDomain, c.email(), clock.instant());
        }
        return Outcome.DONE;
    }

    private void sendOwnerAlert(Shop shop, Customer c, SurveyResponse response, Optional<Order> order,
            String orderName, Coupon coupon) {
        if (shop.ownerEmail() == null || shop.ownerEmail().isBlank()) {
            LOG.warn("{} has no owner address: low rating on order {} not alerted", shop.domain(), response.orderId());
            return;
        }
        RenderedEmail email = emails.ownerAlert(shop, c.name() != null ? c.name() : c.firstName(), c.email(),
                response.rating(), response.comment(), orderName, order.map(Order::total).orElse(null), coupon);
        // From the shop's own sender; replies go straight to the customer.
        sender.send(new EmailMessage(EmailKind.OWNER_ALERT, shop.senderAddress(), "loyalty-loop", shop.ownerEmail(),
                c.email(), email.subject(), email.text(), email.html(), java.util.Map.of(), shop.domain()));
    }

    private static EmailMessage customerEmail(EmailKind kind, Shop shop, Customer c, RenderedEmail email) {
        // Replies reach a person: the owner where there is one.
        String replyTo = shop.ownerEmail() == null || shop.ownerEmail().isBlank() ? null : shop.ownerEmail();
        return new EmailMessage(kind, shop.senderAddress(), shop.senderName(), c.email(), replyTo, email.subject(),
                email.text(), email.html(), java.util.Map.of(), shop.domain());
    }

    private void once(SurveyResponse r, SurveyResponses.Step step, Runnable send) {
        if (!responses.claim(r.shop(), r.orderId(), step, clock.instant())) {
            return;
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            responses.release(r.shop(), r.orderId(), step);
            LOG.error("{} for order {} of {} to {} failed; the retry sends it", step, r.orderId(), r.shop(),
                    CustomerEmails.mask(r.email()), e);
            throw e;
        }
    }
}
