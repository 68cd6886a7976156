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
import loyaltyloop.json.Json;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.shops.Shop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything stored about one customer in one shop as one JSON document: for {@code customers/data_request} (mailed
 * to the shop owner, once per request) and {@code shops customers export} (written to a file). Both build it here.
 */
@Singleton
public class CustomerExport {

    static final String FORMAT = "loyalty-loop customer data export v1";
    private static final Logger LOG = LoggerFactory.getLogger(CustomerExport.class);

    private final PersonalData data;
    private final DataExportEmail email;
    private final EmailSender sender;
    private final Clock clock;

    public CustomerExport(PersonalData data, DataExportEmail email, EmailSender sender, Clock clock) {
        this.data = data;
        this.email = email;
        this.sender = sender;
        this.clock = clock;
    }

    /** What a document holds, for the email's summary. */
    public record Summary(List<String> orderIds, int surveys, int coupons, long pointsBalance, int referralsMade,
            int emailsSent, boolean empty) {
    }

    /** The export of one customer: a JSON object whose sections are documented in docs/privacy.md. */
    public ObjectNode document(String shop, String email) {
        return document(data.collect(shop, email));
    }

    ObjectNode document(CustomerFile file) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("generatedAt", clock.instant().toString());
        doc.put("shop", file.shop());
        doc.put("email", file.email());
        doc.set("profile", Json.MAPPER.valueToTree(file.profile()));
        doc.set("orders", Json.MAPPER.valueToTree(file.orders()));
        doc.set("surveyAnswers", Json.MAPPER.valueToTree(file.surveys()));
        doc.set("coupons", Json.MAPPER.valueToTree(file.coupons()));
        ObjectNode points = doc.putObject("points");
        points.put("balance", balance(file));
        points.set("ledger", Json.MAPPER.valueToTree(file.pointsEntries()));
        ObjectNode referrals = doc.putObject("referrals");
        referrals.set("code", Json.MAPPER.valueToTree(file.referralCode()));
        referrals.set("made", Json.MAPPER.valueToTree(file.referralsMade()));
        referrals.set("received", Json.MAPPER.valueToTree(file.referralsReceived()));
        doc.set("emailsSent", EmailsSent.of(file));
        doc.set("ownerDigestNotes", Json.MAPPER.valueToTree(file.digestNotes()));
        return doc;
    }

    public Summary summary(ObjectNode doc) {
        List<String> orderIds = new java.util.ArrayList<>();
        doc.path("orders").forEach(o -> orderIds.add(o.path("orderId").asText()));
        int sent = 0;
        for (var e : doc.path("emailsSent")) {
            sent += e.path("count").asInt(1);
        }
        boolean empty = doc.path("profile").isNull() && orderIds.isEmpty() && doc.path("coupons").isEmpty()
                && doc.path("points").path("ledger").isEmpty();
        return new Summary(orderIds, doc.path("surveyAnswers").size(), doc.path("coupons").size(),
                doc.path("points").path("balance").asLong(), doc.path("referrals").path("made").size(), sent, empty);
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
        ObjectNode doc = document(shop.domain(), customerEmail);
        String fileName = "customer-data-" + requestId.replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
        RenderedEmail rendered = email.render(shop, customerEmail, fileName, summary(doc));
        byte[] json = pretty(doc).getBytes(StandardCharsets.UTF_8);
        sender.send(new EmailMessage(EmailKind.DATA_EXPORT, shop.senderAddress(), "loyalty-loop", shop.ownerEmail(),
                null, rendered.subject(), rendered.text(), rendered.html(), Map.of(),
                List.of(new EmailMessage.Attachment(fileName, "application/json", json))));
        LOG.info("data export for {} of {} mailed to the owner ({} orders)", CustomerEmails.mask(customerEmail),
                shop.domain(), doc.path("orders").size());
        return true;
    }

    private static long balance(CustomerFile file) {
        Object b = file.pointsBalance() == null ? null : file.pointsBalance().get("balance");
        return b instanceof Number n ? n.longValue() : 0;
    }

    /** The document as people read it (indented), for the attachment and the export file. */
    public static String pretty(ObjectNode doc) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
