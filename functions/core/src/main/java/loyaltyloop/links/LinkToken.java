package loyaltyloop.links;

import java.time.Instant;

/**
 * What a signed link stands for: a purpose (unsubscribe, survey, points…), the shop, the customer's referral
 * code (an opaque customer reference: no email in URLs or access logs) and when it stops working.
 */
public record LinkToken(LinkPurpose purpose, String shop, String customerRef, Instant expiresAt) {
}
