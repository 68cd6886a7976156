package loyaltyloop.shops;

/** Which customers may receive marketing email (follow-ups, surveys). */
public enum ConsentMode {
    /** Only customers who opted in on the platform. The default for Shopify, which reports consent. */
    EXPLICIT,
    /** Existing customers unless they opted out. The default for WooCommerce, which reports no consent. */
    SOFT_OPT_IN;

    public static ConsentMode defaultFor(Platform platform) {
        return platform == Platform.SHOPIFY ? EXPLICIT : SOFT_OPT_IN;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ConsentMode fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
