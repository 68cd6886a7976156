package loyaltyloop.customers;

import jakarta.inject.Singleton;
import loyaltyloop.customers.UnsubscribeOutcome.LinkRefused;
import loyaltyloop.customers.UnsubscribeOutcome.UnsubscribeToConfirm;
import loyaltyloop.customers.UnsubscribeOutcome.Unsubscribed;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.shops.ShopStore;

/**
 * The unsubscribe link of every marketing email: a confirmation first, and the unsubscribe itself, which is also the
 * one-click unsubscribe of RFC 8058 that mail clients send. A bad or expired link changes nothing.
 */
@Singleton
public class Unsubscribes {

    private final CustomerAccounts accounts;
    private final LinkedCustomers linkedCustomers;

    public Unsubscribes(Links links, ShopStore shops, CustomerStore customerStore, CustomerAccounts accounts) {
        this.accounts = accounts;
        this.linkedCustomers = new LinkedCustomers(links, shops, customerStore);
    }

    public UnsubscribeOutcome show(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.UNSUBSCRIBE);
        if (!linked.ok()) {
            return new LinkRefused(linked.problem(), linked.locale());
        }
        return new UnsubscribeToConfirm(linked.shop(), linked.locale());
    }

    public UnsubscribeOutcome unsubscribe(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.UNSUBSCRIBE);
        if (!linked.ok()) {
            return new LinkRefused(linked.problem(), linked.locale());
        }
        accounts.unsubscribe(linked.shop().domain(), linked.customer().email());
        return new Unsubscribed(linked.shop(), linked.locale());
    }
}
