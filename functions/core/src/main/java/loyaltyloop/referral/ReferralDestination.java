package loyaltyloop.referral;

import loyaltyloop.email.EmailLocale;

/** Where a referral link takes its visitor. */
public sealed interface ReferralDestination {

    /** The shop's own storefront: with {@code ref} set to the code when the code was one of ours. */
    record Storefront(String url) implements ReferralDestination {
    }

    /** Nowhere: no shop knows the code, and there is no single storefront to send the visitor to instead. */
    record UnknownCode(EmailLocale locale) implements ReferralDestination {
    }
}
