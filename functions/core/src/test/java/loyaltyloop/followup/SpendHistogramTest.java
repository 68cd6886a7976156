package loyaltyloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Standing ("in the top 10%?") from the bucketed spend histogram: the DESIGN §1 definition, ties, the buckets,
 * and the documented error bound checked against the exact definition on random shops.
 */
@UnitTest
class SpendHistogramTest {

    /** The exact definition: customers whose spend is at least theirs, themselves included, at most ceil(10%). */
    private static boolean exactlyInTop(List<Long> spends, long spend, int percent) {
        long slots = (spends.size() * (long) percent + 99) / 100;
        return exactlyAtLeast(spends, spend) <= slots;
    }

    private static long exactlyAtLeast(List<Long> spends, long spend) {
        long atLeast = 0;
        for (long s : spends) {
            if (s >= spend) {
                atLeast++;
            }
        }
        return atLeast;
    }

    private static SpendHistogram histogramOf(List<Long> spends) {
        Map<Long, Long> buckets = new HashMap<>();
        for (long spend : spends) {
            buckets.merge(SpendHistogram.bucketOf(spend), 1L, Long::sum);
        }
        return new SpendHistogram(buckets);
    }

    private static List<Long> spends(long... values) {
        List<Long> list = new ArrayList<>();
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<Long> repeat(long spend, int times) {
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(spend);
        }
        return list;
    }

    // --- the DESIGN §1 examples and ties ---

    @Test
    void withFifteenCustomersTheSingleBiggestSpenderIsInTheTopTenPercent() {
        List<Long> shop = repeat(2_500, 14);
        shop.add(90_000L);
        SpendHistogram histogram = histogramOf(shop);

        assertThat(histogram.customers()).isEqualTo(15);
        assertThat(histogram.topTenPercent(90_000)).isTrue();
    }

    @Test
    void fourteenTiedSmallSpendersAreNotInTheTopTenPercent() {
        List<Long> shop = repeat(2_500, 14);
        shop.add(90_000L);

        assertThat(histogramOf(shop).topTenPercent(2_500)).isFalse();
    }

    @Test
    void fifteenCustomersHaveTwoTopSlotsSoTheRunnerUpIsInToo() {
        List<Long> shop = repeat(2_500, 13);
        shop.add(40_000L);
        shop.add(90_000L);
        SpendHistogram histogram = histogramOf(shop);

        assertThat(histogram.topTenPercent(90_000)).isTrue();
        assertThat(histogram.topTenPercent(40_000)).isTrue();
        assertThat(histogram.topTenPercent(2_500)).isFalse();
    }

    @Test
    void customersTiedAtTheTopShareTheSlotsOrNobodyGetsThem() {
        // Ten customers: one slot. Two tied at the top do not fit in it, so neither is in the top 10%.
        List<Long> tiedPair = repeat(1_000, 8);
        tiedPair.addAll(spends(7_777, 7_777));
        assertThat(histogramOf(tiedPair).topTenPercent(7_777)).isFalse();

        // Twenty customers: two slots, and the tied pair fits.
        List<Long> twenty = repeat(1_000, 18);
        twenty.addAll(spends(7_777, 7_777));
        assertThat(histogramOf(twenty).topTenPercent(7_777)).isTrue();
    }

    @Test
    void aShopWithOneCustomerHasThemInItsTopTenPercent() {
        assertThat(histogramOf(spends(100)).topTenPercent(100)).isTrue();
    }

