package loyaltyloop.links;

/** Each purpose signs differently, so a token for one route is worthless on another. */
public enum LinkPurpose {
    UNSUBSCRIBE("u"),
    SURVEY("s"),
    POINTS("p"),
    /** The owner page ({@code /o/{token}}): names the shop only. */
    OWNER("o");

    private final String code;

    LinkPurpose(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static LinkPurpose fromCode(String code) {
        for (LinkPurpose p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }
}
