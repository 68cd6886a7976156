package loyaltyloop.deliverability;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
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

    private final Provider<SuppressionList> list;

    /** The list is looked up at the first send: building a transport needs no table client yet. */
    @Inject
    public Suppressions(Provider<SuppressionList> list) {
        this.list = list;
    }

    public Suppressions(SuppressionList list) {
        this(() -> list);
    }

    /** True when bounces or complaints rule this email out. */
    public boolean blocked(EmailMessage message) {
        Optional<String> address = CustomerEmails.normalise(message.to());
        if (address.isEmpty()) {
            return false; // not an address we could have recorded; SES will answer for it
        }
        return list.get().findBeforeSending(message.shop(), address.get()).blocks(message.kind());
    }
}
