package loyaltyloop.email;

/** What an email is for; sent to SES as the message tag {@code kind} and shown in the local outbox. */
public enum EmailKind {
    AFFIRMATION("affirmation", false),
    FOLLOW_UP("follow-up", true),
    SURVEY("survey", true),
    COUPON("coupon", false),
    SERVICE_RECOVERY("service-recovery", false),
    OWNER_ALERT("owner-alert", false),
    POINTS("points", false),
    OWNER_DIGEST("owner-digest", false),
    /** Everything stored about one customer, to the shop owner, the JSON attached. */
    DATA_EXPORT("data-export", false);

    private final String wireName;
    private final boolean marketing;

    EmailKind(String wireName, boolean marketing) {
        this.wireName = wireName;
        this.marketing = marketing;
    }

    public String wireName() {
        return wireName;
    }

    /** Marketing kinds obey consent, unsubscribe and the frequency cap. */
    public boolean marketing() {
        return marketing;
    }
}
