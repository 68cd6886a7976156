package loyaltyloop.metrics;

/**
 * The loop's own metrics, counted where each thing happens: orders taken, repeated and ignored at intake, emails
 * sent by kind, coupons issued and redeemed, referral points credited. In AWS they are CloudWatch metrics
 * (embedded metric format lines, {@code loyaltyloop.aws.EmbeddedMetricFormat}) on the stack's dashboard.
 */
public interface LoopMetrics {

    /** The metric names, as the dashboard in template.yaml shows them. */
    String ORDERS_ACCEPTED = "OrdersAccepted";
    String ORDER_DUPLICATES = "OrderDuplicates";
    String ORDERS_IGNORED = "OrdersIgnored";
    String EMAILS_SENT = "EmailsSent";
    String COUPONS_ISSUED = "CouponsIssued";
    String COUPONS_REDEEMED = "CouponsRedeemed";
    String POINTS_CREDITED = "PointsCredited";
    /** The dimensions of {@link #ORDERS_IGNORED} and {@link #EMAILS_SENT}. */
    String REASON = "Reason";
    String KIND = "Kind";

    /** Counts one metric: {@code dimension} is null or a {name, value} pair. */
    void count(String metric, long value, String dimensionName, String dimensionValue);

    default void orderAccepted() {
        count(ORDERS_ACCEPTED, 1, null, null);
    }

    default void orderDuplicate() {
        count(ORDER_DUPLICATES, 1, null, null);
    }

    default void orderIgnored(String reason) {
        count(ORDERS_IGNORED, 1, REASON, IgnoredReasons.category(reason));
    }

    default void emailSent(String kind) {
        count(EMAILS_SENT, 1, KIND, kind);
    }

    default void couponIssued() {
        count(COUPONS_ISSUED, 1, null, null);
    }

    default void couponRedeemed() {
        count(COUPONS_REDEEMED, 1, null, null);
    }

    default void pointsCredited(long points) {
        count(POINTS_CREDITED, points, null, null);
    }
}
