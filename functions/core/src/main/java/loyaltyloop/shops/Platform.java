package loyaltyloop.shops;

import java.util.Locale;

public enum Platform {
    SHOPIFY, WOOCOMMERCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
