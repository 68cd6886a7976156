package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import loyaltyloop.json.Json;

/**
 * Everything stored about one customer in one shop as one JSON document: for {@code customers/data_request} (mailed
 * to the shop owner by {@link DataExportMailing}) and {@code shops customers export} (written to a file). Both build
 * it here.
 */
@Singleton
public class CustomerExport {

    static final String FORMAT = "loyalty-loop customer data export v1";

    private final PersonalData data;
    private final Clock clock;

    public CustomerExport(PersonalData data, Clock clock) {
        this.data = data;
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
