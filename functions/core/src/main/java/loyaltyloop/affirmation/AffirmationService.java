package loyaltyloop.affirmation;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerAccounts;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.affirmation.AffirmationView;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.links.Links;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderPlaced;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the thank-you for an {@code OrderPlaced} event, exactly once per order.
 *
 * <p>The claim is a conditional write on the customer before SES is called. SES has no idempotency key, so one
 * window remains: the process dying after SES accepted the email and before this method returns is safe (the
 * claim is there), but dying after the claim and before SES accepted it loses that one email — we prefer never
 * sending twice. A send that fails with an error gives the claim back so the retry sends it.
 */
@Singleton
@Requires(beans = EmailSender.class) // only the functions that send email have an EmailSender; elsewhere this is no bean
public class AffirmationService {

    private static final Logger LOG = LoggerFactory.getLogger(AffirmationService.class);

    private final ShopStore shops;
    private final CustomerAccounts customers;
    private final EmailSender sender;
    private final Links links;
    private final AffirmationEmail emails;

    public AffirmationService(ShopStore shops, CustomerAccounts customers, EmailSender sender, Links links,
            AffirmationEmail emails) {
        this.shops = shops;
        this.customers = customers;
        this.sender = sender;
        this.links = links;
        this.emails = emails;
    }

    public enum Outcome { SENT, ALREADY_SENT, UNKNOWN_SHOP, UNKNOWN_CUSTOMER }

    public Outcome onOrderPlaced(OrderPlaced placed) {
        Order order = placed.order();
        int orderNumber = Math.max(1, placed.customerOrderNumber());
        String baseUrl = placed.linkBaseUrl() == null ? "" : placed.linkBaseUrl();
        Optional<Shop> shop = shops.findForMail(order.shop());
        if (shop.isEmpty()) {
            LOG.warn("OrderPlaced for unknown shop {}; nothing sent", order.shop());
            return Outcome.UNKNOWN_SHOP;
        }
        Optional<Customer> customer = customers.find(order.shop(), order.email());
        if (customer.isEmpty()) {
            LOG.warn("OrderPlaced {} for a customer intake never recorded ({}); nothing sent", order.orderId(),
                    CustomerEmails.mask(order.email()));
            return Outcome.UNKNOWN_CUSTOMER;
        }
        if (!customers.claimAffirmation(order.shop(), order.email(), order.orderId())) {
            LOG.info("thank-you for order {} of {} was already sent", order.orderId(), order.shop());
            return Outcome.ALREADY_SENT;
        }
        try {
            sender.send(message(shop.get(), customer.get(), order, orderNumber, baseUrl));
        } catch (RuntimeException e) {
            customers.releaseAffirmation(order.shop(), order.email(), order.orderId());
            throw e;
        }
        LOG.info("thank-you for order {} of {} sent to {}", order.orderId(), order.shop(),
                CustomerEmails.mask(order.email()));
        return Outcome.SENT;
    }

    EmailMessage message(Shop shop, Customer customer, Order order, int orderNumber, String baseUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (customer.unsubscribed()) {
            // Someone who unsubscribed gets a purely transactional thank-you: no referral pitch, nothing to leave.
            RenderedEmail email = emails.render(new AffirmationView(shop, order, orderNumber, null, null));
            return new EmailMessage(EmailKind.AFFIRMATION, shop.senderAddress(), shop.senderName(), order.email(),
                    null, email.subject(), email.text(), email.html(), headers, shop.domain());
        }
        String unsubscribeUrl = links.unsubscribeUrl(baseUrl, shop.domain(), customer.referralCode());
        String referralUrl = Links.referralUrl(baseUrl, customer.referralCode());
        RenderedEmail email = emails.render(new AffirmationView(shop, order, orderNumber, referralUrl, unsubscribeUrl));
        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the https URL.
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new EmailMessage(EmailKind.AFFIRMATION, shop.senderAddress(), shop.senderName(), order.email(), null,
                email.subject(), email.text(), email.html(), headers, shop.domain());
    }

}