    @Test
    void slotsAreRoundedUp() {
        // 11 customers: ceil(1.1) = 2 slots; 10 customers: exactly 1.
        List<Long> eleven = spends(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(histogramOf(eleven).topTenPercent(10)).isTrue();
        assertThat(histogramOf(eleven).topTenPercent(9)).isFalse();
        List<Long> ten = spends(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(histogramOf(ten).topTenPercent(10)).isTrue();
        assertThat(histogramOf(ten).topTenPercent(9)).isFalse();
    }

    @Test
    void theTopTwentyPercentCheckUsesTheSameDefinition() {
        List<Long> ten = spends(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        SpendHistogram histogram = histogramOf(ten);

        assertThat(histogram.inTop(9, FollowUpPolicy.CHECK_EARLY_PERCENT)).isTrue();
        assertThat(histogram.inTop(8, FollowUpPolicy.CHECK_EARLY_PERCENT)).isFalse();
    }

    @Test
    void standingFollowsTheShopAsItChanges() {
        // A customer drops out of the top 10% when others overtake them, without ordering or refunding anything.
        List<Long> shop = repeat(1_000, 9);
        shop.add(5_000L);
        assertThat(histogramOf(shop).topTenPercent(5_000)).isTrue();

        shop.add(6_000L);
        shop.add(7_000L);
        // 12 customers, 2 slots: 7,000 and 6,000 hold them.
        assertThat(histogramOf(shop).topTenPercent(5_000)).isFalse();
    }

    @Test
    void anEmptyShopHasNobodyInItsTopTenPercent() {
        SpendHistogram empty = SpendHistogram.empty();

        assertThat(empty.customers()).isZero();
        assertThat(empty.atLeast(0)).isZero();
        assertThat(empty.topTenPercent(0)).isFalse();
        assertThat(empty.topTenPercent(1_000_000)).isFalse();
        assertThat(empty.buckets()).isEmpty();
    }

    // --- buckets ---

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99, 5_990, 9_998, 9_999})
    void belowTenThousandMinorUnitsEverySpendIsItsOwnBucket(long spend) {
        assertThat(SpendHistogram.bucketOf(spend)).isEqualTo(spend);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10000, 10000",
            "10009, 10000",
            "10010, 10010",
            "12345, 12340",
            "99999, 99990",
            "100000, 100000",
            "1234567, 1234000",
            "9223372036854775807, 9223000000000000000"})
    void aboveTenThousandBucketsKeepFourSignificantDigits(long spend, long bucket) {
        assertThat(SpendHistogram.bucketOf(spend)).isEqualTo(bucket);
    }

    @Test
    void aNegativeSpendCountsAsZero() {
        assertThat(SpendHistogram.bucketOf(-500)).isZero();
    }

