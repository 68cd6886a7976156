package loyaltyloop.survey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponIssuer;
import loyaltyloop.coupons.CouponStore;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerEmails;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.customers.LinkedCustomers;
import loyaltyloop.email.EmailLocale;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.email.SurveyEmails;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.followup.LoopStats;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.orders.Order;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.orders.OrderStore;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /s/{token}} pages: the survey form, and the answer that earns the coupon.
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

    /** A form post is a rating and at most 2,000 characters (up to 4 bytes each, percent-encoded: 12 bytes). */
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
    private final SurveyEmails pages;
    private final EmailTemplates problems;
    private final LinkedCustomers linkedCustomers;

    public SurveyAnswers(Links links, ShopStore shops, CustomerStore customers, OrderStore orders,
            SurveyResponses responses, CouponIssuer issuer, CouponStore coupons, EventPublisher events, LoopStats loopStats,
            Clock clock, SurveyEmails pages, EmailTemplates problems) {
        this.orders = orders;
        this.responses = responses;
        this.issuer = issuer;
        this.coupons = coupons;
        this.events = events;
        this.loopStats = loopStats;
        this.clock = clock;
        this.pages = pages;
        this.problems = problems;
        this.linkedCustomers = new LinkedCustomers(links, shops, customers);
    }

    /** An HTML page and its status. */
    public record Page(int status, String html) {
    }

    public Page show(String token, String formActionUrl) {
        Resolved r = resolve(token);
        Optional<Page> done = problemOrAnswered(r);
        if (done.isPresent()) {
            return done.get();
        }
        return new Page(200, pages.surveyForm(r.shop, r.locale(), r.order.orderName(), formActionUrl, null, null,
                null));
    }

    /** {@code body}: the form post ({@code rating=1..5&comment=...}), URL-encoded; null when it was too big. */
    public Page submit(String token, byte[] body, String formActionUrl) {
        Resolved r = resolve(token);
        Optional<Page> done = problemOrAnswered(r);
        if (done.isPresent()) {
            return done.get();
        }
        if (body == null) {
            return new Page(413, problems.linkProblemPage(EmailLocale.resolve(r.locale(), null), 400));
        }
        Map<String, String> form = form(body);
        Integer rating = rating(form.get("rating"));
        String comment = form.getOrDefault("comment", "").strip();
        if (rating == null) {
            return new Page(400, pages.surveyForm(r.shop, r.locale(), r.order.orderName(), formActionUrl, null,
                    comment, SurveyEmails.Problem.RATING_MISSING));
        }
        if (comment.codePointCount(0, comment.length()) > SurveyEmails.COMMENT_MAX) {
            return new Page(400, pages.surveyForm(r.shop, r.locale(), r.order.orderName(), formActionUrl, rating,
                    comment, SurveyEmails.Problem.COMMENT_TOO_LONG));
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
                return new Page(503, problems.linkProblemPage(EmailLocale.resolve(r.locale(), null), 503));
            }
            SurveyResponse response = new SurveyResponse(r.shop.domain(), r.order.orderId(), r.customer.email(),
                    rating, comment.isEmpty() ? null : comment, clock.instant(), coupon.code(), null);
            switch (responses.record(response, coupon)) {
                case RECORDED -> {
                    LOG.info("survey for order {} of {} answered by {}: {}/5", r.order.orderId(), r.shop.domain(),
                            CustomerEmails.mask(r.customer.email()), rating);
                    loopStats.add(r.shop.domain(), LocalDate.ofInstant(response.submittedAt(), ZoneOffset.UTC),
                            LoopStats.Count.SURVEYS_ANSWERED, 1);
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

    /** The page for a bad link, or the thank-you when the survey is answered already; empty otherwise. */
    private Optional<Page> problemOrAnswered(Resolved r) {
        if (r.problem != null) {
            return Optional.of(r.problem);
        }
        return responses.find(r.shop.domain(), r.order.orderId()).map(answered -> thanks(r, answered));
    }

    private Page thanks(Resolved r, SurveyResponse response) {
        if (response.publishedAt() == null
                && response.submittedAt().plus(REPUBLISH_AFTER).isBefore(clock.instant())) {
            publish(response); // the first submit could not reach the bus: this visit makes up for it
        }
        Coupon coupon = coupons.find(r.shop.domain(), response.couponCode()).orElseThrow(() ->
                new IllegalStateException("survey answer without its coupon: " + r.shop.domain()));
        return thanks(r, response, coupon);
    }

    private Page thanks(Resolved r, SurveyResponse response, Coupon coupon) {
        Coupon shown = coupon;
        try {
            shown = issuer.complete(r.shop, coupon);
        } catch (ProvisioningException e) {
            // The customer sees "on its way"; the SurveyCompleted consumer (and any revisit) tries again.
        }
        return new Page(200, pages.surveyThanks(r.shop, r.locale(), shown));
    }

    private void publish(SurveyResponse response) {
        ObjectNode detail = OrderJson.MAPPER.createObjectNode();
        detail.put("shop", response.shop());
        detail.put("orderId", response.orderId());
        detail.put("email", response.email());
        detail.put("rating", response.rating());
        detail.put("couponCode", response.couponCode());
        try {
            events.publish(new DomainEvent(SurveyEvents.SOURCE, SurveyEvents.SURVEY_COMPLETED, OrderJson.write(detail)));
            responses.markPublished(response.shop(), response.orderId(), clock.instant());
        } catch (RuntimeException e) {
            // The answer and coupon are safe; the next visit of the link publishes again.
            LOG.error("SurveyCompleted for order {} of {} not published", response.orderId(), response.shop(), e);
        }
    }

    private Resolved resolve(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.SURVEY);
        if (!linked.ok()) {
            return Resolved.problem(new Page(linked.problem(), problems.linkProblemPage(linked.locale(),
                    linked.problem())));
        }
        Customer customer = linked.customer();
        Optional<Order> order = orders.findOrderToShow(customer.shop(), linked.token().subject())
                .filter(o -> o.email().equals(customer.email()));
        if (order.isEmpty()) {
            return Resolved.problem(new Page(404, problems.linkProblemPage(linked.locale(), 404)));
        }
        return new Resolved(linked.shop(), customer, order.get(), null);
    }

    private record Resolved(Shop shop, Customer customer, Order order, Page problem) {
        static Resolved problem(Page page) {
            return new Resolved(null, null, null, page);
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

    /** The form's fields; the first value of a repeated field wins; malformed encoding reads as no field. */
    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: ignore the field, the checks below treat it as missing
            }
        }
        return fields;
    }
}
