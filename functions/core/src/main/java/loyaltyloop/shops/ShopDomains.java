package loyaltyloop.shops;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises what platforms send to identify a shop ({@code X-Shopify-Shop-Domain: demo.myshopify.com},
 * {@code X-WC-Webhook-Source: https://Shop.Example/}) to one key: the lower-case host, plus any path for a
 * WordPress in a sub-folder, without scheme, port 443/80 or trailing slash.
 */
public final class ShopDomains {

    private ShopDomains() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.trim();
        if (value.isEmpty() || value.length() > 255) {
            return Optional.empty();
        }
        if (!value.contains("://")) {
            value = "https://" + value;
        }
        try {
            URI uri = new URI(value);
            String host = uri.getHost();
            if (host == null || host.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder key = new StringBuilder(host.toLowerCase(Locale.ROOT));
            int port = uri.getPort();
            if (port != -1 && port != 80 && port != 443) {
                key.append(':').append(port);
            }
            String path = uri.getPath();
            if (path != null) {
                String trimmed = path.replaceAll("/+$", "");
                key.append(trimmed.toLowerCase(Locale.ROOT));
            }
            return Optional.of(key.toString());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
