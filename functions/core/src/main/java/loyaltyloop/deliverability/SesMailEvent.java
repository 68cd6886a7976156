package loyaltyloop.deliverability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SES sending event as SES publishes it through a configuration set's EventBridge destination: the event's
 * {@code detail} holds {@code eventType}, the {@code mail} object (with our message tags) and one object named after
 * the event ({@code bounce}, {@code complaint}, {@code delivery}). Only what the loop acts on is read.
 *
 * @param type Bounce, Complaint or Delivery (others are not read)
 * @param bounceType for a bounce: Permanent, Transient or Undetermined
 * @param bounceSubType for a bounce: e.g. General, NoEmail, Suppressed, OnAccountSuppressionList, MailboxFull
 * @param shop the {@code shop} message tag; null when the email was not sent by the loop
 * @param kind the {@code kind} message tag; null when missing
 */
public record SesMailEvent(Type type, String messageId, String bounceType, String bounceSubType, String shop,
        String kind, List<String> recipients, Instant at) {

    public enum Type { BOUNCE, COMPLAINT, DELIVERY }

    public SesMailEvent {
        recipients = List.copyOf(recipients);
    }

    public boolean permanentBounce() {
        return type == Type.BOUNCE && "Permanent".equals(bounceType);
    }

    public boolean transientBounce() {
        return type == Type.BOUNCE && "Transient".equals(bounceType);
    }

    /** Reads the event's {@code detail}; empty for an event type the loop does not act on or a detail it cannot read. */
    public static Optional<SesMailEvent> read(JsonNode detail) {
        if (detail == null || !detail.isObject()) {
            return Optional.empty();
        }
        String eventType = detail.path("eventType").asText(detail.path("notificationType").asText(""));
        JsonNode mail = detail.path("mail");
        String shop = tag(mail, "shop");
        String kind = tag(mail, "kind");
        String messageId = mail.path("messageId").asText(null);
        return switch (eventType) {
            case "Bounce" -> {
                JsonNode bounce = detail.path("bounce");
                yield Optional.of(new SesMailEvent(Type.BOUNCE, messageId, bounce.path("bounceType").asText(null),
                        bounce.path("bounceSubType").asText(null), shop, kind,
                        addresses(bounce.path("bouncedRecipients")), instant(bounce, mail)));
            }
            case "Complaint" -> {
                JsonNode complaint = detail.path("complaint");
                yield Optional.of(new SesMailEvent(Type.COMPLAINT, messageId, null, null, shop, kind,
                        addresses(complaint.path("complainedRecipients")), instant(complaint, mail)));
            }
            case "Delivery" -> {
                JsonNode delivery = detail.path("delivery");
                List<String> recipients = new ArrayList<>();
                for (JsonNode r : delivery.path("recipients")) {
                    if (r.isTextual()) {
                        recipients.add(r.asText());
                    }
                }
                yield Optional.of(new SesMailEvent(Type.DELIVERY, messageId, null, null, shop, kind, recipients,
                        instant(delivery, mail)));
            }
            default -> Optional.empty();
        };
    }

    /** SES publishes each tag as an array of values. */
    private static String tag(JsonNode mail, String name) {
        JsonNode values = mail.path("tags").path(name);
        if (values.isArray() && !values.isEmpty() && values.get(0).isTextual()) {
            return values.get(0).asText();
        }
        return values.isTextual() ? values.asText() : null;
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode r : recipients) {
            String address = r.path("emailAddress").asText(null);
            if (address != null) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static Instant instant(JsonNode event, JsonNode mail) {
        for (JsonNode candidate : List.of(event.path("timestamp"), mail.path("timestamp"))) {
            if (candidate.isTextual()) {
                try {
                    return Instant.parse(candidate.asText());
                } catch (DateTimeParseException ignored) {
                    // try the next one
                }
            }
        }
        return null;
    }
}
