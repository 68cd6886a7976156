package loyaltyloop.dynamodb;

import static loyaltyloop.dynamodb.Items.instant;
import static loyaltyloop.dynamodb.Items.n;
import static loyaltyloop.dynamodb.Items.num;
import static loyaltyloop.dynamodb.Items.putInstant;
import static loyaltyloop.dynamodb.Items.putS;
import static loyaltyloop.dynamodb.Items.s;
import static loyaltyloop.dynamodb.Items.str;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loyaltyloop.customers.Customer;
import loyaltyloop.customers.CustomerStore;
import loyaltyloop.customers.FollowUpState;
import loyaltyloop.orders.MarketingConsent;
import loyaltyloop.orders.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Customers as whole items written with an optimistic version check: one write per change, no transaction. */
@Singleton
public class DynamoCustomerStore implements CustomerStore {

    /** The day of the customer's last activity (see {@link Customer#lastActiveAt()}), read by the retention run. */
    static final String LAST_ACTIVE_AT = "lastActiveAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCustomerStore(DynamoDbClient dynamo, @Value("${loyalty.table}") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Customer> find(String shop, String email) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.customer(shop, email)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> counted = new HashMap<>();
        AttributeValue countedValue = item.get("countedOrders");
        if (countedValue != null && countedValue.hasM()) {
            countedValue.m().forEach((id, number) -> counted.put(id, Integer.parseInt(number.n())));
        }
        AttributeValue affirmedValue = item.get("affirmedOrders");
        List<String> affirmed = affirmedValue != null && affirmedValue.hasL()
                ? affirmedValue.l().stream().map(AttributeValue::s).toList() : List.of();
        String consent = str(item, "marketingConsent");
        return Optional.of(new Customer(shop, email, str(item, "firstName"), str(item, "name"),
                instant(item, "firstOrderAt"), (int) num(item, "orderCount", 0),
                new Money(num(item, "netSpendMinor", 0), str(item, "currency")), str(item, "locale"),
                instant(item, "lastContactAt"),
                consent == null ? MarketingConsent.UNKNOWN : MarketingConsent.valueOf(consent),
                instant(item, "unsubscribedAt"), str(item, "referralCode"), counted, affirmed,
                new FollowUpState(instant(item, TableKeys.DUE_AT),
                        item.containsKey("spendBucket") ? num(item, "spendBucket", 0) : null,
                        instant(item, "lastMarketingAt"), instant(item, "bouncedAt"), instant(item, "unreachableSince"),
                        (int) num(item, "followUpsSent", 0),
                        new FollowUpState.SurveyState(instant(item, "surveyDueAt"), str(item, "surveyOrderId"),
                                instant(item, "lastSurveyAt")),
                        LadderColumn.read(str(item, LadderColumn.ATTRIBUTE))),
                num(item, "version", 0), instant(item, LAST_ACTIVE_AT)));
    }

    @Override
    public boolean saveIfUnchanged(Customer c) {
        Map<String, AttributeValue> item = item(c);
        try {
            if (c.version() <= 1) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(c.version() - 1))));
            }
            return true;
        } catch (ConditionalCheckFailedException someoneElseWrote) {
            return false;
        }
    }

    /** The whole item of a customer, as stored. */
    static Map<String, AttributeValue> item(Customer c) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.customer(c.shop(), c.email()));
        putS(item, "type", "customer");
        putS(item, "firstName", c.firstName());
        putS(item, "name", c.name());
        putInstant(item, "firstOrderAt", c.firstOrderAt());
        item.put("orderCount", n(c.orderCount()));
        item.put("netSpendMinor", n(c.netSpend().minor()));
        putS(item, "currency", c.netSpend().currency());
        putS(item, "locale", c.locale());
        putInstant(item, "lastContactAt", c.lastContactAt());
        putS(item, "marketingConsent", c.marketingConsent().name());
        putInstant(item, "unsubscribedAt", c.unsubscribedAt());
        putS(item, "referralCode", c.referralCode());
        Map<String, AttributeValue> counted = new HashMap<>();
        c.countedOrders().forEach((id, number) -> counted.put(id, n(number)));
        item.put("countedOrders", AttributeValue.fromM(counted));
        item.put("affirmedOrders", AttributeValue.fromL(c.affirmedOrders().stream().map(Items::s).toList()));
        FollowUpState loop = c.followUp();
        if (loop.dueAt() != null) {
            // Both DueIndex keys or neither: an unscheduled customer is not in the index at all.
            item.put(TableKeys.DUE_PK, s(TableKeys.duePartition(c.shop(), c.email())));
            item.put(TableKeys.DUE_AT, s(TableKeys.dueSortKey(loop.dueAt())));
        }
        if (loop.spendBucket() != null) {
            item.put("spendBucket", n(loop.spendBucket()));
        }
        putInstant(item, "lastMarketingAt", loop.lastMarketingAt());
        putInstant(item, "bouncedAt", loop.bouncedAt());
        putInstant(item, "unreachableSince", loop.unreachableSince());
        if (loop.followUpsSent() > 0) {
            item.put("followUpsSent", n(loop.followUpsSent()));
        }
        putInstant(item, "surveyDueAt", loop.survey().dueAt());
        putS(item, "surveyOrderId", loop.survey().orderId());
        putInstant(item, "lastSurveyAt", loop.survey().lastSentAt());
        putS(item, LadderColumn.ATTRIBUTE, LadderColumn.write(loop.ladder()));
        putInstant(item, LAST_ACTIVE_AT, c.lastActiveAt());
        item.put("version", n(c.version()));
        return item;
    }

    /** One pointer item per order in the customer's partition ({@code ORDER#<id>}): a plain put, repeatable. */
    @Override
    public void rememberOrders(String shop, String email, java.util.Collection<String> orderIds) {
        for (String orderId : orderIds) {
            Map<String, AttributeValue> pointer = new HashMap<>(TableKeys.customerOrder(shop, email, orderId));
            pointer.put("orderId", s(orderId));
            dynamo.putItem(b -> b.tableName(table).item(pointer));
        }
    }

    /**
     * The code's item also carries the customer's place in the {@code DueIndex} for the retention run
     * ({@code IDLE#<shop>#<shard>} at their first order's time; moved on only by that run), so a new customer's
     * retention entry rides on a write the first order makes anyway.
     */
    @Override
    public boolean claimReferralCode(String shop, String code, String email, java.time.Instant firstOrderAt) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.referralCode(shop, code));
        item.put("email", s(email));
        item.put(TableKeys.DUE_PK, s(TableKeys.idlePartition(shop, email)));
        item.put(TableKeys.DUE_AT, s(TableKeys.dueSortKey(firstOrderAt)));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void keepForRetention(String shop, String email, String referralCode, java.time.Instant from) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.referralCode(shop, referralCode))
                    .updateExpression("SET #pk = if_not_exists(#pk, :pk), #at = if_not_exists(#at, :at)")
                    .conditionExpression("email = :email")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK, "#at", TableKeys.DUE_AT))
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.idlePartition(shop, email)),
                            ":at", s(TableKeys.dueSortKey(from)), ":email", s(email))));
        } catch (ConditionalCheckFailedException notTheirs) {
            // the code item is gone or names someone else: nothing of theirs to keep
        }
    }

    @Override
    public Optional<String> findEmailByReferralCode(String shop, String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.referralCode(shop, code))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "email"));
    }
}
