package loyaltyloop.points;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
import loyaltyloop.email.PointsEmails;
import loyaltyloop.events.DomainEvent;
import loyaltyloop.events.EventPublisher;
import loyaltyloop.links.LinkPurpose;
import loyaltyloop.links.Links;
import loyaltyloop.orders.OrderJson;
import loyaltyloop.shops.LoyaltySettings.RedeemTier;
import loyaltyloop.shops.Shop;
import loyaltyloop.shops.ShopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /p/{token}} (the statement, as HTML or as JSON for a theme's widget) and
 * {@code POST /p/{token}/redeem} (points for a coupon). A bad or expired token gets a friendly 4xx and changes
 * nothing. A redemption is idempotent per redemption id (a hidden field of the statement's forms): submitting the
 * same form again shows the same coupon, and finishes one the shop had not confirmed yet.
 */
@Singleton
@Requires(beans = EventPublisher.class)
public class PointsPages {

    private static final Logger LOG = LoggerFactory.getLogger(PointsPages.class);
    private static final Pattern REDEMPTION_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PointsLedger ledger;
    private final CouponIssuer issuer;
    private final CouponStore coupons;
    private final EventPublisher events;
    private final Clock clock;
    private final LinkedCustomers linkedCustomers;
    private final PointsEmails pages;
    private final EmailTemplates templates;

    public PointsPages(Links links, ShopStore shops, CustomerStore customers, PointsLedger ledger, CouponIssuer issuer,
            CouponStore coupons, EventPublisher events, Clock clock, PointsEmails pages, EmailTemplates templates) {
        this.ledger = ledger;
        this.issuer = issuer;
        this.coupons = coupons;
        this.events = events;
        this.clock = clock;
        this.pages = pages;
        this.templates = templates;
        this.linkedCustomers = new LinkedCustomers(links, shops, customers);
    }

    /**
     * What to answer: an HTML page, or JSON; {@code allowOrigin} is the shop's storefront origin when the request
     * came from it (for {@code Access-Control-Allow-Origin}), else null.
     */
    public record Answer(int status, String html, ObjectNode json, String allowOrigin) {
    }

    /** The statement. {@code origin} is the request's {@code Origin} header (may be null). */
    public Answer statement(String token, boolean json, String origin, String pagePath) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return json ? jsonProblem(r, origin) : new Answer(r.problem, problemPage(r), null, null);
        }
        PointsLedger.Statement statement = ledger.statement(r.shop.domain(), r.customer.email());
        if (json) {
            ObjectNode body = OrderJson.MAPPER.createObjectNode();
            body.put("balance", statement.balance());
            ArrayNode entries = body.putArray("entries");
            for (LedgerEntry e : statement.entries()) {
                entries.addObject().put("points", e.points()).put("reason", e.reason().wireName())
                        .put("at", e.at().toString());
            }
            return new Answer(200, null, body, allowedOrigin(r.shop, origin));
        }
        return new Answer(200, pages.statementPage(r.locale, r.shop, statement.balance(), statement.entries(),
                redeemPath(pagePath), newRedemptionId()), null, null);
    }

    /** A redemption; {@code form} is the urlencoded body ({@code points}, {@code rid}). */
    public Answer redeem(String token, String form, String redeemPath) {
        Resolved r = resolve(token);
        if (r.problem != null) {
            return new Answer(r.problem, problemPage(r), null, null);
        }
        String statementPath = statementPath(redeemPath);
        Map<String, String> fields = formFields(form);
        RedeemTier tier = null;
        for (RedeemTier t : r.shop.settings().referrals().tiers()) {
            if (String.valueOf(t.points()).equals(fields.get("points"))) {
                tier = t;
            }
        }
        if (tier == null) {
            return page(400, pages.unknownTierPage(r.locale, statementPath));
        }
        String sent = fields.get("rid");
        String rid = sent != null && REDEMPTION_ID.matcher(sent).matches() ? sent : newRedemptionId();
        String shop = r.shop.domain();
        String email = r.customer.email();
        Optional<LedgerEntry> done = ledger.findEntry(shop, email, LedgerEntry.Reason.REDEEM, rid);
        if (done.isPresent()) {
            return finish(r, done.get(), redeemPath, statementPath);
        }
        long balance = ledger.balance(shop, email);
        if (balance < tier.points()) {
            return page(400, pages.notEnoughPointsPage(r.locale, tier.points(), balance, statementPath));
        }
        Coupon draft;
        try {
            draft = issuer.draft(r.shop, email, tier.terms(), Coupon.Origin.POINTS, rid);
        } catch (ProvisioningException e) {
            LOG.warn("points redemption at {} unavailable: {}", shop, e.getMessage());
            return page(503, pages.unavailablePage(r.locale, statementPath));
        }
        LedgerEntry entry = new LedgerEntry(LedgerEntry.Reason.REDEEM, rid, -tier.points(), clock.instant(), null, 0,
                draft.code(), null);
        PointsLedger.Redemption outcome;
        try {
            outcome = ledger.redeem(shop, email, entry, draft);
        } catch (RuntimeException e) {
            issuer.discard(r.shop, draft);
            throw e;
        }
        switch (outcome) {
            case NOT_ENOUGH_POINTS:
                issuer.discard(r.shop, draft);
                return page(400, pages.notEnoughPointsPage(r.locale, tier.points(), ledger.balance(shop, email),
                        statementPath));
            case ALREADY_REDEEMED:
                issuer.discard(r.shop, draft);
                return ledger.findEntry(shop, email, LedgerEntry.Reason.REDEEM, rid)
                        .map(e -> finish(r, e, redeemPath, statementPath))
                        .orElseThrow(() -> new IllegalStateException("redemption " + rid + " vanished"));
            default:
                ObjectNode detail = PointsEvents.detail(shop, r.customer, entry, balance - tier.points());
                detail.put("couponCode", draft.code());
                events.publish(new DomainEvent(PointsEvents.SOURCE, PointsEvents.POINTS_REDEEMED, OrderJson.write(detail)));
                LOG.info("{} redeemed {} points at {} (redemption {})", CustomerEmails.mask(email), tier.points(), shop,
                        rid);
                return finish(r, entry, redeemPath, statementPath);
        }
    }

    /** Shows the coupon a redemption bought, making it work at checkout first when it does not yet. */
    private Answer finish(Resolved r, LedgerEntry entry, String redeemPath, String statementPath) {
        String shop = r.shop.domain();
        Coupon coupon = coupons.find(shop, entry.couponCode())
                .orElseThrow(() -> new IllegalStateException("coupon of redemption " + entry.reference() + " missing"));
        try {
            coupon = issuer.complete(r.shop, coupon);
        } catch (ProvisioningException e) {
            return page(202, pages.preparingPage(r.locale, -entry.points(), redeemPath, entry.reference()));
        }
        return page(200, pages.couponPage(r.locale, r.shop, coupon, ledger.balance(shop, r.customer.email()),
                statementPath));
    }

    private Resolved resolve(String token) {
        LinkedCustomers.Linked linked = linkedCustomers.resolve(token, LinkPurpose.POINTS);
        return new Resolved(linked.shop(), linked.customer(), linked.locale(), linked.ok() ? null : linked.problem());
    }

    private record Resolved(Shop shop, Customer customer, EmailLocale locale, Integer problem) {
    }

    private String problemPage(Resolved r) {
        return templates.linkProblemPage(r.locale, r.problem);
    }

    private Answer jsonProblem(Resolved r, String origin) {
        ObjectNode body = OrderJson.MAPPER.createObjectNode();
        body.put("error", switch (r.problem) {
            case 410 -> "link expired";
            case 404 -> "unknown customer";
            default -> "invalid link";
        });
        return new Answer(r.problem, null, body, r.shop == null ? null : allowedOrigin(r.shop, origin));
    }

    private static Answer page(int status, String html) {
        return new Answer(status, html, null, null);
    }

    /** The request's origin when it is the shop's storefront origin (scheme, host and port), else null. */
    static String allowedOrigin(Shop shop, String origin) {
        if (origin == null || shop.storefrontUrl() == null) {
            return null;
        }
        try {
            URI storefront = new URI(shop.storefrontUrl().strip());
            if (storefront.getScheme() == null || storefront.getRawAuthority() == null) {
                return null;
            }
            String allowed = storefront.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + storefront.getRawAuthority().toLowerCase(Locale.ROOT);
            return allowed.equals(origin.strip().toLowerCase(Locale.ROOT)) ? allowed : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String redeemPath(String pagePath) {
        String path = pagePath == null ? "" : pagePath;
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/redeem";
    }

    private static String statementPath(String redeemPath) {
        String path = redeemPath == null ? "" : redeemPath;
        return path.endsWith("/redeem") ? path.substring(0, path.length() - "/redeem".length()) : null;
    }

    private static String newRedemptionId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Map<String, String> formFields(String form) {
        Map<String, String> fields = new HashMap<>();
        if (form == null) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            try {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim());
            } catch (IllegalArgumentException malformed) {
                // ignored: a field we cannot read is a field not sent
            }
        }
        return fields;
    }
}
