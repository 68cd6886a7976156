package loyaltyloop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Currency;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.json.Json;
import loyaltyloop.ladder.LadderTally;
import loyaltyloop.ladder.Stage;
import loyaltyloop.orders.Money;
import loyaltyloop.owner.OwnerInsight;
import loyaltyloop.owner.OwnerPage;
import loyaltyloop.owner.OwnerPages;

/** The answers of {@code GET /o/{token}}: the owner page, or the same numbers as JSON. */
@Singleton
public class OwnerResponses {

    private final OwnerPage page;
    private final EmailTemplates templates;

    public OwnerResponses(OwnerPage page, EmailTemplates templates) {
        this.page = page;
        this.templates = templates;
    }

    public APIGatewayV2HTTPResponse page(OwnerPages.Outcome outcome) {
        if (outcome instanceof OwnerPages.Shown shown) {
            return HttpResponses.page(200, page.render(shown.insight()));
        }
        OwnerPages.Refused refused = (OwnerPages.Refused) outcome;
        return HttpResponses.linkProblemPage(templates, refused.problem(), refused.locale());
    }

    public APIGatewayV2HTTPResponse json(OwnerPages.Outcome outcome) {
        if (outcome instanceof OwnerPages.Shown shown) {
            return HttpResponses.json(200, body(shown.insight()));
        }
        OwnerPages.Refused refused = (OwnerPages.Refused) outcome;
        String error = switch (refused.problem()) {
            case EXPIRED -> "link expired";
            case NOT_FOUND -> "unknown shop";
            case INVALID -> "invalid link";
        };
        return HttpResponses.json(HttpResponses.status(refused.problem()), HttpResponses.errorBody(error));
    }

    /** The owner JSON of issue 17, field for field. */
    static ObjectNode body(OwnerInsight insight) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("customers", insight.customers());
        ObjectNode stages = body.putObject("stages");
        for (Stage stage : new Stage[] {Stage.FIRST_TIME, Stage.REPEAT, Stage.LOYAL, Stage.ADVOCATE, Stage.LAPSED}) {
            stages.put(stage.wireName(), insight.stages().get(stage));
        }
        ObjectNode moves = body.putObject("moves");
        moves(moves.putObject("last7Days"), insight.last7Days());
        moves(moves.putObject("last30Days"), insight.last30Days());
        body.putObject("promise").put("withinWindow", insight.withinWindow()).put("overdue", insight.overdue());
        ObjectNode surveys = body.putObject("surveys").put("answered", insight.surveysAnswered());
        if (insight.averageRating() == null) {
            surveys.putNull("averageRating");
        } else {
            surveys.put("averageRating", insight.averageRating());
        }
        body.putObject("referrals").put("clicks", insight.referralClicks())
                .put("conversions", insight.referralConversions());
        body.putObject("coupons").put("issued", insight.couponsIssued()).put("redeemed", insight.couponsRedeemed());
        body.putObject("loopRevenue").put("amount", amount(insight.loopRevenue()))
                .put("currency", insight.loopRevenue().currency());
        return body;
    }

    private static void moves(ObjectNode node, LadderTally.Moves m) {
        node.put("joined", m.joined()).put("up", m.up()).put("down", m.down()).put("lapsed", m.lapsed())
                .put("returned", m.returned());
    }

    /** "84.00" for 8400 USD cents: the currency's own number of decimals, no symbol. */
    static String amount(Money money) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            digits = 2;
        }
        return BigDecimal.valueOf(money.minor(), digits).toPlainString();
    }
}
