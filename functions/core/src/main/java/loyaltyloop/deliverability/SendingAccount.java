package loyaltyloop.deliverability;

/**
 * What SES says about the account the stack sends from (SES v2 {@code GetAccount}).
 *
 * @param productionAccess false while the account is in the SES sandbox (mail reaches verified addresses only)
 * @param sendingEnabled false when SES paused sending for the account
 * @param enforcementStatus SES's review of the account: HEALTHY, PROBATION or SHUTDOWN
 * @param max24HourSend the daily quota (emails in any 24 hours)
 * @param sentLast24Hours what was sent in the last 24 hours
 * @param maxSendRate emails per second; the template's {@code SesMaxSendRate} should match it
 */
public record SendingAccount(boolean productionAccess, boolean sendingEnabled, String enforcementStatus,
        double max24HourSend, double sentLast24Hours, double maxSendRate) {

    public double remainingToday() {
        return Math.max(0, max24HourSend - sentLast24Hours);
    }
}
