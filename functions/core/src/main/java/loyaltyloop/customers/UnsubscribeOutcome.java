package loyaltyloop.customers;

import loyaltyloop.email.EmailLocale;
import loyaltyloop.shops.Shop;

/** What following an unsubscribe link did. */
public sealed interface UnsubscribeOutcome {

    /** A good link, nothing changed yet: the customer confirms (mail scanners open links, only people press). */
    record UnsubscribeToConfirm(Shop shop, EmailLocale locale) implements UnsubscribeOutcome {
    }

    /** Unsubscribed from the shop's marketing email (again, harmlessly, when it already was). */
    record Unsubscribed(Shop shop, EmailLocale locale) implements UnsubscribeOutcome {
    }

    /** The link cannot be used; nothing changed. */
    record LinkRefused(LinkProblem problem, EmailLocale locale) implements UnsubscribeOutcome {
    }
}
