package loyaltyloop.survey;

import java.time.Instant;

/**
 * A customer's answer to the survey about one order, and the coupon it earned. One per (shop, order).
 *
 * @param comment as typed (trimmed); escaped wherever it is shown
 * @param publishedAt when {@code SurveyCompleted} was confirmed on the bus; null until then (a revisit publishes)
 */
public record SurveyResponse(String shop, String orderId, String email, int rating, String comment,
        Instant submittedAt, String couponCode, Instant publishedAt) {

    /** Ratings of 1 and 2 start service recovery. */
    public boolean unhappy() {
        return rating <= 2;
    }
}
