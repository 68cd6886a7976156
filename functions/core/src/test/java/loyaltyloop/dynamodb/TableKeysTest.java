package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of stored data, letter for letter as docs/data-model.md lists them: items already in a table are found
 * by these keys, so none may change.
 */
@UnitTest
class TableKeysTest {

    private static final String SHOP = "demo.myshopify.com";
    private static final LocalDate DAY = LocalDate.parse("2026-12-05");

    private static String pk(Map<String, AttributeValue> key) {
        return key.get("PK").s();
    }

    private static String sk(Map<String, AttributeValue> key) {
        return key.get("SK").s();
    }

    private static String keyOf(Map<String, AttributeValue> key) {
        assertThat(key).containsOnlyKeys("PK", "SK");
        return pk(key) + " / " + sk(key);
    }

    @Test
    void everyEntityKeepsTheKeyItWasStoredUnder() {
        assertThat(keyOf(TableKeys.shop(SHOP))).isEqualTo("SHOP#demo.myshopify.com / SHOP");
        assertThat(keyOf(TableKeys.shopRegistryEntry(SHOP))).isEqualTo("SHOPS / demo.myshopify.com");
        assertThat(keyOf(TableKeys.delivery(SHOP, "d-1"))).isEqualTo("DELIVERY#demo.myshopify.com#d-1 / DELIVERY");
        assertThat(keyOf(TableKeys.order(SHOP, "7001"))).isEqualTo("ORDER#demo.myshopify.com#7001 / ORDER");
        assertThat(keyOf(TableKeys.refund(SHOP, "7001", "r-1"))).isEqualTo("ORDER#demo.myshopify.com#7001 / REFUND#r-1");
        assertThat(keyOf(TableKeys.customer(SHOP, "jane@example.com")))
                .isEqualTo("CUSTOMER#demo.myshopify.com#jane@example.com / PROFILE");
        assertThat(keyOf(TableKeys.referralCode(SHOP, "K7QH2MZP"))).isEqualTo("REFCODE#demo.myshopify.com#K7QH2MZP / REFCODE");
        assertThat(keyOf(TableKeys.coupon(SHOP, "THANKS-A1"))).isEqualTo("COUPON#demo.myshopify.com#THANKS-A1 / COUPON");
        assertThat(keyOf(TableKeys.survey(SHOP, "7001"))).isEqualTo("SURVEY#demo.myshopify.com#7001 / SURVEY");
        assertThat(keyOf(TableKeys.freePoolCode(SHOP, "A1"))).isEqualTo("POOL#demo.myshopify.com / FREE#A1");
        assertThat(keyOf(TableKeys.takenPoolCode(SHOP, "A1"))).isEqualTo("POOL#demo.myshopify.com / TAKEN#A1");
        assertThat(keyOf(TableKeys.pointsBalance(SHOP, "jane@example.com")))
                .isEqualTo("POINTS#demo.myshopify.com#jane@example.com / BALANCE");
        assertThat(keyOf(TableKeys.pointsEntry(SHOP, "jane@example.com", "referral", "7001")))
                .isEqualTo("POINTS#demo.myshopify.com#jane@example.com / ENTRY#referral#7001");
        assertThat(keyOf(TableKeys.conversion(SHOP, "7001"))).isEqualTo("REFERRAL#demo.myshopify.com#7001 / REFERRAL");
        assertThat(keyOf(TableKeys.spendBucket(SHOP, 5_990))).isEqualTo("SPEND#demo.myshopify.com / B#0000000000000005990");
        assertThat(keyOf(TableKeys.unreachableCount(SHOP))).isEqualTo("STATS#demo.myshopify.com / UNREACHABLE");
        assertThat(keyOf(TableKeys.dailyCounts(SHOP, DAY))).isEqualTo("STATS#demo.myshopify.com / SENT#2026-12-05");
        assertThat(keyOf(TableKeys.digestNote(SHOP, DAY, "BIG_FIRST_ORDER", "7001")))
                .isEqualTo("DIGEST#demo.myshopify.com#2026-12-05 / NOTE#BIG_FIRST_ORDER#7001");
        assertThat(keyOf(TableKeys.digestClaim(SHOP, DAY))).isEqualTo("DIGEST#demo.myshopify.com#2026-12-05 / SENT");
        assertThat(keyOf(TableKeys.warmUp())).isEqualTo("WARM-UP / WARM-UP");
    }

