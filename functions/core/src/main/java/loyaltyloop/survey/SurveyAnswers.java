package loyaltyloop.survey;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.customers.LinkProblem;
import loyaltyloop.customers.LinkedCustomers;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.survey.SurveyEmails;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.stats.LoopStats;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.survey.SurveyOutcome.AnswerRefused;
import loyaltyloop.survey.SurveyOutcome.AnswerTooLarge;
import loyaltyloop.survey.SurveyOutcome.Answered;
import loyaltyloop.survey.SurveyOutcome.LinkRefused;
import loyaltyloop.survey.SurveyOutcome.SurveyToAnswer;
import loyaltyloop.survey.SurveyOutcome.TryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The survey behind a survey link: showing it, and the answer that earns the coupon.
 *
 * <p>An answer is stored in one transaction with its coupon (PENDING), so six submits at once store one answer and
 * one coupon; every submit after the first shows that same coupon. The coupon is shown only once it works at the
 * shop's checkout ({@link CouponIssuer#complete}); until then the page says it is on its way, and the
 * {@code SurveyCompleted} consumer finishes it and emails it. A bad, tampered or expired link, or a refused answer,
 * writes nothing.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class SurveyAnswers {

    /** An answer is a rating and at most 2,000 characters (up to 4 bytes each, percent-encoded: 12 bytes). */
    public static final int MAX_BODY_BYTES = 32 * 1024;
    /** Long enough that a concurrent first submit has surely published; short enough to heal quickly. */
    private static final java.time.Duration REPUBLISH_AFTER = java.time.Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SurveyAnswers.class);

    private final OrderStore orders;
    private final SurveyResponses responses;
    private final CouponIssuer issuer;
    private final CouponStore coupons;
    private final EventPublisher events;
    private final LoopStats loopStats;
    private final Clock clock;
    private final LinkedCustomers linkedCustomers;

    public SurveyAnswers(Links links, ShopStore shops, CustomerStore customers, OrderStore orders,
            SurveyResponses responses, CouponIssuer issuer, CouponStore coupons, EventPublisher events, LoopStats loopStats,
            Clock clock) {
        this.orders = orders;
        this.responses = responses;
        this.issuer = issuer;
        this.coupons = coupons;
        this.events = events;
        this.loopStats = loopStats;
        this.clock = clock;
        this.linkedCustomers = new LinkedCustomers(links, shops, customers);
    }

    /**
     * An answer as posted, unchecked: {@code rating} and {@code comment} as sent (null when missing); or a post too
     * large to be read.
     */
    public record Submission(String rating, String comment, boolean tooLarge) {

        public static Submission of(String rating, String comment) {
            return new Submission(rating, comment, false);
        }

        /** A post over {@link SurveyAnswers#MAX_BODY_BYTES}. */
        public static Submission tooLargeToRead() {
            return new Submission(null, null, true);
        }
    }

    public SurveyOutcome show(String token) {
        Resolved r = resolve(token);
        Optional<SurveyOutcome> done = problemOrAnswered(r);
        if (done.isPresent()) {
            return done.get();
        }
        return new SurveyToAnswer(r.shop, r.locale(), r.order.orderName());
    }

    public SurveyOutcome submit(String token, Submission submission) {
        Resolved r = resolve(token);
        Optional<SurveyOutcome> done = problemOrAnswered(r);
        if (done.isPresent()) {
            return done.get();
        }
        if (submission.tooLarge()) {
            return new AnswerTooLarge(EmailLocale.resolve(r.locale(), null));
        }
        Integer rating = rating(submission.rating());
        String comment = submission.comment() == null ? "" : submission.comment().strip();
        if (rating == null) {
            return new AnswerRefused(r.shop, r.locale(), r.order.orderName(), null, comment,
                    SurveyEmails.Problem.RATING_MISSING);
        }
        if (comment.codePointCount(0, comment.length()) > SurveyEmails.COMMENT_MAX) {
            return new AnswerRefused(r.shop, r.locale(), r.order.orderName(), rating, comment,
                    SurveyEmails.Problem.COMMENT_TOO_LONG);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Coupon coupon;
            try {
                coupon = issuer.draft(r.shop, r.customer.email(), r.shop.settings().coupons().surveyReward(),
                        Coupon.Origin.SURVEY, r.order.orderId());
            } catch (ProvisioningException noCode) {
                // No code to promise (an empty pool): store nothing, so the answer can be given again later.
                LOG.error("survey for order {} of {} not recorded: {}", r.order.orderId(), r.shop.domain(),
                        noCode.getMessage());
                return new TryLater(EmailLocale.resolve(r.locale(), null));
            }
            SurveyResponse response = new SurveyResponse(r.shop.domain(), r.order.orderId(), r.customer.email(),
                    rating, comment.isEmpty() ? null : comment, clock.instant(), coupon.code(), null);
            switch (responses.record(response, coupon)) {
                case RECORDED -> {
                    LOG.info("survey for order {} of {} answered by {}: {}/5", r.order.orderId(), r.shop.domain(),
                            CustomerEmails.mask(r.customer.email()), rating);
                    loopStats.add(r.shop.domain(), LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC),
                            java.util.Map.of(LoopStats.Count.SURVEYS_ANSWERED, 1L, LoopStats.Count.rated(rating), 1L));
                    publish(response);
                    return thanks(r, response, coupon);
                }
                case ALREADY_ANSWERED -> {
                    issuer.discard(r.shop, coupon);
                    return thanks(r, responses.find(r.shop.domain(), r.order.orderId()).orElseThrow());
                }
                case CODE_TAKEN -> issuer.discard(r.shop, coupon);
            }
        }
        throw new IllegalStateException("no free coupon code after 3 draws in " + r.shop.domain());
    }

    /** Why the link cannot be used, or the answer when the survey is answered already; empty otherwise. */
    private Optional<SurveyOutcome> problemOrAnswered(Resolved r) {
        if (r.problem != null) {
            return Optional.of(r.problem);
        }
        return responses.find(r.shop.domain(), r.order.orderId()).map(answered -> thanks(r, answered));
    }

    private SurveyOutcome thanks(Resolved r, SurveyResponse response) {
        if (response.publishedAt() == null
                && response.submittedAt().plus(REPUBLISH_AFTER).isBefore(clock.instant())) {
            publish(response); // the first submit could not reach the bus: this visit makes up for it
        }
        Coupon coupon = coupons.find(r.shop.domain(), response.couponCode()).orElseThrow(() ->
                new IllegalStateException("survey answer without its coupon: " + r.shop.domain()));
        return thanks(r, response, coupon);
    }

    private SurveyOutcome thanks(Resolved r, SurveyResponse response, Coupon coupon) {
        Coupon shown = coupon;
        try {
            shown = issuer.complete(r.shop, coupon);
        } catch (ProvisioningException e) {
            // The customer sees "on its way"; the SurveyCompleted consumer (and any revisit) tries again.
        }
        return new Answered(r.shop, r.locale(), shown);
    }

    private void publish(SurveyResponse response) {
        try {
            events.publish(SurveyCompleted.of(response));
            responses.markPublished(response.shop(), response.orderId(), clock.instant());
        } catch (RuntimeException e) {
            // The answer and coupon are safe; the next visit of the link publishes again.
            LOG.error("SurveyCompleted for order {} of {} not published", response.orderId(), response.shop(), e);
        }
    }

    private Resolved resolve(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.SURVEY);
        if (!linked.ok()) {
            return Resolved.problem(new LinkRefused(linked.problem(), linked.locale()));
        }
        Customer customer = linked.customer();
        Optional<Order> order = orders.findOrderToShow(customer.shop(), linked.token().subject())
                .filter(o -> o.email().equals(customer.email()));
        if (order.isEmpty()) {
            return Resolved.problem(new LinkRefused(LinkProblem.NOT_FOUND, linked.locale()));
        }
        return new Resolved(linked.shop(), customer, order.get(), null);
    }

    private record Resolved(Shop shop, Customer customer, Order order, LinkRefused problem) {
        static Resolved problem(LinkRefused refused) {
            return new Resolved(null, null, null, refused);
        }

        String locale() {
            return order.locale() != null ? order.locale() : customer.locale();
        }
    }

    /** A rating 1..5, or null for anything else (missing, "0", "5.0", "abc", "１"). */
    static Integer rating(String value) {
        if (value == null || value.length() != 1 || value.charAt(0) < '1' || value.charAt(0) > '5') {
            return null;
        }
        return value.charAt(0) - '0';
    }
}
