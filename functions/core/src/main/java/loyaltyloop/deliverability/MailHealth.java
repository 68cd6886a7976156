package loyaltyloop.deliverability;

/**
 * A shop's week of mail as SES reported it, beside the rates at which SES reviews an account: a bounce rate over 5%
 * (permanent bounces of the emails SES tried to deliver) or a complaint rate over 0.1% (of the emails delivered).
 * Rates are null when nothing was sent to base them on.
 */
public record MailHealth(long delivered, long bounced, long complained) {

    public static final double SES_BOUNCE_REVIEW_RATE = 0.05;
    public static final double SES_COMPLAINT_REVIEW_RATE = 0.001;

    /** Permanent bounces out of the emails SES tried to deliver (delivered + bounced). */
    public Double bounceRate() {
        long attempted = delivered + bounced;
        return attempted == 0 ? null : (double) bounced / attempted;
    }

    /** Complaints out of the emails delivered. */
    public Double complaintRate() {
        return delivered == 0 ? (complained == 0 ? null : 1.0) : (double) complained / delivered;
    }

    public boolean bounceRateOverThreshold() {
        Double rate = bounceRate();
        return rate != null && rate > SES_BOUNCE_REVIEW_RATE;
    }

    public boolean complaintRateOverThreshold() {
        Double rate = complaintRate();
        return rate != null && rate > SES_COMPLAINT_REVIEW_RATE;
    }

    public boolean anything() {
        return delivered + bounced + complained > 0;
    }
}
