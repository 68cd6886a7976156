package loyaltyloop.customers;

import jakarta.inject.Singleton;
import java.util.Optional;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.LinkSigner;
import loyaltyloop.links.Links;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/**
 * The {@code /u/{token}} pages: a confirmation page, and the one-click unsubscribe of RFC 8058 that mail clients
 * POST. A bad or expired token gets a friendly page and changes nothing.
 */
@Singleton
public class Unsubscribes {

    private final Links links;
    private final ShopStore shops;
    private final CustomerStore customerStore;
    private final CustomerAccounts accounts;
    private final EmailTemplates templates = new EmailTemplates();

    public Unsubscribes(Links links, ShopStore shops, CustomerStore customerStore, CustomerAccounts accounts) {
        this.links = links;
        this.shops = shops;
        this.customerStore = customerStore;
        this.accounts = accounts;
    }

    /** An HTML page and its status. */
    public record Page(int status, String html) {
    }

    public Page show(String token, String formActionUrl) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return r.problem;
        }
        return new Page(200, templates.unsubscribePage(r.locale, r.shop.senderName(), formActionUrl));
    }

    public Page unsubscribe(String token) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return r.problem;
        }
        accounts.unsubscribe(r.shop.domain(), r.email);
        return new Page(200, templates.unsubscribedPage(r.locale, r.shop.senderName()));
    }

    private Resolved resolve(String token) {
        LinkSigner.Verification v = links.signer().verify(token, LinkPurpose.UNSUBSCRIBE);
        if (v.status() == LinkSigner.Verification.Status.INVALID) {
            return Resolved.problem(new Page(400, templates.linkProblemPage(EmailLocale.EN, 400)));
        }
        Optional<Shop> shop = shops.find(v.token().shop());
        Optional<String> email = shop.flatMap(s -> customerStore.findEmailByReferralCode(s.domain(), v.token().customerRef()));
        Optional<Customer> customer = email.flatMap(e -> customerStore.find(shop.get().domain(), e));
        EmailLocale locale = EmailLocale.resolve(customer.map(Customer::locale).orElse(null),
                shop.map(Shop::defaultLocale).orElse(null));
        if (v.status() == LinkSigner.Verification.Status.EXPIRED) {
            return Resolved.problem(new Page(410, templates.linkProblemPage(locale, 410)));
        }
        if (customer.isEmpty()) {
            return Resolved.problem(new Page(404, templates.linkProblemPage(locale, 404)));
        }
        return new Resolved(shop.get(), customer.get().email(), locale, null);
    }

    private record Resolved(Shop shop, String email, EmailLocale locale, Page problem) {
        static Resolved problem(Page page) {
            return new Resolved(null, null, null, page);
        }
    }
}
