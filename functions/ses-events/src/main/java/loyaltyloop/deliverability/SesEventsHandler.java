package loyaltyloop.deliverability;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.Map;
import loyaltyloop.json.Json;

/**
 * SES's sending events from the account's default EventBridge bus ({@code source} {@code aws.ses}, detail-types
 * {@code Email Bounced}, {@code Email Complaint Received}, {@code Email Delivered}) → one call into
 * {@link MailFeedback}. Failures propagate so Lambda's async retries and the dead-letter queue take over.
 */
public class SesEventsHandler extends loyaltyloop.lambda.LoyaltyRequestHandler<Map<String, Object>, String> {

    @Inject
    MailFeedback feedback;

    public SesEventsHandler() {
    }

    public SesEventsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public String execute(Map<String, Object> event) {
        if (!"aws.ses".equals(event.get("source")) || !(event.get("detail") instanceof Map<?, ?> detail)) {
            return "ignored";
        }
        return SesMailEvent.read(Json.MAPPER.valueToTree(detail))
                .map(feedback::on)
                .map(Enum::name)
                .orElse("ignored");
    }
}
