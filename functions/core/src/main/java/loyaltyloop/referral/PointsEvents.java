package loyaltyloop.referral;

/** Names of the points events on the bus. */
public final class PointsEvents {

    public static final String SOURCE = "loyalty-loop.points";
    public static final String POINTS_CREDITED = "PointsCredited";
    public static final String POINTS_CLAWED_BACK = "PointsClawedBack";
    public static final String POINTS_REDEEMED = "PointsRedeemed";

    private PointsEvents() {
    }
}