    @Test
    void aBucketIsNeverWiderThanOneTenthOfAPercent() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long spend = 10_000 + (long) Math.floor(Math.pow(10, random.nextDouble() * 10));
            long bucket = SpendHistogram.bucketOf(spend);
            assertThat(bucket).isLessThanOrEqualTo(spend);
            assertThat((double) (spend - bucket) / spend).isLessThan(0.001);
            // Buckets are stable: a bucket's own value falls in that bucket.
            assertThat(SpendHistogram.bucketOf(bucket)).isEqualTo(bucket);
        }
    }

    @Test
    void customersInOneBucketCountAsTiedSoTheCloserOneIsKeptOutNeverPutIn() {
        // Ten customers, one slot. 12,349 and 12,341 share the 12,340 bucket: the documented error.
        List<Long> shop = repeat(500, 8);
        shop.addAll(spends(12_349, 12_341));
        SpendHistogram histogram = histogramOf(shop);

        assertThat(exactlyInTop(shop, 12_349, 10)).isTrue();
        assertThat(histogram.topTenPercent(12_349)).isFalse();
        assertThat(histogram.topTenPercent(12_341)).isFalse();
        // One unit more and they are in different buckets again: exact.
        shop.set(8, 12_350L);
        assertThat(histogramOf(shop).topTenPercent(12_350)).isTrue();
    }

    // --- the error bound on random shops ---

    @Test
    void belowTenThousandMinorUnitsTheHistogramAgreesWithTheExactDefinitionForEveryCustomer() {
        Random random = new Random(2024);
        for (int round = 0; round < 5; round++) {
            List<Long> shop = new ArrayList<>();
            int customers = 500 + random.nextInt(2_500);
            for (int i = 0; i < customers; i++) {
                // Many ties on purpose: spends on a coarse grid.
                shop.add((long) random.nextInt(200) * 50);
            }
            SpendHistogram histogram = histogramOf(shop);
            for (long spend : shop) {
                assertThat(histogram.topTenPercent(spend)).as("spend %d", spend)
                        .isEqualTo(exactlyInTop(shop, spend, 10));
                assertThat(histogram.inTop(spend, 20)).isEqualTo(exactlyInTop(shop, spend, 20));
            }
        }
    }

    @Test
    void onRandomShopsTheHistogramOnlyErrsForCustomersSharingABucketAndNeverSaysTopWhenTheyAreNot() {
        Random random = new Random(90_45);
        int misjudged = 0;
        for (int round = 0; round < 6; round++) {
            List<Long> shop = randomShop(random, 2_000 + random.nextInt(2_000));
            SpendHistogram histogram = histogramOf(shop);
            Map<Long, List<Long>> byBucket = new HashMap<>();
            for (long spend : shop) {
                byBucket.computeIfAbsent(SpendHistogram.bucketOf(spend), b -> new ArrayList<>()).add(spend);
            }
            for (long spend : shop) {
                boolean exact = exactlyInTop(shop, spend, 10);
                boolean approximate = histogram.topTenPercent(spend);
                if (approximate) {
                    assertThat(exact).as("histogram says top for %d, the exact definition does not", spend).isTrue();
                }
                if (approximate != exact) {
                    misjudged++;
                    // Only ever a customer whose bucket holds someone who spent less, within 0.1% of them.
                    assertThat(byBucket.get(SpendHistogram.bucketOf(spend)))
                            .as("bucket of misjudged %d", spend)
                            .anySatisfy(other -> {
                                assertThat(other).isLessThan(spend);
                                assertThat((double) (spend - other) / spend).isLessThan(0.001);
                            });
                }
            }
            // The count histogram and exact differ by at most the customers sharing the bucket.
            for (long spend : shop) {
                long exactAtLeast = exactlyAtLeast(shop, spend);
                long sharing = byBucket.get(SpendHistogram.bucketOf(spend)).stream().filter(s -> s < spend).count();
                assertThat(histogram.atLeast(spend)).isEqualTo(exactAtLeast + sharing);
            }
        }
        // The random shops are built to crowd the threshold, so the bound is exercised, not vacuous.
        assertThat(misjudged).isPositive();
    }

    /**
     * Spends spread over several decades, with a crowd of near-equal big spenders right around the top-10% line
     * (where sharing a bucket matters) and some exact duplicates.
     */
    private static List<Long> randomShop(Random random, int customers) {
        List<Long> shop = new ArrayList<>();
        int crowd = customers / 10;
        long crowdCentre = 100_000 + random.nextInt(900_000);
        for (int i = 0; i < customers; i++) {
            long spend;
            if (i < crowd + 20) {
                spend = crowdCentre + random.nextInt((int) (crowdCentre / 200));
            } else if (i % 7 == 0 && !shop.isEmpty()) {
                spend = shop.get(random.nextInt(shop.size()));
            } else {
                spend = (long) Math.floor(Math.pow(10, 2 + random.nextDouble() * 2.9));
            }
            shop.add(spend);
        }
        return shop;
    }

    // --- moving customers, repairing counts ---

    @Test
    void aFirstOrderAddsTheCustomerToTheirBucket() {
        SpendHistogram moved = SpendHistogram.empty().withMove(null, 5_990L);

        assertThat(moved.customers()).isEqualTo(1);
        assertThat(moved.buckets()).containsExactly(Map.entry(5_990L, 1L));
    }

    @Test
    void aMoveTakesTheCustomerOutOfTheOldBucketAndIntoTheNew() {
        SpendHistogram before = new SpendHistogram(Map.of(5_990L, 2L, 12_340L, 1L));

        SpendHistogram after = before.withMove(12_340L, 5_990L);

        assertThat(after.customers()).isEqualTo(3);
        assertThat(after.buckets()).containsExactly(Map.entry(5_990L, 3L));
        // The original is unchanged.
        assertThat(before.buckets()).containsEntry(12_340L, 1L);
    }

    @Test
    void aMoveWithinTheSameBucketChangesNothing() {
        SpendHistogram before = new SpendHistogram(Map.of(5_990L, 2L));

        assertThat(before.withMove(5_990L, 5_990L).buckets()).isEqualTo(before.buckets());
    }

    @Test
    void aCustomerNoLongerCountedLeavesTheirBucket() {
        SpendHistogram before = new SpendHistogram(Map.of(5_990L, 1L, 100L, 4L));

        SpendHistogram after = before.withMove(5_990L, null);

        assertThat(after.customers()).isEqualTo(4);
        assertThat(after.buckets()).doesNotContainKey(5_990L);
    }

    @Test
    void negativeAndZeroCountsLeftByACrashAreClampedToZero() {
        SpendHistogram histogram = new SpendHistogram(Map.of(100L, -1L, 200L, 0L, 300L, 3L));

        assertThat(histogram.customers()).isEqualTo(3);
        assertThat(histogram.buckets()).containsExactly(Map.entry(300L, 3L));
        assertThat(histogram.atLeast(100)).isEqualTo(3);
        // Moving a customer out of a bucket that holds nobody cannot make it negative either.
        SpendHistogram moved = histogram.withMove(100L, 300L);
        assertThat(moved.customers()).isEqualTo(4);
        assertThat(moved.buckets()).containsExactly(Map.entry(300L, 4L));
    }
}
