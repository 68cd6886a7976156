package loyaltyloop.intake;

import java.util.Set;

/**
 * The Shopify webhook topics the loop takes. {@link OrderIntake} dispatches on these constants, and
 * shopify.app.toml subscribes to exactly {@link #SUBSCRIBED} and {@link #COMPLIANCE} (ShopifyAppConfigTest checks both).
 */
public final class ShopifyTopics {

    public static final String ORDERS_CREATE = "orders/create";
    public static final String ORDERS_PAID = "orders/paid";
    public static final String ORDERS_UPDATED = "orders/updated";
    public static final String ORDERS_FULFILLED = "orders/fulfilled";
    public static final String ORDERS_PARTIALLY_FULFILLED = "orders/partially_fulfilled";
    public static final String ORDERS_CANCELLED = "orders/cancelled";
    public static final String REFUNDS_CREATE = "refunds/create";
    public static final String APP_UNINSTALLED = "app/uninstalled";

    /** The topics an app subscribes to in shopify.app.toml's {@code [[webhooks.subscriptions]] topics}. */
    public static final Set<String> SUBSCRIBED = Set.of(ORDERS_CREATE, ORDERS_PAID, ORDERS_UPDATED, ORDERS_FULFILLED,
            ORDERS_PARTIALLY_FULFILLED, ORDERS_CANCELLED, REFUNDS_CREATE, APP_UNINSTALLED);

    /** Shopify's mandatory privacy topics ({@code compliance_topics}); admin-made webhooks never receive them. */
    public static final Set<String> COMPLIANCE = Set.of("customers/data_request", "customers/redact", "shop/redact");

    private ShopifyTopics() {
    }
}
