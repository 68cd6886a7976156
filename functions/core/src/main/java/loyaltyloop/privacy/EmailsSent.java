package loyaltyloop.privacy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import loyaltyloop.json.Json;

/**
 * The emails sent to a customer by kind and date, as far as the loop records them: it keeps no mail log, only what
 * each feature needs (the thank-you claim per order, the follow-up count and the last marketing email, the survey's
 * follow-through claims, the points ledger). Entries with {@code count} and {@code lastAt} stand for several emails.
 */
final class EmailsSent {

    private EmailsSent() {
    }

    static ArrayNode of(CustomerFile file) {
        ArrayNode sent = Json.MAPPER.createArrayNode();
        Map<String, Object> profile = file.profile();
        if (profile != null) {
            Object affirmed = profile.get("affirmedOrders");
            if (affirmed instanceof List<?> orders) {
                for (Object orderId : orders) {
                    ObjectNode e = sent.addObject().put("kind", "affirmation").put("orderId", String.valueOf(orderId));
                    file.orders().stream().filter(o -> orderId.equals(o.get("orderId"))).findFirst()
                            .map(o -> o.get("storedAt")).ifPresent(at -> e.put("at", String.valueOf(at)));
                }
            }
            if (profile.get("followUpsSent") instanceof Number n && n.longValue() > 0) {
                ObjectNode e = sent.addObject().put("kind", "follow-up").put("count", n.longValue());
                if (profile.get("lastMarketingAt") != null
                        && !profile.get("lastMarketingAt").equals(profile.get("lastSurveyAt"))) {
                    e.put("lastAt", String.valueOf(profile.get("lastMarketingAt")));
                }
            }
            if (profile.get("lastSurveyAt") != null) {
                sent.addObject().put("kind", "survey").put("at", String.valueOf(profile.get("lastSurveyAt")));
            }
        }
        for (Map<String, Object> survey : file.surveys()) {
            add(sent, "coupon", survey.get("couponEmailAt"), survey.get("orderId"));
            add(sent, "service-recovery", survey.get("recoveryEmailAt"), survey.get("orderId"));
        }
        for (Map<String, Object> entry : file.pointsEntries()) {
            if ("referral".equals(entry.get("reason")) || "clawback".equals(entry.get("reason"))) {
                add(sent, "points", entry.get("at"), entry.get("reference"));
            }
        }
        return sent;
    }

    private static void add(ArrayNode sent, String kind, Object at, Object reference) {
        if (at != null) {
            sent.addObject().put("kind", kind).put("at", String.valueOf(at)).put("about", String.valueOf(reference));
        }
    }
}
