package loyaltyloop.aws;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import loyaltyloop.deliverability.SendingAccount;
import loyaltyloop.deliverability.SendingAccounts;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.SendQuota;

/** The account's standing from SES v2 {@code GetAccount} (needs {@code ses:GetAccount}; the admin CLI's credentials). */
@Singleton
@Requires(classes = SesV2Client.class)
public class SesSendingAccounts implements SendingAccounts {

    private final SesV2Client ses;

    public SesSendingAccounts(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public SendingAccount current() {
        GetAccountResponse account = ses.getAccount(b -> { });
        SendQuota quota = account.sendQuota();
        return new SendingAccount(Boolean.TRUE.equals(account.productionAccessEnabled()),
                !Boolean.FALSE.equals(account.sendingEnabled()), account.enforcementStatus(),
                quota == null || quota.max24HourSend() == null ? 0 : quota.max24HourSend(),
                quota == null || quota.sentLast24Hours() == null ? 0 : quota.sentLast24Hours(),
                quota == null || quota.maxSendRate() == null ? 0 : quota.maxSendRate());
    }
}
