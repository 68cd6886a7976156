package loyaltyloop.deliverability;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loyaltyloop.shops.Shop;

/**
 * The mail part of {@code shops check}: whether SES will deliver the shop's email at all (sandbox, paused or
 * reviewed account), how much of the daily quota is left, and whether the shop gave the postal address its
 * marketing and points emails must show.
 */
@Singleton
@Requires(beans = SendingAccounts.class)
public class MailSetupCheck {

    /** Below this share of the daily quota left, the check warns. */
    static final double LOW_QUOTA_SHARE = 0.1;

    private final SendingAccounts accounts;

    public MailSetupCheck(SendingAccounts accounts) {
        this.accounts = accounts;
    }

    /** The level of a finding, as {@code shops check} prints it (a problem makes it exit 1). */
    public enum Level { OK, WARNING, PROBLEM }

    /** One line of the check, in plain words; never an address or a secret. */
    public record Finding(Level level, String text) {
    }

    public List<Finding> check(Shop shop) {
        List<Finding> findings = new ArrayList<>();
        SendingAccount account;
        try {
            account = accounts.current();
        } catch (RuntimeException unreadable) {
            account = null;
            findings.add(new Finding(Level.WARNING, "Could not read the SES account's standing (sandbox, quota): "
                    + unreadable.getMessage() + " (the command's credentials need ses:GetAccount)."));
        }
        if (account != null) {
            findings.addAll(account(account));
        }
        findings.add(postalAddress(shop));
        return findings;
    }

    static List<Finding> account(SendingAccount a) {
        List<Finding> findings = new ArrayList<>();
        if (!a.productionAccess()) {
            findings.add(new Finding(Level.PROBLEM, "SES is in the sandbox: email reaches only verified addresses, so "
                    + "customers get nothing. Request production access in the SES console (Account dashboard)."));
        } else {
            findings.add(new Finding(Level.OK, "SES has production access."));
        }
        if (!a.sendingEnabled()) {
            findings.add(new Finding(Level.PROBLEM, "SES has paused sending for this account: no email goes out "
                    + "until it is resumed (SES console, Account dashboard)."));
        }
        String status = a.enforcementStatus() == null ? "HEALTHY" : a.enforcementStatus().toUpperCase(Locale.ROOT);
        if (status.equals("PROBATION")) {
            findings.add(new Finding(Level.WARNING, "SES has put the account under review (probation), usually for "
                    + "its bounce or complaint rate: see the digest's rates and the SES reputation dashboard."));
        } else if (status.equals("SHUTDOWN")) {
            findings.add(new Finding(Level.PROBLEM, "SES has shut down sending for this account after a review."));
        }
        String quota = String.format(Locale.ROOT, "%,.0f of the daily quota of %,.0f emails left (SES counts the last "
                + "24 hours); up to %,.0f a second (the template's SesMaxSendRate should be the same).",
                a.remainingToday(), a.max24HourSend(), a.maxSendRate());
        boolean low = a.max24HourSend() > 0 && a.remainingToday() < a.max24HourSend() * LOW_QUOTA_SHARE;
        findings.add(new Finding(low ? Level.WARNING : Level.OK, low
                ? quota + " Emails over the quota wait and are retried later; ask SES for a higher quota." : quota));
        return findings;
    }

    static Finding postalAddress(Shop shop) {
        if (shop.settings().mail().postalAddress() == null) {
            return new Finding(Level.WARNING, "No postal address: follow-up, survey and points emails go out without "
                    + "one, which CAN-SPAM requires in commercial email. Add it with shops add --postal-address.");
        }
        return new Finding(Level.OK, "Marketing and points emails show the shop's postal address.");
    }
}
