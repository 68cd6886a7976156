package loyaltyloop.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import loyaltyloop.events.BusEvent;
import loyaltyloop.events.DetailFields;
import loyaltyloop.events.EventType;
import loyaltyloop.json.Json;

/**
 * A customer answered the survey about an order and was promised the coupon {@code couponCode}; published once the
 * answer is stored (again on a later visit of the link when the first publish failed).
 *
 * @param rating 1-5
 */
public record SurveyCompleted(String shop, String orderId, String email, int rating, String couponCode)
        implements BusEvent {

    public static final String SOURCE = "loyalty-loop.survey";
    public static final String DETAIL_TYPE = "SurveyCompleted";
    public static final EventType<SurveyCompleted> TYPE = new EventType<>(SOURCE, DETAIL_TYPE,
            SurveyCompleted::fromDetail);

    /** The event of a stored answer. */
    public static SurveyCompleted of(SurveyResponse response) {
        return new SurveyCompleted(response.shop(), response.orderId(), response.email(), response.rating(),
                response.couponCode());
    }

    @Override
    public EventType<SurveyCompleted> type() {
        return TYPE;
    }

    @Override
    public ObjectNode toDetail() {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.put("shop", shop);
        detail.put("orderId", orderId);
        detail.put("email", email);
        detail.put("rating", rating);
        detail.put("couponCode", couponCode);
        return detail;
    }

    static SurveyCompleted fromDetail(JsonNode detail) {
        return new SurveyCompleted(DetailFields.text(detail, "shop"), DetailFields.text(detail, "orderId"),
                DetailFields.text(detail, "email"), DetailFields.integer(detail, "rating"),
                DetailFields.text(detail, "couponCode"));
    }
}
