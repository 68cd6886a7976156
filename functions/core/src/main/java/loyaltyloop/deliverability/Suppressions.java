package loyaltyloop.deliverability;

import jakarta.inject.Singleton;
import java.util.Optional;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.orders.CustomerEmails;

/**
 * The check every send passes through: the email transports (SES, the local outbox) ask it before sending, so no
 * path that sends email can forget it. The rule itself is {@link Suppression#blocks}.
 */
@Singleton
public class Suppressions {

    private final SuppressionList list;

    public Suppressions(SuppressionList list) {
        this.list = list;
    }

    /** True when bounces or complaints rule this email out. */
    public boolean blocked(EmailMessage message) {
        Optional<String> address = CustomerEmails.normalise(message.to());
        if (address.isEmpty()) {
            return false; // not an address we could have recorded; SES will answer for it
        }
        return list.find(message.shop(), address.get()).blocks(message.kind());
    }
}
