package loyaltyloop.customers;

import jakarta.inject.Singleton;
import java.util.Optional;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkSigner;
import loyaltyloop.links.LinkToken;
import loyaltyloop.links.Links;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/**
 * Who a signed link in an email is for: checks the token for its purpose and finds the shop and the customer it
 * names (by referral code: no email address in URLs). Every customer-facing page starts here, so they all refuse a
 * bad link for the same {@link LinkProblem}s.
 */
@Singleton
public class LinkedCustomers {

    private final Links links;
    private final ShopStore shops;
    private final CustomerStore customers;

    public LinkedCustomers(Links links, ShopStore shops, CustomerStore customers) {
        this.links = links;
        this.shops = shops;
        this.customers = customers;
    }

    /**
     * What a link resolved to.
     *
     * @param problem null when the link is good
     * @param locale the customer's language where known, else the shop's, else English: for the page either way
     */
    public record Linked(LinkToken token, Shop shop, Customer customer, EmailLocale locale, LinkProblem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * {@link #resolve(String, LinkPurpose)}, and a good link counts as the customer's activity at {@code now}: written
     * on the profile just read, so a second visit the same day writes nothing.
     */
    public Linked resolveActivity(String rawToken, LinkPurpose purpose, java.time.Instant now) {
        Linked linked = resolve(rawToken, purpose);
        if (!linked.ok()) {
            return linked;
        }
        Customer seen = linked.customer();
        for (int attempt = 0; attempt < ACTIVITY_ATTEMPTS; attempt++) {
            Customer active = CustomerHistory.withActivity(seen, now);
            if (active == seen) {
                break;
            }
            if (customers.saveIfUnchanged(active)) {
                if (CustomerHistory.firstActivityOfStoredCustomer(seen, active)) {
                    customers.keepForRetention(seen.shop(), seen.email(), seen.referralCode(),
                            seen.firstOrderAt() != null ? seen.firstOrderAt() : now);
                }
                seen = active;
                break;
            }
            Optional<Customer> again = customers.find(seen.shop(), seen.email());
            if (again.isEmpty()) {
                break;
            }
            seen = again.get();
        }
        return new Linked(linked.token(), linked.shop(), seen, linked.locale(), null);
    }

    /** Conflicting writers on one customer are rare; the activity day is not worth failing a page for. */
    private static final int ACTIVITY_ATTEMPTS = 5;

    public Linked resolve(String rawToken, LinkPurpose purpose) {
        LinkSigner.Verification v = links.signer().verify(rawToken, purpose);
        if (v.status() == LinkSigner.Verification.Status.INVALID) {
            return new Linked(null, null, null, EmailLocale.EN, LinkProblem.INVALID);
        }
        Optional<Shop> shop = shops.find(v.token().shop());
        Optional<Customer> customer = shop
                .flatMap(s -> customers.findEmailByReferralCode(s.domain(), v.token().customerRef()))
                .flatMap(email -> customers.find(shop.get().domain(), email));
        EmailLocale locale = EmailLocale.resolve(customer.map(Customer::locale).orElse(null),
                shop.map(Shop::defaultLocale).orElse(null));
        if (v.status() == LinkSigner.Verification.Status.EXPIRED) {
            return new Linked(v.token(), shop.orElse(null), null, locale, LinkProblem.EXPIRED);
        }
        if (customer.isEmpty()) {
            return new Linked(v.token(), shop.orElse(null), null, locale, LinkProblem.NOT_FOUND);
        }
        return new Linked(v.token(), shop.get(), customer.get(), locale, null);
    }
}
