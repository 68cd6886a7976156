package loyaltyloop.dynamodb;

import java.util.Map;
import loyaltyloop.customers.Customer;
import loyaltyloop.orders.StoredOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the stores write, built by the stores themselves, for filling a table in bulk (the benchmark writes
 * thousands with BatchWriteItem): seeded data has exactly the stored shape and keys.
 */
public final class StoredItems {

    private StoredItems() {
    }

    public static Map<String, AttributeValue> customer(Customer customer) {
        return DynamoCustomerStore.item(customer);
    }

    public static Map<String, AttributeValue> order(StoredOrder order) {
        return DynamoOrderStore.item(order);
    }

    /** A shop's spend-histogram bucket holding {@code customers}. */
    public static Map<String, AttributeValue> spendBucket(String shop, long bucket, long customers) {
        return DynamoSpendStats.bucketItem(shop, bucket, customers);
    }
}
