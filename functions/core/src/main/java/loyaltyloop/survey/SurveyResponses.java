package loyaltyloop.survey;

import java.util.Optional;
import loyaltyloop.coupons.Coupon;

/** Where survey answers are kept, with the coupon each earned. */
public interface SurveyResponses {

    Optional<SurveyResponse> find(String shop, String orderId);

    enum Recorded { RECORDED, ALREADY_ANSWERED, CODE_TAKEN }

    /** Stores the answer and its (PENDING) coupon together, or neither. */
    Recorded record(SurveyResponse response, Coupon coupon);

    void markPublished(String shop, String orderId, java.time.Instant at);

    /** What the survey sets off, each at most once. */
    enum Step { COUPON_EMAIL, RECOVERY_EMAIL, OWNER_ALERT }

    /** True exactly once per (survey, step): the caller may do the step. */
    boolean claim(String shop, String orderId, Step step, java.time.Instant at);

    /** Gives a claim back after the step failed, so a retry does it. */
    void release(String shop, String orderId, Step step);
}