    @Test
    void queriesAskForThePartitionsAndPrefixesTheItemsAreStoredUnder() {
        assertThat(TableKeys.shopRegistry()).isEqualTo(pk(TableKeys.shopRegistryEntry(SHOP)));
        assertThat(TableKeys.orderPartition(SHOP, "7001")).isEqualTo(pk(TableKeys.refund(SHOP, "7001", "r-1")));
        assertThat(sk(TableKeys.refund(SHOP, "7001", "r-1"))).startsWith(TableKeys.REFUND);
        assertThat(TableKeys.couponPool(SHOP)).isEqualTo(pk(TableKeys.freePoolCode(SHOP, "A1")));
        assertThat(sk(TableKeys.freePoolCode(SHOP, "A1"))).startsWith(TableKeys.FREE_POOL_CODE);
        assertThat(sk(TableKeys.takenPoolCode(SHOP, "A1"))).doesNotStartWith(TableKeys.FREE_POOL_CODE);
        assertThat(TableKeys.pointsPartition(SHOP, "jane@example.com"))
                .isEqualTo(pk(TableKeys.pointsBalance(SHOP, "jane@example.com")));
        assertThat(TableKeys.spendPartition(SHOP)).isEqualTo(pk(TableKeys.spendBucket(SHOP, 1)));
        assertThat(TableKeys.statsPartition(SHOP)).isEqualTo(pk(TableKeys.dailyCounts(SHOP, DAY)));
        assertThat(TableKeys.dailyCountsSortKey(DAY)).isEqualTo(sk(TableKeys.dailyCounts(SHOP, DAY)));
        assertThat(TableKeys.digestPartition(SHOP, DAY)).isEqualTo(pk(TableKeys.digestClaim(SHOP, DAY)));
        assertThat(sk(TableKeys.digestNote(SHOP, DAY, "LOW_RATING", "7001"))).startsWith(TableKeys.DIGEST_NOTE);
        assertThat(sk(TableKeys.digestClaim(SHOP, DAY))).doesNotStartWith(TableKeys.DIGEST_NOTE);
    }

    @Test
    void whatAKeySaysIsReadBackFromIt() {
        assertThat(TableKeys.registeredShop(TableKeys.shopRegistryEntry(SHOP))).isEqualTo(SHOP);
        assertThat(TableKeys.customerEmail(SHOP, TableKeys.customer(SHOP, "jane@example.com"))).isEqualTo("jane@example.com");
        assertThat(TableKeys.customerEmail("other.myshopify.com", TableKeys.customer(SHOP, "jane@example.com"))).isNull();
        assertThat(TableKeys.customerEmail(SHOP, TableKeys.coupon(SHOP, "A1"))).isNull();
        assertThat(TableKeys.isPointsBalance(TableKeys.pointsBalance(SHOP, "jane@example.com"))).isTrue();
        assertThat(TableKeys.isPointsBalance(TableKeys.pointsEntry(SHOP, "jane@example.com", "redeem", "r1"))).isFalse();
        assertThat(TableKeys.spendBucketOf(TableKeys.spendBucket(SHOP, 5_990))).isEqualTo(5_990);
        assertThat(TableKeys.spendBucketOf(TableKeys.spendBucket(SHOP, 0))).isZero();
    }

