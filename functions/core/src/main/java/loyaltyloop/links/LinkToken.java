package loyaltyloop.links;

import java.time.Instant;

/**
 * What a signed link stands for: a purpose (unsubscribe, survey, points…), the shop, the customer's referral
 * code (an opaque customer reference: no email in URLs or access logs), what it is about (the surveyed order's id;
 * empty when the purpose needs nothing more) and when it stops working.
 */
public record LinkToken(LinkPurpose purpose, String shop, String customerRef, String subject, Instant expiresAt) {

    public LinkToken {
        subject = subject == null ? "" : subject;
    }

    public LinkToken(LinkPurpose purpose, String shop, String customerRef, Instant expiresAt) {
        this(purpose, shop, customerRef, "", expiresAt);
    }
}
