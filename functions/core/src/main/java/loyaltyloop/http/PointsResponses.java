package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import loyaltyloop.json.Json;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.points.PointsEmails;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.points.PointsOutcome;
import loyaltyloop.points.PointsOutcome.CouponPreparing;
import loyaltyloop.points.PointsOutcome.LinkRefused;
import loyaltyloop.points.PointsOutcome.NotEnoughPoints;
import loyaltyloop.points.PointsOutcome.Redeemed;
import loyaltyloop.points.PointsOutcome.Statement;
import loyaltyloop.points.PointsOutcome.TryLater;
import loyaltyloop.points.PointsOutcome.UnknownReward;
import loyaltyloop.shops.Shop;

/**
 * The answers of {@code /p/{token}} and {@code /p/{token}/redeem}: pages, and the statement as JSON for a shop
 * theme's points widget.
 */
@Singleton
public class PointsResponses {

    private static final String REDEEM = "/redeem";

    private final PointsEmails pages;
    private final EmailTemplates templates;

    public PointsResponses(PointsEmails pages, EmailTemplates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    /**
     * The outcome's page. {@code path} is the request's: the statement's, whose forms post to it plus
     * {@code /redeem}, or a redemption's, whose pages link back to the statement.
     */
    public APIGatewayV2HTTPResponse page(PointsOutcome outcome, String path) {
        String requestPath = path == null ? "" : path;
        String statementPath = requestPath.endsWith(REDEEM)
                ? requestPath.substring(0, requestPath.length() - REDEEM.length()) : null;
        if (outcome instanceof Statement s) {
            String redeemPath = (requestPath.endsWith("/")
                    ? requestPath.substring(0, requestPath.length() - 1) : requestPath) + REDEEM;
            return HttpResponses.page(200, pages.statementPage(s.locale(), s.shop(), s.balance(), s.entries(),
                    redeemPath, s.redemptionId()));
        }
        if (outcome instanceof Redeemed r) {
            return HttpResponses.page(200, pages.couponPage(r.locale(), r.shop(), r.coupon(), r.balance(),
                    statementPath));
        }
        if (outcome instanceof CouponPreparing p) {
            // Accepted, not done: its button sends the same redemption again.
            return HttpResponses.page(202, pages.preparingPage(p.locale(), p.points(), requestPath, p.redemptionId()));
        }
        if (outcome instanceof NotEnoughPoints n) {
            return HttpResponses.page(400, pages.notEnoughPointsPage(n.locale(), n.needed(), n.balance(),
                    statementPath));
        }
        if (outcome instanceof UnknownReward u) {
            return HttpResponses.page(400, pages.unknownTierPage(u.locale(), statementPath));
        }
        if (outcome instanceof TryLater t) {
            return HttpResponses.page(503, pages.unavailablePage(t.locale(), statementPath));
        }
        if (outcome instanceof LinkRefused refused) {
            return HttpResponses.linkProblemPage(templates, refused.problem(), refused.locale());
        }
        throw new IllegalArgumentException("no page for " + outcome);
    }

    /**
     * The statement as {@code {"balance": n, "entries": [{"points", "reason", "at"}]}}, or {@code {"error": ...}}
     * for a link that cannot be used. {@code origin} is the request's {@code Origin} header, or null.
     */
    public APIGatewayV2HTTPResponse json(PointsOutcome outcome, String origin) {
        if (outcome instanceof Statement s) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("balance", s.balance());
            ArrayNode entries = body.putArray("entries");
            for (LedgerEntry e : s.entries()) {
                entries.addObject().put("points", e.points()).put("reason", e.reason().wireName())
                        .put("at", e.at().toString());
            }
            return HttpResponses.crossOriginJson(200, body, storefrontOrigin(s.shop(), origin));
        }
        if (outcome instanceof LinkRefused refused) {
            String error = switch (refused.problem()) {
                case EXPIRED -> "link expired";
                case NOT_FOUND -> "unknown customer";
                case INVALID -> "invalid link";
            };
            return HttpResponses.crossOriginJson(HttpResponses.status(refused.problem()),
                    HttpResponses.errorBody(error),
                    refused.shop() == null ? null : storefrontOrigin(refused.shop(), origin));
        }
        throw new IllegalArgumentException("not a statement: " + outcome);
    }

    /**
     * The request's origin when it is the shop's storefront origin (scheme, host and port), else null: only the
     * shop's own storefront may read a customer's points.
     */
    static String storefrontOrigin(Shop shop, String origin) {
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
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
