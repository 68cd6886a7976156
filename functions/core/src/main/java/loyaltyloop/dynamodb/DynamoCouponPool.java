package loyaltyloop.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import loyaltyloop.coupons.Coupon;
import loyaltyloop.coupons.CouponCodes;
import loyaltyloop.coupons.CouponProvisioner;
import loyaltyloop.coupons.ProvisioningException;
import loyaltyloop.shops.LoyaltySettings;
import loyaltyloop.shops.Shop;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Coupon codes the owner created in their shop admin and uploaded to us ({@code shops coupons upload}), kept in the
 * shop's pool partition {@code POOL#<shop>}: a free code at {@code FREE#<code>}, a handed-out one at
 * {@code TAKEN#<code>}. Taking a code moves it from free to taken in one transaction whose delete is conditional,
 * so two concurrent takers never get the same code. The codes already work at the shop's checkout, so
 * {@link #provision} has nothing to do.
 */
@Singleton
public class DynamoCouponPool implements CouponProvisioner {

    /** Free codes read per attempt; takers pick one of them at random so racing takers rarely collide. */
    private static final int CANDIDATES = 10;
    /** Rounds of losing every candidate before giving up; only a storm of concurrent takers gets near it. */
    private static final int ROUNDS = 20;
    private static final Pattern USABLE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{0,63}");
    private static final String EXISTS = "attribute_exists(PK)";
    private static final String NOT_EXISTS = "attribute_not_exists(PK)";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoCouponPool(DynamoDbClient dynamo, @Value("${loyalty.table}") String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** What an upload did: codes newly free, codes already in the pool (free or handed out), lines not codes. */
    public record UploadResult(int added, int alreadyPresent, List<String> rejected) {
    }

    @Override
    public boolean serves(Shop shop) {
        return shop.settings().coupons().provisioning() == LoyaltySettings.Provisioning.POOL;
    }

    @Override
    public String newCode(Shop shop, String reference) {
        for (int round = 0; round < ROUNDS; round++) {
            List<String> free = freeCodes(shop.domain(), CANDIDATES);
            if (free.isEmpty()) {
                throw new ProvisioningException("coupon pool of " + shop.domain() + " is empty", false);
            }
            Collections.shuffle(free);
            for (String code : free) {
                if (take(shop.domain(), code, reference)) {
                    return code;
                }
            }
            // Every candidate went to a concurrent taker: read the pool again.
        }
        throw new ProvisioningException("coupon pool of " + shop.domain() + " is too contended right now", true);
    }

    @Override
    public void release(Shop shop, String code) {
        String domain = shop.domain();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    delete(TableKeys.takenPoolCode(domain, code), EXISTS),
                    put(freeItem(domain, code), NOT_EXISTS)));
        } catch (TransactionCanceledException notTaken) {
            // Never handed out, or already back in the pool: nothing to undo.
        }
    }

    @Override
    public void provision(Shop shop, Coupon coupon) {
        // The owner created the code in their shop admin before uploading it.
    }

    /**
     * Adds codes to the shop's pool, normalised to upper case. Idempotent: a code already in the pool, free or
     * handed out, is skipped, so uploading the same file twice adds nothing.
     */
    public UploadResult upload(String shop, Collection<String> lines) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> rejected = new ArrayList<>();
        for (String line : lines) {
            String code = CouponCodes.normalise(line);
            if (code.isEmpty()) {
                continue;
            }
            if (USABLE_CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                rejected.add(line.trim());
            }
        }
        int added = 0;
        for (String code : codes) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        put(freeItem(shop, code), NOT_EXISTS),
                        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                                .key(TableKeys.takenPoolCode(shop, code)).conditionExpression(NOT_EXISTS).build())
                                .build()));
                added++;
            } catch (TransactionCanceledException alreadyInPool) {
                // Free or handed out already.
            }
        }
        return new UploadResult(added, codes.size() - added, rejected);
    }

    /** How many codes are left to hand out. */
    public int countFree(String shop) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> freeCodesQuery(b, shop).select(Select.COUNT).exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    private List<String> freeCodes(String shop, int limit) {
        List<String> codes = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.query(b -> freeCodesQuery(b, shop).limit(limit)
                .consistentRead(true)).items()) {
            codes.add(Items.str(item, "code"));
        }
        return codes;
    }

    private QueryRequest.Builder freeCodesQuery(
            QueryRequest.Builder b, String shop) {
        return b.tableName(table)
                .keyConditionExpression("PK = :pool AND begins_with(SK, :free)")
                .expressionAttributeValues(Map.of(
                        ":pool", AttributeValue.fromS(TableKeys.couponPool(shop)),
                        ":free", AttributeValue.fromS(TableKeys.FREE_POOL_CODE)));
    }

    /** Moves one code from free to taken; false when a concurrent taker had it first. */
    private boolean take(String shop, String code, String reference) {
        Map<String, AttributeValue> taken = new HashMap<>(TableKeys.takenPoolCode(shop, code));
        taken.put("code", AttributeValue.fromS(code));
        Items.putS(taken, "reference", reference);
        Items.putInstant(taken, "takenAt", clock.instant());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    delete(TableKeys.freePoolCode(shop, code), EXISTS),
                    put(taken, NOT_EXISTS)));
            return true;
        } catch (TransactionCanceledException gone) {
            return false;
        }
    }

    private static Map<String, AttributeValue> freeItem(String shop, String code) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.freePoolCode(shop, code));
        item.put("code", AttributeValue.fromS(code));
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key, String condition) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(condition).build()).build();
    }
}
