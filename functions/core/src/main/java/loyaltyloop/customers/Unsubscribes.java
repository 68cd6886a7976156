package loyaltyloop.customers;

import jakarta.inject.Singleton;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;

/**
 * The {@code /u/{token}} pages: a confirmation page, and the one-click unsubscribe of RFC 8058 that mail clients
 * POST. A bad or expired token gets a friendly page and changes nothing.
 */
@Singleton
public class Unsubscribes {

    private final CustomerAccounts accounts;
    private final EmailTemplates templates;
    private final LinkedCustomers linkedCustomers;

    public Unsubscribes(Links links, ShopStore shops, CustomerStore customerStore, CustomerAccounts accounts,
            EmailTemplates templates) {
        this.accounts = accounts;
        this.templates = templates;
        this.linkedCustomers = new LinkedCustomers(links, shops, customerStore);
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
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.UNSUBSCRIBE);
        if (!linked.ok()) {
            return Resolved.problem(new Page(linked.problem(), templates.linkProblemPage(linked.locale(), linked.problem())));
        }
        return new Resolved(linked.shop(), linked.customer().email(), linked.locale(), null);
    }

    private record Resolved(Shop shop, String email, EmailLocale locale, Page problem) {
        static Resolved problem(Page page) {
            return new Resolved(null, null, null, page);
        }
    }
}
