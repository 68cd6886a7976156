package loyaltyloop.owner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import loyaltyloop.email.CommonWording;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.MoneyFormat;
import loyaltyloop.email.Translation;

/** The sentences of the owner's daily digest that depend on its picks: how many, who, and why each. */
public record DigestWording(Translation t) {

    /** {@code names}: who each pick is (name or email), in order; empty when there are no picks. */
    public String subject(List<String> names, String shop) {
        return t.text(names.isEmpty() ? "digest.subject.none" : "digest.subject", names.size(),
                new CommonWording(t).list(names, "digest.names.last"), shop);
    }

    public String heading(int picks) {
        return t.text(picks == 0 ? "digest.heading.none" : "digest.heading", picks);
    }

    public String intro(int picks) {
        return t.text(picks == 0 ? "digest.intro.none" : "digest.intro");
    }

    /** Why this customer is worth a personal note today; null when the pick has no reason. */
    public String reason(OwnerDigestView.Pick pick, LocalDate day) {
        if (pick.reason() == null) {
            return null;
        }
        switch (pick.reason()) {
            case VIP_DUE_SOON:
                if (pick.dueAt() == null || day == null) {
                    return t.text("digest.reason.vipDueSoon");
                }
                long days = ChronoUnit.DAYS.between(day, utcDay(pick.dueAt()));
                return t.text("digest.reason.vipDueIn", Math.max(0, days));
            case LOW_RATING:
                String order = EmailTemplates.orderLabel(pick.orderName());
                return order == null ? t.text("digest.reason.lowRating")
                        : t.text("digest.reason.lowRating.order", order);
            case BIG_FIRST_ORDER:
                String details = orderDetails(EmailTemplates.orderLabel(pick.orderName()), pick.orderTotal() == null
                        ? null : MoneyFormat.format(pick.orderTotal(), t.locale()));
                return details == null ? t.text("digest.reason.bigFirstOrder")
                        : t.text("digest.reason.bigFirstOrder.details", details);
            default:
                return null;
        }
    }

    /** What is wrong with the shop's connection, one sentence each; empty when nothing is. */
    public List<String> warnings(OwnerDigestView.Connection connection) {
        List<String> lines = new java.util.ArrayList<>();
        if (connection.recoveredOrders() > 0) {
            lines.add(t.text("digest.warning.recovered", connection.recoveredOrders()));
        }
        if (connection.credentialsRefused()) {
            lines.add(t.text("digest.warning.credentials"));
        }
        return lines;
    }

    /** "#1001, $540.00", or whichever of the two there is; null for neither. */
    private String orderDetails(String orderName, String total) {
        if (orderName == null || total == null) {
            return orderName == null ? total : orderName;
        }
        return t.text("digest.reason.orderAndTotal", orderName, total);
    }

    public static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