    @Test
    void aConversionKeyGivesBackItsShopAndAnOrderIdThatHasHashes() {
        assertThat(TableKeys.conversionKey(TableKeys.conversion(SHOP, "7001")))
                .isEqualTo(new TableKeys.ConversionKey(SHOP, "7001"));
        assertThat(TableKeys.conversionKey(TableKeys.conversion(SHOP, "#1001#b")))
                .isEqualTo(new TableKeys.ConversionKey(SHOP, "#1001#b"));
        Map<String, AttributeValue> notAConversion = new HashMap<>(TableKeys.survey(SHOP, "7001"));
        assertThatThrownBy(() -> TableKeys.conversionKey(notAConversion)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dueTimesAreFixedWidthUtcSecondsSoTheirStringOrderIsTimeOrder() {
        assertThat(TableKeys.dueSortKey(Instant.parse("2027-01-13T16:10:14.987Z"))).isEqualTo("2027-01-13T16:10:14Z");
        assertThat(TableKeys.dueSortKey(Instant.parse("2027-01-13T16:10:00Z"))).isEqualTo("2027-01-13T16:10:00Z");
        assertThat(TableKeys.dueSortKey(Instant.parse("2027-01-13T16:10:00Z")))
                .isLessThan(TableKeys.dueSortKey(Instant.parse("2027-01-13T16:10:01Z")));
    }

    // --- due-index shards ---

    @Test
    void theShardOfAnAddressIsFixedAcrossRunsAndJvms() {
        // String.hashCode is specified by the JLS; these values must never change, or customers get lost.
        assertThat(TableKeys.dueShardOf("jane.doe@example.com")).isEqualTo(7);
        assertThat(TableKeys.duePartition(SHOP, "jane.doe@example.com")).isEqualTo("DUE#demo.myshopify.com#7");
        assertThat(TableKeys.dueShardOf("a@b.c")).isEqualTo(8);
        // A negative hash code still lands in 0..15.
        assertThat("mei@example.com".hashCode()).isNegative();
        assertThat(TableKeys.dueShardOf("mei@example.com")).isEqualTo(14);
    }

    @Test
    void everyAddressLandsInOneOfSixteenShardsAndTheyFillEvenly() {
        Random random = new Random(42);
        int[] perShard = new int[TableKeys.DUE_SHARDS];
        int addresses = 16_000;
        for (int i = 0; i < addresses; i++) {
            String email = Long.toString(random.nextLong(), 36) + "." + i + "@example.com";
            int shard = TableKeys.dueShardOf(email);
            assertThat(shard).isBetween(0, TableKeys.DUE_SHARDS - 1);
            assertThat(TableKeys.dueShardOf(email)).isEqualTo(shard);
            perShard[shard]++;
        }
        for (int count : perShard) {
            // 1,000 expected per shard; no partition twice as hot as another.
            assertThat(count).isBetween(800, 1_200);
        }
    }

    @Test
    void privacyKeysAndTheShopTheyBelongTo() {
        assertThat(keyOf(TableKeys.customerOrder(SHOP, "jane@example.com", "7001")))
                .isEqualTo("CUSTOMER#demo.myshopify.com#jane@example.com / ORDER#7001");
        assertThat(keyOf(TableKeys.customerActivity(SHOP, "jane@example.com")))
                .isEqualTo("CUSTOMER#demo.myshopify.com#jane@example.com / ACTIVITY");
        assertThat(keyOf(TableKeys.privacyRequest(SHOP, "data-request#9999")))
                .isEqualTo("PRIVACY#demo.myshopify.com#data-request#9999 / PRIVACY");
        assertThat(TableKeys.idlePartition(SHOP, "jane@example.com"))
                .isEqualTo("IDLE#demo.myshopify.com#" + TableKeys.dueShardOf("jane@example.com"));
        assertThat(TableKeys.pointedOrder(TableKeys.customerOrder(SHOP, "jane@example.com", "7001"))).isEqualTo("7001");
        assertThat(TableKeys.pointedOrder(TableKeys.customer(SHOP, "jane@example.com"))).isNull();

        assertThat(TableKeys.belongsToShop(TableKeys.order(SHOP, "7001"), SHOP)).isTrue();
        assertThat(TableKeys.belongsToShop(TableKeys.spendBucket(SHOP, 42), SHOP)).isTrue();
        assertThat(TableKeys.belongsToShop(TableKeys.shopRegistryEntry(SHOP), SHOP)).isTrue();
        assertThat(TableKeys.belongsToShop(TableKeys.digestClaim(SHOP, DAY), SHOP)).isTrue();
        // A shop whose domain ends like another's, or the registry entry of another shop, is not this one.
        assertThat(TableKeys.belongsToShop(TableKeys.order("x" + SHOP, "7001"), SHOP)).isFalse();
        assertThat(TableKeys.belongsToShop(TableKeys.order(SHOP + ".evil", "7001"), SHOP)).isFalse();
        assertThat(TableKeys.belongsToShop(TableKeys.shopRegistryEntry("other.myshopify.com"), SHOP)).isFalse();
        assertThat(TableKeys.belongsToShop(TableKeys.warmUp(), SHOP)).isFalse();
    }
}
