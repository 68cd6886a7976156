package loyaltyloop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The cost model's arithmetic and the price file's sanity; no AWS, no timing. */
@UnitTest
class CostModelTest {

    private static final CostModel.Prices ROUND = new CostModel.Prices("test", 0.20 / 1e6, 0.0000133334, 0.625 / 1e6,
            0.125 / 1e6, 0.10 / 1000, 1.00 / 1e6, 1.00 / 1e6, 1.00 / 1e6, 0.40);

    @Test
    void multipliesCountsByUnitPricesPerService() {
        CostModel.Year year = new CostModel.Year(12_000,
                Map.of("A", new CostModel.FunctionYear(1_000_000, 100_000, 1024),
                        "B", new CostModel.FunctionYear(1_000_000, 100_000, 512)),
                2_000_000, 4_000_000, 10_000, 1_000_000, 1_000_000, 1_000_000);
        CostModel.Bill bill = CostModel.bill(year, ROUND);

        assertThat(bill.byService().get("Lambda requests")).isCloseTo(0.40, within(1e-9));
        // 100,000 s at 1 GB + 100,000 s at 0.5 GB = 150,000 GB-s
        assertThat(bill.byService().get("Lambda duration (arm64 GB-s)")).isCloseTo(150_000 * 0.0000133334, within(1e-9));
        assertThat(bill.byService().get("DynamoDB writes")).isCloseTo(1.25, within(1e-9));
        assertThat(bill.byService().get("DynamoDB reads")).isCloseTo(0.50, within(1e-9));
        assertThat(bill.byService().get("SES emails")).isCloseTo(1.00, within(1e-9));
        assertThat(bill.byService().get("EventBridge custom events")).isCloseTo(1.00, within(1e-9));
        assertThat(bill.byService().get("EventBridge schedules")).isCloseTo(1.00, within(1e-9));
        assertThat(bill.byService().get("HTTP API requests")).isCloseTo(1.00, within(1e-9));
        double total = 0.40 + 150_000 * 0.0000133334 + 1.25 + 0.50 + 1.00 * 4;
        assertThat(bill.total()).isCloseTo(total, within(1e-9));
        assertThat(bill.per1000Orders()).isCloseTo(total / 12, within(1e-9));
        assertThat(bill.per1000OrdersAllIn()).isCloseTo((total + 0.40 * 12) / 12, within(1e-9));
        Map<String, Double> byFunction = CostModel.lambdaByFunction(year, ROUND);
        assertThat(byFunction.get("B")).isCloseTo(0.20 + 50_000 * 0.0000133334, within(1e-9));
        assertThat(byFunction.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(
                bill.byService().get("Lambda requests") + bill.byService().get("Lambda duration (arm64 GB-s)"), within(1e-9));
    }

    @Test
    void thePriceFileIsDatedAndHasEveryPrice() {
        CostModel.Prices prices = CostModel.Prices.load();
        assertThat(prices.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(prices.lambdaPerRequest()).isCloseTo(0.20 / 1e6, within(1e-12));
        assertThat(prices.lambdaPerGbSecond()).isPositive();
        assertThat(prices.dynamoPerWriteUnit()).isPositive();
        assertThat(prices.dynamoPerReadUnit()).isPositive();
        assertThat(prices.sesPerEmail()).isCloseTo(0.0001, within(1e-12));
        assertThat(prices.eventBridgePerCustomEvent()).isPositive();
        assertThat(prices.httpApiPerRequest()).isPositive();
        // Every secret is a free SSM standard parameter: nothing is charged by the month (was 0.40, Secrets Manager).
        assertThat(prices.fixedPerMonth()).isZero();
    }
}
