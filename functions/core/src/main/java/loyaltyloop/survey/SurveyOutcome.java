package loyaltyloop.survey;

import loyaltyloop.coupons.Coupon;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.shops.Shop;

/**
 * What a survey link showed or what answering it did. {@code locale} is the order's language tag (else the
 * customer's), as the survey's pages take it.
 */
public sealed interface SurveyOutcome {

    /** The survey, not answered yet. */
    record SurveyToAnswer(Shop shop, String locale, String orderName) implements SurveyOutcome {
    }

    /** An answer we could not take: asked again, with what was sent ({@code rating} null when it was no rating). */
    record AnswerRefused(Shop shop, String locale, String orderName, Integer rating, String comment,
            SurveyEmails.Problem problem) implements SurveyOutcome {
    }

    /**
     * Answered, now or before: the coupon it earned, usable once the shop's checkout knows it (until then it is on
     * its way by email).
     */
    record Answered(Shop shop, String locale, Coupon coupon) implements SurveyOutcome {
    }

    /** A post larger than any answer can be: not read, nothing stored. */
    record AnswerTooLarge(EmailLocale locale) implements SurveyOutcome {
    }

    /** No coupon code to promise right now (an empty pool): nothing stored, so the answer can be given again. */
    record TryLater(EmailLocale locale) implements SurveyOutcome {
    }

    /** The link cannot be used (or names an order that is not the customer's); nothing stored. */
    record LinkRefused(LinkProblem problem, EmailLocale locale) implements SurveyOutcome {
    }
}
