package loyaltyloop.deliverability;

/** Reads the sending account's standing from the email provider (SES in AWS). */
public interface SendingAccounts {

    SendingAccount current();
}
