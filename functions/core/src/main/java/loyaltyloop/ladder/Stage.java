package loyaltyloop.ladder;

/** A customer's rung on the loyalty ladder, lowest first; {@link #LAPSED} sits below them all. */
public enum Stage {
    LAPSED("lapsed"),
    FIRST_TIME("firstTime"),
    REPEAT("repeat"),
    LOYAL("loyal"),
    ADVOCATE("advocate");

    private final String wireName;

    Stage(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the owner JSON and in message keys. */
    public String wireName() {
        return wireName;
    }

    /** The rungs a customer can hold while not lapsed, lowest first. */
    public static final java.util.List<Stage> CLIMBING = java.util.List.of(FIRST_TIME, REPEAT, LOYAL, ADVOCATE);
}
