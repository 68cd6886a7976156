package loyaltyloop.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import loyaltyloop.points.Conversion;
import loyaltyloop.points.LedgerEntry;
import loyaltyloop.testing.MotoTest;
import loyaltyloop.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB (unlike the emulator) cancels a transaction that meets another one on the same item with
 * {@code TransactionConflict}; the ledger tries again, and the conditions keep the retry from applying twice. The
 * conflicts are injected in front of the real client on the moto server.
 */
@MotoTest
class DynamoPointsLedgerConflictTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    private final AtomicInteger conflictsLeft = new AtomicInteger();
    private DynamoDbClient real;
    private String table;
    private DynamoPointsLedger ledger;

    @BeforeEach
    void setUp() {
        real = TestAws.dynamo();
        table = TestAws.createTable();
        DynamoDbClient conflicting = new DynamoDbClient() {
            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                if (conflictsLeft.getAndDecrement() > 0) {
                    throw TransactionCanceledException.builder().message("Transaction cancelled")
                            .cancellationReasons(CancellationReason.builder().code("None").build(),
                                    CancellationReason.builder().code("TransactionConflict").build(),
                                    CancellationReason.builder().code("None").build())
                            .build();
                }
                return real.transactWriteItems(request);
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return real.getItem(request);
            }

            @Override
            public String serviceName() {
                return real.serviceName();
            }

            @Override
            public void close() {
            }
        };
        ledger = new DynamoPointsLedger(conflicting, table, new DynamoCouponStore(real, table));
    }

    @AfterEach
    void tearDown() {
        real.deleteTable(b -> b.tableName(table));
        real.close();
    }

    private static Conversion conversion(String orderId) {
        return new Conversion("s.myshopify.com", orderId, "rita@example.com", "K7QH2MZP", Conversion.Source.ATTRIBUTE,
                Conversion.Status.CREDITED, null, 500, 5990, "USD", AT, AT, 0, 0, null, 0);
    }

    private static LedgerEntry entry(String orderId) {
        return new LedgerEntry(LedgerEntry.Reason.REFERRAL, orderId, 500, AT, "Fay", 0, null, null);
    }

    @Test
    void aConflictingTransactionIsTriedAgainAndAppliesOnce() {
        conflictsLeft.set(3);

        assertThat(ledger.credit(conversion("1"), entry("1"))).contains(500L);
        assertThat(ledger.credit(conversion("1"), entry("1"))).isEmpty();

        assertThat(ledger.balance("s.myshopify.com", "rita@example.com")).isEqualTo(500);
    }

    @Test
    void aConflictThatDoesNotClearIsThrownForTheCallersRetryAndChangesNothing() {
        conflictsLeft.set(100);

        assertThatThrownBy(() -> ledger.credit(conversion("2"), entry("2"))).isInstanceOf(TransactionCanceledException.class);

        conflictsLeft.set(0);
        assertThat(ledger.findConversion("s.myshopify.com", "2")).isEmpty();
        assertThat(ledger.balance("s.myshopify.com", "rita@example.com")).isZero();
    }
}
