package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import loyaltyloop.email.EmailKind;
import loyaltyloop.email.EmailMessage;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.RenderedEmail;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Shop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code customers/data_request}'s answer: the export mailed to the shop owner, JSON attached, once per request. */
@Singleton
public class DataExportMailing {

    private static final Logger LOG = LoggerFactory.getLogger(DataExportMailing.class);

    private final CustomerExport export;
    private final PersonalData data;
    private final DataExportEmail email;
    private final EmailSender sender;
    private final Clock clock;

    public DataExportMailing(CustomerExport export, PersonalData data, DataExportEmail email, EmailSender sender,
            Clock clock) {
        this.export = export;
        this.data = data;
        this.email = email;
        this.sender = sender;
        this.clock = clock;
    }

    /**
     * Mails the export to the shop owner, once per request id (a repeated delivery or event sends nothing).
     * False when it had been sent before.
     */
    public boolean mailToOwner(Shop shop, String customerEmail, String requestId) {
        if (!data.claimRequest(shop.domain(), "data-request#" + requestId, clock.instant())) {
            LOG.info("data request {} of {} was answered before", requestId, shop.domain());
            return false;
        }
        try {
            ObjectNode doc = export.document(shop.domain(), customerEmail);
            String fileName = "customer-data-" + requestId.replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
            RenderedEmail rendered = email.render(shop, customerEmail, fileName, export.summary(doc));
            byte[] json = CustomerExport.pretty(doc).getBytes(StandardCharsets.UTF_8);
            sender.send(new EmailMessage(EmailKind.DATA_EXPORT, shop.senderAddress(), "loyalty-loop",
                    shop.ownerEmail(), null, rendered.subject(), rendered.text(), rendered.html(), Map.of(),
                    shop.domain(), List.of(new EmailMessage.Attachment(fileName, "application/json", json))));
            LOG.info("data export for {} of {} mailed to the owner ({} orders)", CustomerEmails.mask(customerEmail),
                    shop.domain(), doc.path("orders").size());
        } catch (RuntimeException e) {
            data.releaseRequest(shop.domain(), "data-request#" + requestId);
            throw e;
        }
        return true;
    }

}
